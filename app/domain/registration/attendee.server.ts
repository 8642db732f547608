// What attendees read: the registration page's choices, their own registrations and tickets.
// Everything is scoped by the signed-in user's id.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { requireUuid } from "~/domain/kernel/ids";
import { registrationEventSelect } from "./load-ticket.server";
import { checkTicketAvailability, offeredPaymentMethods, seatsLeft } from "./ticket-rules";
import { isStripeConfigured as stripeConfigured } from "~/platform/env.server";

/** The register page: the event, the tickets this visitor can see (hidden ones with their code), the questions. */
export async function registrationPage(slug: string, userId: string | null, accessCode: string | null, now: Date = new Date()) {
  const event = await db().event.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: {
      ...registrationEventSelect,
      ticketTypes: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      questions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, label: true, kind: true, options: true, required: true } },
    },
  });
  if (!event) return null;
  const environment = { stripeConfigured: stripeConfigured() };
  const tickets = event.ticketTypes
    // A hidden ticket shows only to someone who brought its code (?code=…).
    .filter((t) => {
      if (!t.hidden) return true;
      const availability = checkTicketAvailability(t, { now, accessCode, quantity: 1 });
      return availability.ok || (availability.code !== "HIDDEN_NEEDS_CODE" && availability.code !== "WRONG_ACCESS_CODE");
    })
    .map((t) => {
      const availability = checkTicketAvailability(t, { now, accessCode, quantity: 1 });
      return {
        id: t.id,
        name: t.name,
        description: t.description,
        priceCents: t.priceCents,
        currency: t.currency,
        hidden: t.hidden,
        requiresApproval: t.requiresApproval,
        seatsLeft: seatsLeft(t),
        capacity: t.capacity,
        onSale: availability.ok,
        notOnSaleReason: availability.ok ? null : availability.message,
        salesEndAt: t.salesEndAt,
        paymentMethods: offeredPaymentMethods(t, environment),
        refundUntilHours: t.refundUntilHours,
      };
    });
  const existing = userId
    ? await db().registration.findFirst({
        where: { eventId: event.id, userId, status: { notIn: ["CANCELLED", "REJECTED", "EXPIRED"] } },
        select: { id: true, status: true },
      })
    : null;
  const { ticketTypes: _all, ...eventOnly } = event;
  return { event: eventOnly, tickets, questions: event.questions, existing, stripeConfigured: environment.stripeConfigured };
}

export async function myRegistrations(userId: string) {
  return db().registration.findMany({
    where: { userId },
    orderBy: [{ event: { startsAt: "asc" } }, { createdAt: "desc" }],
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      ticketCode: true,
      offerExpiresAt: true,
      holdExpiresAt: true,
      createdAt: true,
      cancelledAt: true,
      checkedInAt: true,
      ticketType: { select: { name: true, priceCents: true, currency: true, refundUntilHours: true } },
      event: {
        select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true, status: true, defaultLanguage: true, translations: true },
      },
    },
  });
}

export async function myRegistration(userId: string, registrationId: string) {
  requireUuid(registrationId, "This registration does not exist.");
  const registration = await db().registration.findFirst({
    where: { id: registrationId, userId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      paymentMethod: true,
      ticketCode: true,
      offerExpiresAt: true,
      holdExpiresAt: true,
      sequence: true,
      updatedAt: true,
      createdAt: true,
      cancelledAt: true,
      checkedInAt: true,
      decisionNote: true,
      user: { select: { name: true, email: true } },
      ticketType: { select: { id: true, name: true, priceCents: true, currency: true, refundUntilHours: true, paymentMethods: true, requiresApproval: true } },
      event: { select: registrationEventSelect },
      answers: { select: { value: true, question: { select: { label: true, position: true } } }, orderBy: { question: { position: "asc" } } },
    },
  });
  if (!registration) throw new DomainError("NOT_FOUND", "This registration does not exist.");
  return registration;
}

/** How many people joined the waiting list of this ticket type before this registration. */
export async function waitingListPosition(registration: { id: string; ticketTypeId: string; createdAt: Date }): Promise<number> {
  const ahead = await db().registration.count({
    where: {
      ticketTypeId: registration.ticketTypeId,
      status: "WAITLISTED",
      OR: [{ createdAt: { lt: registration.createdAt } }, { createdAt: registration.createdAt, id: { lt: registration.id } }],
    },
  });
  return ahead + 1;
}
