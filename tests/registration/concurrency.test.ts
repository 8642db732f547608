// The guarantees of issue 3, each raced by many concurrent clients against PostgreSQL:
// never more confirmed + held seats than capacity; one active registration per person and
// event; a waiting-list offer claimed at most once; sweeps safe on several nodes at once.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { claimOffer, expireStaleOffers } from "~/domain/registration/waitlist.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeTicketType, makeUser, makeUsers } from "../support/factories";
import { HOUR, seatState } from "./fixtures";

function outcomes(results: PromiseSettledResult<unknown>[]) {
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  const nonDomain = errors.filter((e) => !(e instanceof DomainError));
  return { errors, nonDomain };
}

describe("concurrent registrations", () => {
  it("2 000 simultaneous attempts for 100 seats: exactly 100 hold a seat, 1 900 wait, none lost, no errors", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 100 });
    const users = await makeUsers(2000);
    expect(users).toHaveLength(2000);
    const results = await Promise.allSettled(users.map((user) => registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })));
    const { errors } = outcomes(results);
    expect(errors).toEqual([]);
    const byStatus = await db().registration.groupBy({ by: ["status"], where: { ticketTypeId: ticket.id }, _count: { _all: true } });
    expect(Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]))).toEqual({ CONFIRMED: 100, WAITLISTED: 1900 });
    expect(await seatState(ticket.id)).toEqual({ taken: 100, capacity: 100, holding: 100 });
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: "registration-confirmed:" } } })).toBe(100);
  }, 180_000);

  it("one person racing themselves gets one active registration; the rest are ALREADY_REGISTERED", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 10 });
    const user = await makeUser();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })),
    );
    const { errors, nonDomain } = outcomes(results);
    expect(nonDomain).toEqual([]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(errors.every((e) => (e as DomainError).code === "ALREADY_REGISTERED")).toBe(true);
    expect(await db().registration.count({ where: { eventId: event.id, userId: user.id } })).toBe(1);
    expect(await seatState(ticket.id)).toMatchObject({ taken: 1, holding: 1 });
  });

  it("on a full ticket type, one person racing themselves joins the waiting list once (batched writes fall back one by one)", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 0 });
    const user = await makeUser();
    const others = await makeUsers(30, { prefix: "batch" });
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })),
      ...others.map((other) => registerForEvent(other, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })),
    ]);
    const { errors, nonDomain } = outcomes(results);
    expect(nonDomain).toEqual([]);
    expect(errors).toHaveLength(9);
    expect(errors.every((e) => (e as DomainError).code === "ALREADY_REGISTERED")).toBe(true);
    expect(await db().registration.count({ where: { ticketTypeId: ticket.id, status: "WAITLISTED" } })).toBe(31);
  });

  it("free seats with people waiting (a release racing a join) are offered by the sweep", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 1 });
    const first = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const waiting = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    // Simulate the race: the seat is freed without passing through releaseSeat's offer.
    await db().registration.update({ where: { id: first.registration.id }, data: { status: "CANCELLED" } });
    await db().ticketType.update({ where: { id: ticket.id }, data: { taken: 0 } });
    await expireStaleOffers(new Date());
    expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe("OFFERED");
    expect(await seatState(ticket.id)).toEqual({ taken: 1, capacity: 1, holding: 1 });
  });

  it("cancellations racing new registrations never overbook, and freed seats go to the waiting list first", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 20 });
    const early = await makeUsers(30, { prefix: "early" });
    const first = await Promise.all(early.map((user) => registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })));
    const confirmed = first.filter((r) => r.registration.status === "CONFIRMED");
    expect(confirmed).toHaveLength(20);
    const late = await makeUsers(40, { prefix: "late" });
    // 10 cancel while 40 newcomers try to register.
    const results = await Promise.allSettled([
      ...confirmed.slice(0, 10).map((r) => cancelRegistration({ kind: "attendee", userId: early[first.indexOf(r)].id }, r.registration.id)),
      ...late.map((user) => registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} })),
    ]);
    expect(outcomes(results).errors).toEqual([]);
    const state = await seatState(ticket.id);
    expect(state.taken).toBe(20);
    expect(state.holding).toBe(20);
    // The 10 freed seats were offered to the 10 longest-waiting early birds, not to newcomers.
    const offered = await db().registration.findMany({ where: { ticketTypeId: ticket.id, status: "OFFERED" }, select: { userId: true } });
    expect(offered).toHaveLength(10);
    expect(offered.every((o) => early.some((u) => u.id === o.userId))).toBe(true);
    expect(await db().registration.count({ where: { ticketTypeId: ticket.id, status: "CONFIRMED", userId: { in: late.map((u) => u.id) } } })).toBe(0);
  }, 60_000);

  it("an offer is claimed at most once, even when claimed 20 times at once", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 1 });
    const holder = await makeUser();
    const waiter = await makeUser();
    const held = await registerForEvent(holder, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const waiting = await registerForEvent(waiter, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect(waiting.registration.status).toBe("WAITLISTED");
    await cancelRegistration({ kind: "attendee", userId: holder.id }, held.registration.id);
    expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe("OFFERED");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `waitlist-offer:${waiting.registration.id}` } })).toBe(1);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => claimOffer(waiter, waiting.registration.id, {})));
    const { errors, nonDomain } = outcomes(results);
    expect(nonDomain).toEqual([]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(errors).toHaveLength(19);
    expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe("CONFIRMED");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${waiting.registration.id}` } })).toBe(1);
    expect(await seatState(ticket.id)).toEqual({ taken: 1, capacity: 1, holding: 1 });
  });

  it("someone else cannot claim an offer", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 0 });
    const waiter = await makeUser();
    const waiting = await registerForEvent(waiter, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const stranger = await makeUser();
    const error = await claimOffer(stranger, waiting.registration.id, {}).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });

  it("expired offers pass the seat on; two nodes sweeping at once expire each offer once", async () => {
    const now = new Date();
    const event = await makeEvent({ now });
    const ticket = await makeTicketType(event.id, { capacity: 5 });
    const holders = await makeUsers(5, { prefix: "holder" });
    const waiters = await makeUsers(8, { prefix: "waiter" });
    const held = [];
    for (const user of holders) held.push(await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} }, now));
    for (const [i, user] of waiters.entries())
      await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} }, new Date(now.getTime() + i * 1000));
    for (const [i, r] of held.entries()) await cancelRegistration({ kind: "attendee", userId: holders[i].id }, r.registration.id, now);
    expect(await db().registration.count({ where: { ticketTypeId: ticket.id, status: "OFFERED" } })).toBe(5);

    const later = new Date(now.getTime() + 25 * HOUR);
    // Offers left by other tests in this file's database lapse too: count them all.
    const stale = await db().registration.count({ where: { status: "OFFERED", offerExpiresAt: { lte: later } } });
    const swept = await Promise.all([expireStaleOffers(later), expireStaleOffers(later), expireStaleOffers(later)]);
    // The first 5 offers expired exactly once in total; their seats went to the 3 remaining waiters
    // (whose new offers are not yet stale at `later`), and 2 seats are free again.
    expect(swept.reduce((a, b) => a + b, 0)).toBe(stale);
    expect(await db().registration.count({ where: { ticketTypeId: ticket.id, status: "EXPIRED" } })).toBe(5);
    expect(await db().registration.count({ where: { ticketTypeId: ticket.id, status: "OFFERED" } })).toBe(3);
    expect(await db().outboxEmail.count({ where: { dedupeKey: { startsWith: "waitlist-offer-expired:" } } })).toBe(stale);
    expect(await seatState(ticket.id)).toEqual({ taken: 3, capacity: 5, holding: 3 });
  });
});
