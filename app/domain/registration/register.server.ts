// Registering for an event, one step per function:
//   loadTicketTypeForRegistration (ticket type ∈ event, questions)  → assertOnSale (code, window, limit)
//   → parseAnswers → initialRegistrationStatus → ONE statement (one implicit transaction): take
//   the seat with takeSeat's conditional UPDATE (or WAITLISTED when full), insert the
//   registration (the partial unique index refuses a second active one), its answers and its
//   email. The expensive parts of the email (QR code PNG, calendar invitation) are drawn
//   before the statement, so the ticket type's row lock is held only for the SQL itself.
//   Webinars run that statement in a transaction that also queues the session reminders of a
//   confirmed attendee (participation.server.ts).
//
// Under a rush (bench: 2 000 attempts for 100 seats) three things keep the hot path lean:
// concurrent reads of the same ticket type share one query (load-ticket.server.ts); the ticket
// email is drawn only by attempts likely to get a seat; and attempts that find the ticket type
// full join the waiting list in batched statements (waitlist-batch.server.ts, group commit).
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { DomainError } from "~/domain/errors";
import { pendingApprovalEmail } from "~/domain/notifications/email-templates";
import type { OutgoingEmail } from "~/domain/notifications/outbox.server";
import type { PaymentMethod } from "~/generated/prisma/enums";
import { db, type Db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { parseAnswers, type Answer, type AnswerFormValues } from "./answers";
import { assertOnSale, loadTicketTypeForRegistration, type TicketTypeForRegistration } from "./load-ticket.server";
import { buildConfirmationEmail, emailEvent } from "./registration-emails.server";
import { startParticipation } from "./participation.server";
import { TX_OPTIONS } from "./seats.server";
import { generateTicketCode } from "./ticket-code";
import { holdExpiry, initialRegistrationStatus, type InitialStatus } from "./ticket-rules";
import { joinWaitlistIfFull, type WaitlistCandidate } from "./waitlist-batch.server";
import { isStripeConfigured as stripeConfigured } from "~/domain/payments/stripe.server";

export interface RegisterInput {
  eventSlug: string;
  ticketTypeId: string;
  accessCode?: string | null;
  paymentMethod?: PaymentMethod | null;
  /** Seats asked for; a registration is always one person, so anything but 1 is refused. */
  quantity?: number;
  /** The submitted form (answer.<questionId> fields) or a plain object. */
  answers: AnswerFormValues;
}

export interface RegisteredRegistration {
  id: string;
  eventId: string;
  ticketTypeId: string;
  status: "CONFIRMED" | "PENDING_APPROVAL" | "PENDING_PAYMENT" | "WAITLISTED";
  paymentStatus: "NONE" | "PENDING" | "UNPAID_INVOICE";
  paymentMethod: PaymentMethod | null;
  ticketCode: string;
  holdExpiresAt: Date | null;
}

export interface RegisterResult {
  registration: RegisteredRegistration;
  /** Pay with Stripe Checkout next (the route starts the session after this commit). */
  needsCheckout: boolean;
}

type Attendee = Pick<SessionUser, "id" | "email" | "name">;

/** Step: the status to start in, or a field-level refusal of the payment choice. */
function decideInitialStatus(ticketType: TicketTypeForRegistration, paymentMethod: PaymentMethod | null | undefined): Extract<InitialStatus, { ok: true }> {
  const initial = initialRegistrationStatus(ticketType, paymentMethod ?? null, { stripeConfigured: stripeConfigured() });
  if (!initial.ok) throw new DomainError("VALIDATION", initial.message, { fieldErrors: { paymentMethod: initial.message } });
  return initial;
}

/** Step: validated answers, or VALIDATION with one message per field. */
function validAnswers(ticketType: TicketTypeForRegistration, values: AnswerFormValues): Answer[] {
  if (ticketType.event.questions.length === 0) return [];
  const parsed = parseAnswers(ticketType.event.questions, values);
  if (!parsed.ok) throw new DomainError("VALIDATION", "Please check the highlighted answers.", { fieldErrors: parsed.fieldErrors });
  return parsed.answers;
}

/** Step: the email to queue for a registration that gets a seat in `status`. */
async function prepareEmail(status: RegisteredRegistration["status"], registration: RegisteredRegistration, ticketType: TicketTypeForRegistration, user: Attendee, now: Date): Promise<OutgoingEmail | null> {
  const event = ticketType.event;
  if (status === "CONFIRMED") {
    return buildConfirmationEmail({
      registration: { ...registration, sequence: 0, updatedAt: now },
      event,
      ticketTypeName: ticketType.name,
      attendee: user,
    });
  }
  if (status === "PENDING_APPROVAL") {
    return {
      to: user.email,
      ...pendingApprovalEmail({ attendeeName: user.name, event: emailEvent(event), ticketTypeName: ticketType.name, manageUrl: `${publicUrl()}/my/registrations` }),
      dedupeKey: `registration-pending:${registration.id}`,
    };
  }
  // PENDING_PAYMENT: the confirmation follows the payment (see enqueueConfirmationEmail).
  // WAITLISTED: the page says so; the email comes with an offer.
  return null;
}

function isActiveRegistrationConflict(error: unknown): boolean {
  const e = error as { code?: string; meta?: Record<string, unknown>; message?: string; cause?: unknown };
  const text = `${e?.message ?? ""} ${JSON.stringify(e?.meta ?? {})}`;
  if (/one_active_per_user_event/.test(text)) return true;
  return e?.code === "P2002" && /eventId|userId/.test(text) && !/ticketCode/.test(text);
}

/**
 * Registrations of this process still in flight per ticket type. Only a hint, used to decide
 * whether to draw the ticket's QR code before knowing the outcome: under a rush for 100 seats,
 * drawing 2 000 QR codes for people who end up on the waiting list would cost more than all
 * the SQL. Correctness never depends on it.
 */
const inFlight = new Map<string, number>();
/** The attempts of this process that expect a seat, per ticket type (see registerForEvent). */
const likely = new Map<string, Set<Promise<unknown>>>();

async function track<T>(ticketTypeId: string, work: Promise<T>): Promise<T> {
  let set = likely.get(ticketTypeId);
  if (!set) likely.set(ticketTypeId, (set = new Set()));
  set.add(work);
  try {
    return await work;
  } finally {
    set.delete(work);
    if (set.size === 0) likely.delete(ticketTypeId);
  }
}

/**
 * Step: seat + registration + answers + email as ONE SQL statement (one round trip, one
 * implicit transaction). The seat is the same conditional UPDATE as `takeSeat`; when it takes
 * no row, the registration goes on the waiting list, holds no seat and gets no email. A second
 * active registration of the same person fails the whole statement on the partial unique
 * index — the seat update with it.
 */
async function insertRegistration(client: Db | Tx, registration: RegisteredRegistration, userId: string, answers: Answer[], email: OutgoingEmail | null, now: Date): Promise<RegisteredRegistration["status"]> {
  const [row] = await client.$queryRaw<{ status: RegisteredRegistration["status"] }[]>`
    WITH seat AS (
      UPDATE "TicketType" SET "taken" = "taken" + 1
      WHERE "id" = ${registration.ticketTypeId}::uuid AND ("capacity" IS NULL OR "taken" < "capacity")
      RETURNING "id"
    ), reg AS (
      INSERT INTO "Registration" ("id", "eventId", "userId", "ticketTypeId", "status", "paymentStatus", "paymentMethod", "ticketCode", "holdExpiresAt", "createdAt", "updatedAt")
      SELECT ${registration.id}::uuid, ${registration.eventId}::uuid, ${userId}::uuid, ${registration.ticketTypeId}::uuid,
        CASE WHEN seated THEN ${registration.status}::"RegistrationStatus" ELSE 'WAITLISTED'::"RegistrationStatus" END,
        CASE WHEN seated THEN ${registration.paymentStatus}::"PaymentStatus" ELSE 'NONE'::"PaymentStatus" END,
        ${registration.paymentMethod}::"PaymentMethod", ${registration.ticketCode},
        CASE WHEN seated THEN ${registration.holdExpiresAt}::timestamptz END, ${now}::timestamptz, ${now}::timestamptz
      FROM (SELECT EXISTS (SELECT 1 FROM seat) AS seated) s
      RETURNING "id", "status"
    ), answers AS (
      INSERT INTO "RegistrationAnswer" ("registrationId", "questionId", "value")
      SELECT reg."id", a."questionId"::uuid, a."value"
      FROM reg, jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a("questionId" text, "value" jsonb)
    ), mail AS (
      INSERT INTO "OutboxEmail" ("toAddress", "subject", "textBody", "htmlBody", "attachments", "nextAttemptAt", "dedupeKey")
      SELECT ${email?.to ?? ""}, ${email?.subject ?? ""}, ${email?.text ?? ""}, ${email?.html ?? null}, ${JSON.stringify(email?.attachments ?? [])}::jsonb, ${now}::timestamptz, ${email?.dedupeKey ?? null}
      FROM reg WHERE ${email !== null} AND reg."status" <> 'WAITLISTED'
    )
    SELECT "status"::text AS "status" FROM reg`;
  return row.status;
}

/**
 * Step: `insertRegistration`, and for a webinar whose registration is confirmed at once, what
 * confirmation starts (its session reminders) in the same transaction. Other events keep the
 * single statement: it is the hot path of a registration rush.
 */
async function seatAndStart(registration: RegisteredRegistration, user: Attendee, ticketType: TicketTypeForRegistration, answers: Answer[], email: OutgoingEmail | null, now: Date): Promise<RegisteredRegistration["status"]> {
  if (ticketType.event.kind !== "WEBINAR") return insertRegistration(db(), registration, user.id, answers, email, now);
  return db().$transaction(async (tx) => {
    const status = await insertRegistration(tx, registration, user.id, answers, email, now);
    if (status === "CONFIRMED") await startParticipation(tx, { eventId: registration.eventId, eventKind: ticketType.event.kind, user }, now);
    return status;
  }, TX_OPTIONS);
}

/**
 * Step, for attempts whose email was not drawn up front: join the waiting list if (and only
 * if) the ticket type is full right now. Returns false when a seat looked free, and the caller
 * then draws the email and goes through `insertRegistration`.
 */
async function waitlistIfFull(registration: Pick<RegisteredRegistration, "id" | "eventId" | "ticketTypeId" | "paymentMethod" | "ticketCode">, userId: string, answers: Answer[], now: Date): Promise<boolean> {
  const [row] = await db().$queryRaw<{ inserted: number }[]>`
    WITH reg AS (
      INSERT INTO "Registration" ("id", "eventId", "userId", "ticketTypeId", "status", "paymentStatus", "paymentMethod", "ticketCode", "createdAt", "updatedAt")
      SELECT ${registration.id}::uuid, ${registration.eventId}::uuid, ${userId}::uuid, ${registration.ticketTypeId}::uuid,
        'WAITLISTED'::"RegistrationStatus", 'NONE'::"PaymentStatus", ${registration.paymentMethod}::"PaymentMethod", ${registration.ticketCode}, ${now}::timestamptz, ${now}::timestamptz
      FROM "TicketType" t WHERE t."id" = ${registration.ticketTypeId}::uuid AND t."capacity" IS NOT NULL AND t."taken" >= t."capacity"
      RETURNING "id"
    ), answers AS (
      INSERT INTO "RegistrationAnswer" ("registrationId", "questionId", "value")
      SELECT reg."id", a."questionId"::uuid, a."value"
      FROM reg, jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS a("questionId" text, "value" jsonb)
    )
    SELECT count(*)::int AS "inserted" FROM reg`;
  return row.inserted === 1;
}

/** One candidate on its own (a batch of one, or the retry of a failed batch). */
function waitlistOne(candidate: WaitlistCandidate): Promise<boolean> {
  return waitlistIfFull({ ...candidate, paymentMethod: candidate.paymentMethod as PaymentMethod | null }, candidate.userId, candidate.answers, candidate.now);
}

export async function registerForEvent(user: Attendee, input: RegisterInput, now: Date = new Date()): Promise<RegisterResult> {
  const ticketType = await loadTicketTypeForRegistration(input.eventSlug, input.ticketTypeId);
  const quantity = input.quantity ?? 1;
  assertOnSale(ticketType, { now, accessCode: input.accessCode, quantity });
  if (quantity !== 1) throw new DomainError("INVALID_QUANTITY", "Each registration is for one person: colleagues register with their own account.");
  const answers = validAnswers(ticketType, input.answers);
  const initial = decideInitialStatus(ticketType, input.paymentMethod);
  // Free events are open to unverified accounts; paying (and so holding a paid seat) is not.
  if (ticketType.priceCents > 0) await requireVerifiedEmail(db(), user.id, "pay for a ticket");

  const registration: RegisteredRegistration = {
    id: randomUUID(),
    eventId: ticketType.eventId,
    ticketTypeId: ticketType.id,
    status: initial.status,
    paymentStatus: initial.paymentStatus,
    paymentMethod: initial.paymentMethod,
    ticketCode: generateTicketCode(),
    holdExpiresAt: initial.needsHoldExpiry ? holdExpiry(now) : null,
  };

  const ahead = inFlight.get(ticketType.id) ?? 0;
  inFlight.set(ticketType.id, ahead + 1);
  try {
    // Cheap emails are always drawn up front; the ticket email (QR code) only when a seat is
    // likely for this attempt.
    const seatLikely = ticketType.capacity === null || ticketType.taken + ahead < ticketType.capacity;
    if (initial.status !== "CONFIRMED" || seatLikely) {
      const work = prepareEmail(initial.status, registration, ticketType, user, now).then((email) => seatAndStart(registration, user, ticketType, answers, email, now));
      return done(registration, await track(ticketType.id, work));
    }
    const candidate = { ...registration, userId: user.id, answers, now };
    if (await joinWaitlistIfFull(candidate, waitlistOne)) return done(registration, "WAITLISTED");
    // A seat looked free: probably only because the attempts ahead of this one are still
    // drawing their tickets. Let them finish, look again, and draw a ticket only if needed.
    await Promise.allSettled([...(likely.get(ticketType.id) ?? [])]);
    if (await joinWaitlistIfFull(candidate, waitlistOne)) return done(registration, "WAITLISTED");
    const email = await prepareEmail(initial.status, registration, ticketType, user, now);
    return done(registration, await seatAndStart(registration, user, ticketType, answers, email, now));
  } catch (error) {
    if (isActiveRegistrationConflict(error)) {
      throw new DomainError("ALREADY_REGISTERED", "You are already registered for this event. See “My registrations” to change or cancel it.");
    }
    throw error;
  } finally {
    const left = (inFlight.get(ticketType.id) ?? 1) - 1;
    if (left <= 0) inFlight.delete(ticketType.id);
    else inFlight.set(ticketType.id, left);
  }
}

function done(registration: RegisteredRegistration, status: RegisteredRegistration["status"]): RegisterResult {
  if (status === "WAITLISTED") {
    registration.status = "WAITLISTED";
    registration.paymentStatus = "NONE";
    registration.holdExpiresAt = null;
  }
  return { registration, needsCheckout: registration.status === "PENDING_PAYMENT" && registration.paymentMethod === "STRIPE" };
}
