// The registration store: every statement that creates a registration or moves a seat is written
// here, once. TicketType.taken counts every registration that holds a seat
// (SEAT_HOLDING_STATUSES) and is only ever changed by the two conditional updates below, inside
// the transaction (or the single statement) that changes the registration's status. The CHECK
// constraint (taken BETWEEN 0 AND capacity) is the last line of defence, the partial unique
// index (one active registration per person and event) the guarantee against doubles.
//
//   takeSeat / giveSeatBack        the seat ledger (waitlist.server.ts's releaseSeat also
//                                  offers a freed seat to the next person waiting)
//   insertSeatedRegistration       seat + registration + answers + email in ONE statement
//   insertWaitlisted               waiting-list registrations, only while the ticket type is full
import type { Answer } from "./answers";
import { DomainError } from "~/domain/kernel/errors";
import { outboxInsertSql, type OutgoingEmail } from "~/domain/notifications/outbox.server";
import type { PaymentMethod, PaymentStatus, RegistrationStatus } from "~/generated/prisma/enums";
import { Prisma } from "~/generated/prisma/client";
import { db, type Db, type Tx } from "~/platform/db.server";

/**
 * Under a rush, registrations queue for the pool's connections (DATABASE_POOL_SIZE): waiting
 * for one is normal and must not fail the attempt, so the wait is generous. The transaction
 * itself is a handful of statements; its timeout only guards against a stuck connection.
 */
export const TX_OPTIONS = { maxWait: 120_000, timeout: 30_000 } as const;

/** The seat take: one more seat taken while one is free. Locks the ticket type row until commit. */
function seatTakeSql(ticketTypeId: string): Prisma.Sql {
  return Prisma.sql`UPDATE "TicketType" SET "taken" = "taken" + 1 WHERE "id" = ${ticketTypeId}::uuid AND ("capacity" IS NULL OR "taken" < "capacity")`;
}

/** Takes one seat if one is free; true when it did. Locks the ticket type row until commit. */
export async function takeSeat(tx: Tx, ticketTypeId: string): Promise<boolean> {
  const updated = await tx.$executeRaw(seatTakeSql(ticketTypeId));
  return updated === 1;
}

/**
 * Gives one seat back, nothing more. Whoever frees a seat also offers it to the waiting list in
 * the same transaction: call waitlist.server.ts's `releaseSeat`, which does both.
 */
