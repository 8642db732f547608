// The outbox sender against a real local SMTP server (tests/support/smtp-sink.ts): sends when
// SMTP is up, retries with backoff when it is down or refuses, loses nothing, gives up after
// MAX_EMAIL_ATTEMPTS or on a permanent refusal, and two workers never send one email twice.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BASE_DELAY_MS, MAX_EMAIL_ATTEMPTS, delayBounds } from "~/domain/notifications/backoff";
import { createMailTransport, sendDueEmails, startOutboxWorker, CLAIM_LEASE_MS } from "~/domain/notifications/mailer.server";
import type { EmailDrafter } from "~/domain/notifications/drafts";
import { draftEmail, enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
});

afterEach(async () => {
  sink.refuseWith(null);
  sink.messages.length = 0;
  await db().outboxEmail.deleteMany({});
});

async function queue(count: number, prefix = "mail") {
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueEmail(tx, {
        to: `${prefix}-${i}@city.example`,
        subject: `Subject ${prefix} ${i}`,
        text: `Hello ${i}`,
        html: `<p>Hello <strong>${i}</strong></p>`,
        attachments:
          i === 0
            ? [
                { filename: "invite.ics", contentType: "text/calendar", content: Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").toString("base64") },
                // Stored as the text it encodes; drawn as a PNG only when the email is sent.
                { filename: "ticket-ABCDE-FGHJK.png", contentType: "image/png", qrCode: "ABCDE-FGHJK" },
              ]
            : [],
      });
    }
  });
}

