// Registering for an event, one step per function:
//   loadTicketTypeForRegistration (ticket type ∈ event, questions)  → assertOnSale (code, window, limit)
//   → parseAnswers → initialRegistrationStatus → ONE statement (one implicit transaction): take
//   the seat with takeSeat's conditional UPDATE (or WAITLISTED when full), insert the
//   registration (the partial unique index refuses a second active one), its answers and its
//   email. The ticket email goes in as a draft (notifications/drafts.ts) that the mail worker
//   draws when it sends it, so neither the person registering nor the ticket type's row lock
//   waits for its templates, calendar invitation and QR code.
//   Webinars run that statement in a transaction that also queues the session reminders of a
//   confirmed attendee (participation.server.ts).
//
// Under a rush (bench: 2 000 attempts for 100 seats) three things keep the hot path lean:
// concurrent reads of the same ticket type share one query (load-ticket.server.ts); only
// attempts likely to get a seat take the ticket type's row lock; and attempts that find the
// ticket type full join the waiting list in batched statements (waitlist-batch.server.ts, group
// commit).
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { DomainError } from "~/domain/kernel/errors";
import { pendingApprovalEmail } from "~/domain/notifications/emails/registration";
import type { OutgoingEmail } from "~/domain/notifications/outbox.server";
import type { PaymentMethod } from "~/generated/prisma/enums";
import { db, type Db, type Tx } from "~/platform/db.server";
import { myRegistrationsUrl } from "~/domain/kernel/links.server";
import { parseAnswers, type Answer, type AnswerFormValues } from "./answers";
import { assertOnSale, loadTicketTypeForRegistration, type TicketTypeForRegistration } from "./load-ticket.server";
import { confirmationDraft, eventIn } from "./registration-emails.server";
import { toLanguage } from "~/domain/kernel/i18n/languages";
import { emailEvent } from "~/domain/notifications/emails/layout";
import { startParticipation } from "./participation.server";
import { TX_OPTIONS, insertSeatedRegistration, insertWaitlisted, type WaitlistCandidate } from "./store.server";
import { generateTicketCode } from "./ticket-code";
import { holdExpiry, initialRegistrationStatus, type InitialStatus } from "./ticket-rules";
import { joinWaitlistIfFull } from "./waitlist-batch.server";
import { isStripeConfigured as stripeConfigured } from "~/platform/env.server";

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

type Attendee = Pick<SessionUser, "id" | "email" | "name"> & { locale?: string | null };

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
async function prepareEmail(
  status: RegisteredRegistration["status"],
  registration: RegisteredRegistration,
  ticketType: TicketTypeForRegistration,
  user: Attendee,
): Promise<OutgoingEmail | null> {
  const event = ticketType.event;
  // The ticket email is drawn by the mail worker (a draft: one small row in this statement).
  if (status === "CONFIRMED") return confirmationDraft(registration.id, user.email);
  if (status === "PENDING_APPROVAL") {
    return {
      to: user.email,
      ...pendingApprovalEmail({
        attendeeName: user.name,
        language: user.locale,
        event: emailEvent(eventIn(event, toLanguage(user.locale) ?? "en")),
        ticketTypeName: ticketType.name,
        manageUrl: myRegistrationsUrl(),
      }),
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
 * whether an attempt goes for a seat (one statement, queued behind the ticket type's row lock)
 * or first tries the batched waiting list: under a rush for 100 seats, 2 000 attempts queueing
 * one by one on that lock would cost more than all the rest. Correctness never depends on it.
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
 * Step: `insertSeatedRegistration` (store.server.ts: seat, registration, answers and email in
 * one statement), and for a webinar whose registration is confirmed at once, what
 * confirmation starts (its session reminders) in the same transaction. Other events keep the
 * single statement: it is the hot path of a registration rush.
 */
async function seatAndStart(
  registration: RegisteredRegistration,
  user: Attendee,
  ticketType: TicketTypeForRegistration,
  answers: Answer[],
  email: OutgoingEmail | null,
  now: Date,
): Promise<RegisteredRegistration["status"]> {
  const row = { ...registration, userId: user.id };
  const insert = async (client: Db | Tx) => (await insertSeatedRegistration(client, row, answers, email, now)) as RegisteredRegistration["status"];
  if (ticketType.event.kind !== "WEBINAR") return insert(db());
  return db().$transaction(async (tx) => {
    const status = await insert(tx);
    if (status === "CONFIRMED") await startParticipation(tx, { eventId: registration.eventId, eventKind: ticketType.event.kind, user }, now);
    return status;
  }, TX_OPTIONS);
}

/**
 * One candidate on its own (a batch of one, or the retry of a failed batch): joins the waiting
 * list if (and only if) the ticket type is full right now. False when a seat looked free; the
 * caller then draws the email and goes through `insertSeatedRegistration`.
 */
async function waitlistOne(candidate: WaitlistCandidate): Promise<boolean> {
  return (await insertWaitlisted([candidate])).has(candidate.id);
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
    // Approvals and payments always go straight for a seat; a free ticket only when one is
    // likely for this attempt, else it tries the batched waiting list first.
    const seatLikely = ticketType.capacity === null || ticketType.taken + ahead < ticketType.capacity;
    if (initial.status !== "CONFIRMED" || seatLikely) {
      const work = prepareEmail(initial.status, registration, ticketType, user).then((email) =>
        seatAndStart(registration, user, ticketType, answers, email, now),
      );
      return done(registration, await track(ticketType.id, work));
    }
    const candidate = { ...registration, userId: user.id, answers, now };
    if (await joinWaitlistIfFull(candidate, waitlistOne)) return done(registration, "WAITLISTED");
    // A seat looked free: probably only because the attempts ahead of this one are still
    // taking theirs. Let them finish, look again, and go for a seat only if one is left.
    await Promise.allSettled([...(likely.get(ticketType.id) ?? [])]);
    if (await joinWaitlistIfFull(candidate, waitlistOne)) return done(registration, "WAITLISTED");
    const email = await prepareEmail(initial.status, registration, ticketType, user);
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
