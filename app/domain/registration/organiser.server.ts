// Ticket types and registration questions of one event, for its organisers. Every query is
// scoped by the event id that requireManagedEvent returned.
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { db } from "~/platform/db.server";
import { ticketTypeData, type QuestionForm, type TicketTypeForm } from "./organiser-input";
import { TX_OPTIONS } from "./store.server";
import { offerFreeSeats } from "./waitlist.server";

export async function listTicketTypes(eventId: string) {
  return db().ticketType.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { registrations: { where: { status: "WAITLISTED" } } } } },
  });
}

export async function getTicketType(eventId: string, ticketTypeId: string) {
  requireUuid(ticketTypeId, "This ticket type does not exist.");
  const ticketType = await db().ticketType.findFirst({ where: { id: ticketTypeId, eventId } });
  if (!ticketType) throw new DomainError("NOT_FOUND", "This ticket type does not exist.");
  return ticketType;
}

function checkWindow(data: { salesStartAt: Date | null; salesEndAt: Date | null }) {
  if (data.salesStartAt && data.salesEndAt && data.salesEndAt <= data.salesStartAt) {
    throw new DomainError("VALIDATION", "Sales must close after they open.", { fieldErrors: { salesEndAt: "Must be after the opening time." } });
  }
}

export async function createTicketType(event: { id: string; timeZone: string }, form: TicketTypeForm) {
  const data = ticketTypeData(form, event.timeZone);
  checkWindow(data);
  const last = await db().ticketType.aggregate({ where: { eventId: event.id }, _max: { position: true } });
  return db().ticketType.create({ data: { ...data, eventId: event.id, position: (last._max.position ?? -1) + 1 } });
}

/**
 * Saves a ticket type. The capacity can never drop below the seats already taken (checked in
 * the same conditional update, so a registration arriving meanwhile cannot slip under it);
 * raising it offers the new seats to the waiting list at once.
 */
export async function updateTicketType(event: { id: string; timeZone: string }, ticketTypeId: string, form: TicketTypeForm, now: Date = new Date()) {
  requireUuid(ticketTypeId, "This ticket type does not exist.");
  const data = ticketTypeData(form, event.timeZone);
  checkWindow(data);
  return db().$transaction(async (tx) => {
    const current = await tx.ticketType.findFirst({ where: { id: ticketTypeId, eventId: event.id }, select: { taken: true, priceCents: true } });
    if (!current) throw new DomainError("NOT_FOUND", "This ticket type does not exist.");
    const updated = await tx.ticketType.updateMany({
      where: { id: ticketTypeId, eventId: event.id, ...(data.capacity !== null ? { taken: { lte: data.capacity } } : {}) },
      data,
    });
    if (updated.count !== 1) {
      const taken = (await tx.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { taken: true } })).taken;
      throw new DomainError("VALIDATION", `${taken} seats are already taken: the capacity cannot be lower than that.`, {
        fieldErrors: { capacity: `At least ${taken} (seats already taken).` },
      });
    }
    const offered = await offerFreeSeats(tx, ticketTypeId, now);
    return { offered };
  }, TX_OPTIONS);
}

export async function deleteTicketType(eventId: string, ticketTypeId: string) {
  requireUuid(ticketTypeId, "This ticket type does not exist.");
  const used = await db().registration.count({ where: { ticketTypeId, eventId } });
  if (used > 0) throw new DomainError("CONFLICT", "People have registered with this ticket: hide it or close its sales window instead.");
  const deleted = await db().ticketType.deleteMany({ where: { id: ticketTypeId, eventId } });
  if (deleted.count !== 1) throw new DomainError("NOT_FOUND", "This ticket type does not exist.");
}

// ───────────────────────────── questions ─────────────────────────────

export async function listQuestions(eventId: string) {
  return db().registrationQuestion.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { answers: true } } },
  });
}

export async function createQuestion(eventId: string, form: QuestionForm) {
  const last = await db().registrationQuestion.aggregate({ where: { eventId }, _max: { position: true } });
  return db().registrationQuestion.create({ data: { ...form, eventId, position: (last._max.position ?? -1) + 1 } });
}

export async function updateQuestion(eventId: string, questionId: string, form: QuestionForm) {
  requireUuid(questionId, "This question does not exist.");
  const updated = await db().registrationQuestion.updateMany({ where: { id: questionId, eventId }, data: form });
  if (updated.count !== 1) throw new DomainError("NOT_FOUND", "This question does not exist.");
}

/** Deleting a question deletes its answers too (the organiser is warned on the page). */
export async function deleteQuestion(eventId: string, questionId: string) {
  requireUuid(questionId, "This question does not exist.");
  const deleted = await db().registrationQuestion.deleteMany({ where: { id: questionId, eventId } });
  if (deleted.count !== 1) throw new DomainError("NOT_FOUND", "This question does not exist.");
}

/** Swaps a question with its neighbour; positions are renumbered 0…n-1 in the same transaction. */
export async function moveQuestion(eventId: string, questionId: string, direction: "up" | "down") {
  requireUuid(questionId, "This question does not exist.");
  await db().$transaction(async (tx) => {
    const questions = await tx.registrationQuestion.findMany({
      where: { eventId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const index = questions.findIndex((q) => q.id === questionId);
    if (index === -1) throw new DomainError("NOT_FOUND", "This question does not exist.");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= questions.length) return;
    [questions[index], questions[target]] = [questions[target], questions[index]];
    for (let position = 0; position < questions.length; position++) {
      await tx.registrationQuestion.update({ where: { id: questions[position].id }, data: { position } });
    }
  }, TX_OPTIONS);
}