describe("sending the outbox over SMTP", () => {
  it("sends due emails with their HTML and attachments, marks them SENT, and leaves future ones alone", async () => {
    await queue(3);
    await enqueueEmail(db(), { to: "later@city.example", subject: "Reminder", text: "Tomorrow", sendAfter: new Date(Date.now() + 3_600_000) });
    const transport = createMailTransport(sink.url);
    const report = await sendDueEmails(transport, { from: "SCALE Events <events@scale.test>" });
    transport.close();

    expect(report).toMatchObject({ claimed: 3, sent: 3, retrying: 0, failed: 0 });
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(["mail-0@city.example", "mail-1@city.example", "mail-2@city.example"]);
    const first = sink.messages.find((m) => m.to[0] === "mail-0@city.example")!;
    expect(first.from).toBe("events@scale.test");
    expect(first.header("subject")).toBe("Subject mail 0");
    expect(first.data).toContain("text/html");
    expect(first.data).toContain("filename=invite.ics");
    expect(first.data).toMatch(/Content-Type: image\/png;? ?(name=ticket-ABCDE-FGHJK\.png)?/);
    expect(first.data).toContain("filename=ticket-ABCDE-FGHJK.png");
    expect(first.data).toContain("iVBORw0KGgo"); // the PNG signature, base64
    expect(first.header("x-outbox-id")).toBeTruthy();
    const rows = await db().outboxEmail.findMany({ orderBy: { toAddress: "asc" } });
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(3);
    expect(rows.find((r) => r.toAddress === "later@city.example")!.status).toBe("PENDING");
    expect(rows.filter((r) => r.status === "SENT").every((r) => r.sentAt !== null && r.attempts === 0)).toBe(true);
  });

  it("when SMTP is down: records the error, backs off, loses nothing, and sends once it is back", async () => {
    await queue(2, "outage");
    await sink.stop();
    const transport = createMailTransport(sink.url);
    const failedAt = new Date();
    const down = await sendDueEmails(transport, { now: () => failedAt, random: () => 0 });
    expect(down).toMatchObject({ claimed: 2, sent: 0, retrying: 2 });
    const pending = await db().outboxEmail.findMany();
    for (const row of pending) {
      expect(row.status).toBe("PENDING");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      // random() = 0 → the lower bound of the first backoff step.
      expect(row.nextAttemptAt.getTime()).toBe(failedAt.getTime() + delayBounds(1).minMs);
    }
    // Not due yet: nothing is claimed before the backoff ends.
    expect((await sendDueEmails(transport)).claimed).toBe(0);

    await sink.start();
    const later = new Date(failedAt.getTime() + BASE_DELAY_MS + 1);
    const back = await sendDueEmails(transport, { now: () => later });
    transport.close();
    expect(back).toMatchObject({ claimed: 2, sent: 2 });
    expect(sink.messages).toHaveLength(2);
    expect((await db().outboxEmail.findMany()).every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("a temporary refusal (451) is retried; each failure pushes the next attempt further out", async () => {
    await queue(1, "busy");
    sink.refuseWith("451 4.3.0 Mailbox temporarily unavailable");
    const transport = createMailTransport(sink.url);
    let clock = Date.now();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await sendDueEmails(transport, { now: () => new Date(clock), random: () => 0.5 });
      expect(report.retrying).toBe(1);
      const row = await db().outboxEmail.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/451/);
      delays.push(row.nextAttemptAt.getTime() - clock);
      clock = row.nextAttemptAt.getTime();
    }
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    sink.refuseWith(null);
    expect(await sendDueEmails(transport, { now: () => new Date(clock) })).toMatchObject({ sent: 1 });
    transport.close();
    expect(sink.messages).toHaveLength(1);
  });

  it("gives up after MAX_EMAIL_ATTEMPTS, and at once on a permanent refusal (550)", async () => {
    await queue(1, "hopeless");
    await db().outboxEmail.updateMany({ data: { attempts: MAX_EMAIL_ATTEMPTS - 1 } });
    sink.refuseWith("451 4.3.0 Still busy");
    const transport = createMailTransport(sink.url);
    expect(await sendDueEmails(transport)).toMatchObject({ failed: 1 });
    expect(await db().outboxEmail.findFirstOrThrow()).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS });

    await db().outboxEmail.deleteMany({});
    await queue(1, "unknown-user");
    sink.refuseWith("550 5.1.1 No such user");
    expect(await sendDueEmails(transport)).toMatchObject({ failed: 1 });
    transport.close();
    const row = await db().outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toMatch(/550/);
  });

  it("two workers racing over 60 emails send each exactly once", async () => {
    await queue(60, "race");
    const transports = [createMailTransport(sink.url), createMailTransport(sink.url), createMailTransport(sink.url)];
    // Several passes per worker, all at once, in small batches, so claims interleave.
    const reports = await Promise.all(transports.flatMap((transport) => [1, 2, 3, 4].map(() => sendDueEmails(transport, { limit: 7 }))));
    let rest = await sendDueEmails(transports[0], { limit: 100 });
    while (rest.claimed > 0) rest = await sendDueEmails(transports[0], { limit: 100 });
    for (const transport of transports) transport.close();

    const ids = sink.messages.map((m) => m.header("x-outbox-id"));
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBeLessThanOrEqual(60);
    expect(await db().outboxEmail.count({ where: { status: "SENT" } })).toBe(60);
  });

  it("a claimed email is invisible to other workers until its lease ends (a crashed worker's email is retried later)", async () => {
    await queue(1, "lease");
    const { claimDueEmails } = await import("~/domain/notifications/mailer.server");
    const now = new Date();
    const claimed = await claimDueEmails(10, now);
    expect(claimed).toHaveLength(1);
    expect(await claimDueEmails(10, now)).toHaveLength(0);
    // The worker "died": after the lease, another worker picks it up.
    const afterLease = new Date(now.getTime() + CLAIM_LEASE_MS + 1);
    expect(await claimDueEmails(10, afterLease)).toHaveLength(1);
  });

  it("an email re-queued under its dedupe key while being sent is not marked sent with the old content", async () => {
    await enqueueEmail(db(), { to: "moved@city.example", subject: "Session at 10:00", text: "old", dedupeKey: "reminder:1" });
    let requeued = false;
    const slowTransport = {
      async sendMail() {
        if (!requeued) {
          requeued = true;
          await enqueueEmail(db(), { to: "moved@city.example", subject: "Session at 11:00", text: "new", dedupeKey: "reminder:1" });
        }
        return {};
      },
    };
    const report = await sendDueEmails(slowTransport as never);
    expect(report).toMatchObject({ claimed: 1, superseded: 1 });
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: "reminder:1" } });
    expect(row).toMatchObject({ status: "PENDING", subject: "Session at 11:00" });
  });

  it("the worker loop sends what is queued while it runs, and stops cleanly", async () => {
    const worker = startOutboxWorker({ transport: createMailTransport(sink.url), intervalMs: 100 });
    await queue(5, "loop");
    worker.wake();
    const deadline = Date.now() + 10_000;
    while (sink.messages.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
    expect(sink.messages).toHaveLength(5);
    expect(await db().outboxEmail.count({ where: { status: "SENT" } })).toBe(5);
  });

  it("draws a draft just before sending it, keeps what it drew, and withdraws a draft with nothing to send", async () => {
    const [kept, gone] = [randomUUID(), randomUUID()];
    const drawn: string[] = [];
    const drafter: EmailDrafter = async (draft) => {
      drawn.push(draft.id);
      return draft.id === kept ? { subject: "You're registered: Smart Lighting Lab", text: "Your ticket code is ABCDE-FGHJK.", html: "<p>Ticket</p>" } : null;
    };
    await enqueueEmail(db(), draftEmail("kept@city.example", { kind: "registration-confirmed", id: kept }, `registration-confirmed:${kept}`));
    await enqueueEmail(db(), draftEmail("gone@city.example", { kind: "registration-confirmed", id: gone }, `registration-confirmed:${gone}`));
    const queued = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-confirmed:${kept}` } });
    expect(queued).toMatchObject({
      subject: "Registration confirmation (written when sent)",
      textBody: "",
      draft: { kind: "registration-confirmed", id: kept },
    });

    const transport = createMailTransport(sink.url);
    const report = await sendDueEmails(transport, { drafter });
    transport.close();
    expect(report).toMatchObject({ claimed: 2, sent: 1, withdrawn: 1, retrying: 0, failed: 0 });
    expect(drawn.sort()).toEqual([kept, gone].sort());
    expect(sink.messages.map((m) => m.to[0])).toEqual(["kept@city.example"]);
    expect(sink.messages[0].data).toContain("ABCDE-FGHJK");
    const sent = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-confirmed:${kept}` } });
    expect(sent).toMatchObject({ status: "SENT", subject: "You're registered: Smart Lighting Lab", textBody: "Your ticket code is ABCDE-FGHJK.", draft: null });
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${gone}` } })).toBe(0);
  });

  it("a draft this process cannot draw is retried with the reason, never sent empty", async () => {
    const id = randomUUID();
    await enqueueEmail(db(), draftEmail("later@city.example", { kind: "registration-confirmed", id }, `registration-confirmed:${id}`));
    const transport = createMailTransport(sink.url);
    const report = await sendDueEmails(transport);
    transport.close();
    expect(report).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    expect(sink.messages).toHaveLength(0);
    const row = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-confirmed:${id}` } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, draft: { kind: "registration-confirmed", id } });
    expect(row.lastError).toMatch(/cannot draw "registration-confirmed" emails/);
  });
});
