// Webinars remind every confirmed attendee of their online sessions, not only those who added
// a session to their agenda — whichever way the registration got confirmed — and stop when the
// registration is cancelled.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publishAgenda, rescheduleSession, unpublishAgenda } from "~/domain/agenda/organiser.server";
import { addToMyAgenda } from "~/domain/agenda/personal.server";
import { applyPaymentEvent, lockRegistration } from "~/domain/payments/fulfilment.server";
import { switchToInvoice } from "~/domain/payments/invoice.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { approveRegistration } from "~/domain/registration/decisions.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { claimOffer } from "~/domain/registration/waitlist.server";
import { db } from "~/platform/db.server";
import { makeAgendaSession, makeEvent, makeRegistration, makeTeamMember, makeTicketType, makeUser } from "../support/factories";
import { HOUR } from "./fixtures";

const MINUTE = 60_000;

async function webinar(options: { kind?: "WEBINAR" | "WORKSHOP"; agendaPublished?: boolean } = {}) {
  const now = new Date();
  const event = await makeEvent({
    kind: options.kind ?? "WEBINAR",
    mode: "ONLINE",
    venueName: null,
    city: null,
    agendaPublishedAt: options.agendaPublished === false ? null : now,
    now,
  });
  const at = (hours: number) => new Date(event.startsAt.getTime() + hours * HOUR);
  const session = (title: string, data: { onlineUrl?: string | null; status?: "DRAFT" | "PUBLISHED" | "CANCELLED"; start?: number }) =>
    makeAgendaSession(event, {
      title,
      startsAt: at(data.start ?? 1),
      endsAt: at((data.start ?? 1) + 1),
      onlineUrl: data.onlineUrl ?? null,
      status: data.status ?? "PUBLISHED",
    });
  const opening = await session("Opening", { onlineUrl: "https://meet.example/opening", start: 0 });
  const panel = await session("Panel", { onlineUrl: "https://meet.example/panel", start: 2 });
  // Not reminded: a draft, a cancelled session, one without a link.
  await session("Secret draft", { onlineUrl: "https://meet.example/draft", status: "DRAFT", start: 4 });
  await session("Called off", { onlineUrl: "https://meet.example/off", status: "CANCELLED", start: 5 });
  await session("Coffee break", { start: 6 });
  return { event, opening, panel, now };
}

async function reminders(userId: string) {
  const rows = await db().outboxEmail.findMany({
    where: { dedupeKey: { startsWith: "reminder:", contains: `:${userId}:` }, status: "PENDING" },
    select: { dedupeKey: true, nextAttemptAt: true, subject: true },
    orderBy: { nextAttemptAt: "asc" },
  });
  return rows;
}

function expectRemindedOf(rows: Awaited<ReturnType<typeof reminders>>, userId: string, sessions: { id: string; startsAt: Date }[]) {
  const expected = sessions.flatMap((s) => [
    { dedupeKey: `reminder:${s.id}:${userId}:24h`, nextAttemptAt: new Date(s.startsAt.getTime() - 24 * HOUR) },
    { dedupeKey: `reminder:${s.id}:${userId}:15m`, nextAttemptAt: new Date(s.startsAt.getTime() - 15 * MINUTE) },
  ]);
  expect(rows.map(({ dedupeKey, nextAttemptAt }) => ({ dedupeKey, nextAttemptAt })).sort((a, b) => a.dedupeKey!.localeCompare(b.dedupeKey!))).toEqual(
    expected.sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey)),
  );
}

