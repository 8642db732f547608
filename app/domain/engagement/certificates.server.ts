// Certificates of attendance: decided from the registration (check-in) and the recorded online
// attendance, issued once per registration with a random code (the QR code's target), rendered as
// a PDF with pdfkit, and confirmed on a public check page that names the event, its dates and the
// holder's initials — nothing more about the person.
import { randomBytes } from "node:crypto";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { formatDate, formatDateSpan } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { CERTIFICATE_CODE, certificateDecision, DEFAULT_MIN_SHARE_PCT, formatHours, initialsOf, type CertificateDecision } from "./certificates";

export async function engagementSettings(eventId: string): Promise<{ certificateMinSharePct: number; feedbackDelayHours: number }> {
  const row = await db().engagementSettings.findUnique({ where: { eventId }, select: { certificateMinSharePct: true, feedbackDelayHours: true } });
  return row ?? { certificateMinSharePct: DEFAULT_MIN_SHARE_PCT, feedbackDelayHours: 2 };
}

async function registrationFacts(userId: string, registrationId: string) {
  requireUuid(registrationId, "This registration does not exist.");
  const registration = await db().registration.findFirst({
    where: { id: registrationId, userId },
    select: {
      id: true,
      status: true,
      checkedInAt: true,
      user: { select: { name: true } },
      event: { select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true, venueName: true, mode: true } },
    },
  });
  // Another person's registration is as absent as a missing one.
  if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
  const [sessions, attended, settings] = await Promise.all([
    db().agendaSession.findMany({ where: { eventId: registration.event.id, status: "PUBLISHED" }, select: { id: true, startsAt: true, endsAt: true } }),
    db().sessionAttendance.findMany({ where: { userId, session: { eventId: registration.event.id } }, select: { sessionId: true } }),
    engagementSettings(registration.event.id),
  ]);
  const joined = new Set(attended.map((a) => a.sessionId));
  const decision = certificateDecision({
    confirmed: registration.status === "CONFIRMED",
    checkedIn: registration.checkedInAt !== null,
    eventEnded: registration.event.endsAt.getTime() <= Date.now(),
    event: registration.event,
    sessions: sessions.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, attended: joined.has(s.id) })),
    minSharePct: settings.certificateMinSharePct,
  });
  return { registration, decision };
}

/** Whether this person's registration earns a certificate (for the registration page). NOT_FOUND for someone else's. */
export async function certificateStatus(userId: string, registrationId: string): Promise<CertificateDecision> {
  return (await registrationFacts(userId, registrationId)).decision;
}

export interface IssuedCertificate {
  code: string;
  name: string;
  eventTitle: string;
  dates: string;
  place: string;
  minutes: number;
  issuedAt: Date;
  checkUrl: string;
}

/** Issues (once per registration; the same code afterwards) the certificate of a person who attended. */
export async function issueCertificate(userId: string, registrationId: string): Promise<IssuedCertificate> {
  const { registration, decision } = await registrationFacts(userId, registrationId);
  if (!decision.ok) throw new DomainError("FORBIDDEN", decision.reason);
  const event = registration.event;
  // The unique registrationId makes a second issue (two clicks at once) keep the first code.
  await db().$executeRaw`
    INSERT INTO "Certificate" ("code", "registrationId", "userId", "eventId", "minutes")
    VALUES (${randomBytes(16).toString("base64url")}, ${registration.id}::uuid, ${userId}::uuid, ${event.id}::uuid, ${decision.minutes})
    ON CONFLICT ("registrationId") DO NOTHING`;
  const certificate = await db().certificate.findUniqueOrThrow({
    where: { registrationId: registration.id },
    select: { code: true, minutes: true, issuedAt: true },
  });
  return {
    code: certificate.code,
    name: registration.user.name,
    eventTitle: event.title,
    dates: formatDateSpan(event.startsAt, event.endsAt, event.timeZone),
    place: event.mode === "ONLINE" ? "Online" : [event.venueName, event.city].filter(Boolean).join(", ") || "Online",
    minutes: certificate.minutes,
    issuedAt: certificate.issuedAt,
    checkUrl: `${publicUrl()}/certificates/${certificate.code}`,
  };
}

/** The certificate as an A4 landscape PDF (standard fonts, the QR code as a PNG). */
export async function renderCertificatePdf(certificate: IssuedCertificate): Promise<Buffer> {
  const qr = await QRCode.toBuffer(certificate.checkUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 220 });
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 56,
    info: { Title: `Certificate of attendance — ${certificate.eventTitle}`, Author: "SCALE Events", Subject: "Certificate of attendance" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const width = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke("#0b5cad");
  doc.fillColor("#0b5cad").font("Helvetica-Bold").fontSize(14).text("SCALE EVENTS", 56, 64, { width, align: "center", characterSpacing: 2 });
  doc.fillColor("#0f1f2e").font("Helvetica-Bold").fontSize(34).text("Certificate of attendance", 56, 100, { width, align: "center" });
  doc.font("Helvetica").fontSize(15).fillColor("#44546a").text("This certifies that", 56, 170, { width, align: "center" });
  doc.font("Helvetica-Bold").fontSize(28).fillColor("#0f1f2e").text(certificate.name, 56, 196, { width, align: "center" });
  doc.font("Helvetica").fontSize(15).fillColor("#44546a").text("attended", 56, 244, { width, align: "center" });
  doc.font("Helvetica-Bold").fontSize(22).fillColor("#0f1f2e").text(certificate.eventTitle, 56, 270, { width, align: "center" });
  doc
    .font("Helvetica")
    .fontSize(14)
    .fillColor("#0f1f2e")
    .text(`${certificate.dates} · ${certificate.place}`, 56, 310, { width, align: "center" })
    .text(`Time attended: ${formatHours(certificate.minutes)}`, { width, align: "center" });
  const qrSize = 110;
  const bottom = doc.page.height - 56 - qrSize - 10;
  doc.image(qr, 56 + 10, bottom, { width: qrSize, height: qrSize });
  doc
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#44546a")
    .text(`Check that this certificate is genuine: ${certificate.checkUrl}`, 56 + qrSize + 28, bottom + 40, { width: width - qrSize - 40 })
    .text(`Certificate ${certificate.code} · issued ${formatDate(certificate.issuedAt, "UTC")}`, { width: width - qrSize - 40 });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

export interface CertificateCheck {
  eventTitle: string;
  dates: string;
  initials: string;
  issuedOn: string;
}

/** The public check page's answer: event, dates, initials — or NOT_FOUND for any other code. */
export async function checkCertificate(code: string): Promise<CertificateCheck> {
  if (!CERTIFICATE_CODE.test(code)) throw new DomainError("NOT_FOUND", "There is no certificate with this code.");
  const row = await db().$queryRaw<{ title: string; startsAt: Date; endsAt: Date; timeZone: string; name: string; issuedAt: Date }[]>`
    SELECT e."title", e."startsAt", e."endsAt", e."timeZone", u."name", c."issuedAt"
    FROM "Certificate" c JOIN "Event" e ON e."id" = c."eventId" JOIN "User" u ON u."id" = c."userId"
    WHERE c."code" = ${code}`;
  if (row.length === 0) throw new DomainError("NOT_FOUND", "There is no certificate with this code.");
  const [c] = row;
  return {
    eventTitle: c.title,
    dates: formatDateSpan(c.startsAt, c.endsAt, c.timeZone),
    initials: initialsOf(c.name),
    issuedOn: formatDate(c.issuedAt, c.timeZone),
  };
}
