// Checking people in at the door. A scan counts once: the update only applies while
// checkedInAt IS NULL, so two volunteers scanning the same ticket at the same moment get one
// "checked in" and one "already checked in at HH:MM by X".
import { DomainError } from "~/domain/kernel/errors";
import { formatTime } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { normaliseTicketCode } from "./ticket-code";

export type CheckInResult =
  | { kind: "CHECKED_IN"; attendeeName: string; ticketTypeName: string; ticketCode: string; at: Date; invoiceUnpaid: boolean }
  | { kind: "ALREADY"; attendeeName: string; ticketTypeName: string; ticketCode: string; at: Date; byName: string | null; atLabel: string };

const STATUS_WORDS: Record<string, string> = {
  PENDING_APPROVAL: "still waiting for approval",
  PENDING_PAYMENT: "not paid yet",
  WAITLISTED: "on the waiting list",
  OFFERED: "an unclaimed waiting-list offer",
  CANCELLED: "cancelled",
  REJECTED: "rejected",
  EXPIRED: "expired",
};

export async function checkIn(event: { id: string; timeZone: string }, staffId: string, rawCode: string, now: Date = new Date()): Promise<CheckInResult> {
  const code = normaliseTicketCode(rawCode);
  if (!code)
    throw new DomainError("VALIDATION", "That is not a ticket code. Codes look like ABCDE-23456.", { fieldErrors: { code: "Type or scan a ticket code." } });
  const [checked] = await db().$queryRaw<{ id: string }[]>`
    UPDATE "Registration" SET "checkedInAt" = ${now}, "checkedInById" = ${staffId}::uuid, "updatedAt" = ${now}
    WHERE "eventId" = ${event.id}::uuid AND "ticketCode" = ${code} AND "status" = 'CONFIRMED' AND "checkedInAt" IS NULL
    RETURNING "id"`;
  const row = await db().registration.findFirst({
    where: { eventId: event.id, ticketCode: code },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      checkedInAt: true,
      ticketCode: true,
      user: { select: { name: true } },
      ticketType: { select: { name: true } },
      checkedInBy: { select: { name: true } },
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", `No ticket ${code} for this event. Check the code, or look the person up in the registrations list.`);
  if (checked && checked.id === row.id) {
    return {
      kind: "CHECKED_IN",
      attendeeName: row.user.name,
      ticketTypeName: row.ticketType.name,
      ticketCode: row.ticketCode,
      at: now,
      invoiceUnpaid: row.paymentStatus === "UNPAID_INVOICE",
    };
  }
  if (row.checkedInAt) {
    return {
      kind: "ALREADY",
      attendeeName: row.user.name,
      ticketTypeName: row.ticketType.name,
      ticketCode: row.ticketCode,
      at: row.checkedInAt,
      byName: row.checkedInBy?.name ?? null,
      atLabel: formatTime(row.checkedInAt, event.timeZone),
    };
  }
  throw new DomainError(
    "TICKET_NOT_VALID",
    `This ticket is ${STATUS_WORDS[row.status] ?? row.status.toLowerCase()} — ${row.user.name} cannot be checked in with it.`,
  );
}

export async function recentCheckIns(eventId: string, limit = 10) {
  return db().registration.findMany({
    where: { eventId, checkedInAt: { not: null } },
    orderBy: { checkedInAt: "desc" },
    take: limit,
    select: {
      id: true,
      checkedInAt: true,
      ticketCode: true,
      user: { select: { name: true } },
      ticketType: { select: { name: true } },
      checkedInBy: { select: { name: true } },
    },
  });
}