export async function giveSeatBack(tx: Tx, ticketTypeId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "TicketType" SET "taken" = "taken" - 1 WHERE "id" = ${ticketTypeId}::uuid AND "taken" > 0`;
}

/** A registration about to be written. */
export interface NewRegistration {
  id: string;
  eventId: string;
  userId: string;
  ticketTypeId: string;
  status: RegistrationStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: PaymentMethod | null;
  ticketCode: string;
  holdExpiresAt: Date | null;
}

/** The one column list of a new registration. */
const REGISTRATION_INSERT = Prisma.sql`INSERT INTO "Registration" ("id", "eventId", "userId", "ticketTypeId", "status", "paymentStatus", "paymentMethod", "ticketCode", "holdExpiresAt", "createdAt", "updatedAt")`;

/** CTE `answers`: the answers of the registrations `reg` returned (rows carry their registration's id). */
function answersCte(answers: { registrationId: string; questionId: string; value: unknown }[]): Prisma.Sql {
  return Prisma.sql`answers AS (
      INSERT INTO "RegistrationAnswer" ("registrationId", "questionId", "value")
      SELECT a."registrationId", a."questionId", a."value"
      FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a("registrationId" uuid, "questionId" uuid, "value" jsonb)
      JOIN reg ON reg."id" = a."registrationId"
    )`;
}

/**
 * Seat + registration + answers + email as ONE SQL statement (one round trip, one implicit
 * transaction). The seat is the same conditional UPDATE as `takeSeat`; when it takes no row, the
 * registration goes on the waiting list, holds no seat and gets no email. A second active
 * registration of the same person fails the whole statement on the partial unique index — the
 * seat update with it. Returns the status the registration was written with.
 */
export async function insertSeatedRegistration(
  client: Db | Tx,
  registration: NewRegistration,
  answers: Answer[],
  email: OutgoingEmail | null,
  now: Date,
): Promise<RegistrationStatus> {
  const mail = email ? Prisma.sql`, mail AS (${outboxInsertSql(email, now, Prisma.sql`reg WHERE reg."status" <> 'WAITLISTED'`)})` : Prisma.empty;
  // `member` shares the person's row lock with an account erasure (which holds it FOR UPDATE while
  // it cancels their registrations): a registration either commits first and is cancelled by the
  // erasure, or waits for it and finds the account gone — never a live seat for a deleted member.
  const [row] = await client.$queryRaw<{ status: RegistrationStatus }[]>`
    WITH member AS (
      SELECT "id" FROM "User" WHERE "id" = ${registration.userId}::uuid AND "deletedAt" IS NULL FOR SHARE
    ), seat AS (
      ${seatTakeSql(registration.ticketTypeId)} AND EXISTS (SELECT 1 FROM member)
      RETURNING "id"
    ), reg AS (
      ${REGISTRATION_INSERT}
      SELECT ${registration.id}::uuid, ${registration.eventId}::uuid, ${registration.userId}::uuid, ${registration.ticketTypeId}::uuid,
        CASE WHEN seated THEN ${registration.status}::"RegistrationStatus" ELSE 'WAITLISTED'::"RegistrationStatus" END,
        CASE WHEN seated THEN ${registration.paymentStatus}::"PaymentStatus" ELSE 'NONE'::"PaymentStatus" END,
        ${registration.paymentMethod}::"PaymentMethod", ${registration.ticketCode},
        CASE WHEN seated THEN ${registration.holdExpiresAt}::timestamptz END, ${now}::timestamptz, ${now}::timestamptz
      FROM (SELECT EXISTS (SELECT 1 FROM seat) AS seated) s
      WHERE EXISTS (SELECT 1 FROM member)
      RETURNING "id", "status"
    ), ${answersCte(answers.map((a) => ({ registrationId: registration.id, questionId: a.questionId, value: a.value })))}${mail}
    SELECT "status"::text AS "status" FROM reg`;
  if (!row) throw new DomainError("UNAUTHENTICATED", "This account has been deleted.");
  return row.status;
}

/** One attempt to join a full ticket type's waiting list. */
export interface WaitlistCandidate {
  id: string;
  eventId: string;
  userId: string;
  ticketTypeId: string;
  paymentMethod: string | null;
  ticketCode: string;
  answers: Answer[];
  now: Date;
}

/**
 * Writes the candidates as WAITLISTED registrations (with their answers), each only if its
 * ticket type is full at this moment, checked in the same statement. ONE statement, so all or
 * nothing (two attempts of one person meet the one-active-registration index and fail it all).
 * Returns the ids written.
 */
export async function insertWaitlisted(candidates: readonly WaitlistCandidate[], client: Db | Tx = db()): Promise<Set<string>> {
  const rows = candidates.map((c) => ({
    id: c.id,
    eventId: c.eventId,
    userId: c.userId,
    ticketTypeId: c.ticketTypeId,
    paymentMethod: c.paymentMethod,
    ticketCode: c.ticketCode,
    at: c.now.toISOString(),
  }));
  const answers = candidates.flatMap((c) => c.answers.map((a) => ({ registrationId: c.id, questionId: a.questionId, value: a.value })));
  const inserted = await client.$queryRaw<{ id: string }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS i("id" uuid, "eventId" uuid, "userId" uuid, "ticketTypeId" uuid, "paymentMethod" text, "ticketCode" text, "at" timestamptz)
    ), members AS (
      SELECT "id" FROM "User" WHERE "id" IN (SELECT "userId" FROM input) AND "deletedAt" IS NULL FOR SHARE
    ), reg AS (
      ${REGISTRATION_INSERT}
      SELECT i."id", i."eventId", i."userId", i."ticketTypeId", 'WAITLISTED'::"RegistrationStatus", 'NONE'::"PaymentStatus", i."paymentMethod"::"PaymentMethod", i."ticketCode", NULL, i."at", i."at"
      FROM input i JOIN "TicketType" t ON t."id" = i."ticketTypeId" JOIN members m ON m."id" = i."userId"
      WHERE t."capacity" IS NOT NULL AND t."taken" >= t."capacity"
      RETURNING "id"
    ), ${answersCte(answers)}
    SELECT "id"::text AS "id" FROM reg`;
  return new Set(inserted.map((row) => row.id));
}