describe("webinar reminders for registered attendees", () => {
  it("are queued when a free registration is confirmed, for each public online session, without any pick", async () => {
    const { event, opening, panel } = await webinar();
    const ticket = await makeTicketType(event.id, { capacity: 5 });
    const user = await makeUser({ name: "Wendy Webinar" });
    const result = await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect(result.registration.status).toBe("CONFIRMED");
    expect(await db().agendaPick.count({ where: { userId: user.id } })).toBe(0);
    const rows = await reminders(user.id);
    expectRemindedOf(rows, user.id, [opening, panel]);
    expect(rows.every((r) => !r.subject.includes("Secret draft"))).toBe(true);

    // Adding a session to the agenda later re-times the same reminders, never doubles them.
    await addToMyAgenda(user, panel.id);
    expectRemindedOf(await reminders(user.id), user.id, [opening, panel]);

    // Cancelling withdraws them, picked or not.
    await cancelRegistration({ kind: "attendee", userId: user.id }, result.registration.id);
    expect(await reminders(user.id)).toEqual([]);
  });

  it("are not queued for pending, waitlisted or non-webinar registrations, nor before the agenda is published", async () => {
    const { event } = await webinar();
    const approval = await makeTicketType(event.id, { name: "By approval", requiresApproval: true, capacity: 10 });
    const full = await makeTicketType(event.id, { name: "Full", capacity: 0 });
    const pending = await makeUser();
    expect((await registerForEvent(pending, { eventSlug: event.slug, ticketTypeId: approval.id, answers: {} })).registration.status).toBe("PENDING_APPROVAL");
    const waiting = await makeUser();
    expect((await registerForEvent(waiting, { eventSlug: event.slug, ticketTypeId: full.id, answers: {} })).registration.status).toBe("WAITLISTED");
    expect(await reminders(pending.id)).toEqual([]);
    expect(await reminders(waiting.id)).toEqual([]);

    const workshop = await webinar({ kind: "WORKSHOP" });
    const workshopTicket = await makeTicketType(workshop.event.id, { capacity: 10 });
    const attendee = await makeUser();
    expect((await registerForEvent(attendee, { eventSlug: workshop.event.slug, ticketTypeId: workshopTicket.id, answers: {} })).registration.status).toBe(
      "CONFIRMED",
    );
    expect(await reminders(attendee.id)).toEqual([]);

    const unpublished = await webinar({ agendaPublished: false });
    const early = await makeUser();
    await registerForEvent(early, {
      eventSlug: unpublished.event.slug,
      ticketTypeId: (await makeTicketType(unpublished.event.id, { capacity: 10 })).id,
      answers: {},
    });
    expect(await reminders(early.id)).toEqual([]);
  });

  it("are queued when an organiser approves a request", async () => {
    const { event, opening, panel } = await webinar();
    const ticket = await makeTicketType(event.id, { requiresApproval: true, capacity: 10 });
    const user = await makeUser();
    const { registration } = await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect(await reminders(user.id)).toEqual([]);
    await approveRegistration(event.id, registration.id, "Welcome");
    expectRemindedOf(await reminders(user.id), user.id, [opening, panel]);
  });

  it("are queued when a waiting-list offer is claimed", async () => {
    const { event, opening, panel } = await webinar();
    const ticket = await makeTicketType(event.id, { capacity: 1 });
    const holder = await makeUser();
    const waiter = await makeUser();
    const held = await registerForEvent(holder, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const waiting = await registerForEvent(waiter, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect(waiting.registration.status).toBe("WAITLISTED");
    await cancelRegistration({ kind: "attendee", userId: holder.id }, held.registration.id);
    expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe("OFFERED");
    expect(await reminders(waiter.id)).toEqual([]);
    await claimOffer(waiter, waiting.registration.id, {});
    expectRemindedOf(await reminders(waiter.id), waiter.id, [opening, panel]);
  });

  it("are queued when a card payment is fulfilled by the webhook, or the attendee switches to invoice", async () => {
    const { event, opening, panel } = await webinar();
    const ticket = await makeTicketType(event.id, { priceCents: 4_500, paymentMethods: ["STRIPE", "INVOICE"], capacity: 10 });
    const pendingPayment = async () => {
      const user = await makeUser();
      const registration = await makeRegistration(user, ticket, {
        status: "PENDING_PAYMENT",
        paymentStatus: "PENDING",
        paymentMethod: "STRIPE",
        holdExpiresAt: new Date(Date.now() + HOUR),
      });
      await db().ticketType.update({ where: { id: ticket.id }, data: { taken: { increment: 1 } } });
      return { user, registration };
    };

    const card = await pendingPayment();
    const payment = await db().payment.create({
      data: {
        eventId: event.id,
        registrationId: card.registration.id,
        method: "STRIPE",
        amountCents: 4_500,
        stripeCheckoutSessionId: `cs_test_${randomBytes(6).toString("hex")}`,
      },
    });
    await db().$transaction(async (tx) => {
      expect(await lockRegistration(tx, card.registration.id)).toBe(true);
      await applyPaymentEvent(
        tx,
        { registrationId: card.registration.id, paymentId: payment.id },
        { type: "checkout.session.completed", payment_status: "paid" },
      );
    });
    expect((await db().registration.findUniqueOrThrow({ where: { id: card.registration.id } })).status).toBe("CONFIRMED");
    expectRemindedOf(await reminders(card.user.id), card.user.id, [opening, panel]);

    const invoice = await pendingPayment();
    await switchToInvoice(invoice.registration.id, invoice.user.id);
    expect((await db().registration.findUniqueOrThrow({ where: { id: invoice.registration.id } })).status).toBe("CONFIRMED");
    expectRemindedOf(await reminders(invoice.user.id), invoice.user.id, [opening, panel]);
  });
});

describe("webinar reminders follow the agenda", () => {
  async function attendeeOf(event: { id: string; slug: string }) {
    const ticket = await makeTicketType(event.id, { capacity: 5 });
    const user = await makeUser({ name: "Nina Nopick" });
    await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    return user;
  }
  async function organiserOf(eventId: string) {
    const organiser = await makeUser({ name: "Olga Organiser" });
    await makeTeamMember(eventId, organiser.id, "OWNER");
    return { id: organiser.id, roles: ["ORGANISER" as const] };
  }

  it("re-times reminders and tells attendees who never picked the session when it moves", async () => {
    const { event, panel } = await webinar();
    const user = await attendeeOf(event);
    const organiser = await organiserOf(event.id);
    const later = new Date(panel.startsAt.getTime() + 3 * HOUR);
    await rescheduleSession(organiser, event.id, panel.id, { version: panel.version, startsAt: later, endsAt: new Date(later.getTime() + HOUR) });
    const rows = await reminders(user.id);
    expect(rows.find((r) => r.dedupeKey === `reminder:${panel.id}:${user.id}:15m`)?.nextAttemptAt).toEqual(new Date(later.getTime() - 15 * MINUTE));
    expect(await db().outboxEmail.count({ where: { dedupeKey: `session-changed:${panel.id}:1:${user.id}` } })).toBe(1);
  });

  it("are withdrawn when the agenda is unpublished and queued again when it is published", async () => {
    const { event, opening, panel } = await webinar();
    const user = await attendeeOf(event);
    const organiser = await organiserOf(event.id);
    await unpublishAgenda(organiser, event.id);
    expect(await reminders(user.id)).toEqual([]);
    await publishAgenda(organiser, event.id);
    // Publishing also publishes the draft, which has a link: it is reminded of too.
    const draft = await db().agendaSession.findFirstOrThrow({ where: { eventId: event.id, title: "Secret draft" } });
    expectRemindedOf(await reminders(user.id), user.id, [opening, panel, draft]);
  });

  it("are queued for attendees who registered before the agenda was published", async () => {
    const { event, opening, panel } = await webinar({ agendaPublished: false });
    const user = await attendeeOf(event);
    expect(await reminders(user.id)).toEqual([]);
    await publishAgenda(await organiserOf(event.id), event.id);
    const draft = await db().agendaSession.findFirstOrThrow({ where: { eventId: event.id, title: "Secret draft" } });
    expectRemindedOf(await reminders(user.id), user.id, [opening, panel, draft]);
  });
});
