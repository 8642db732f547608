// Rows the registration tests build on: an event with ticket types and questions, and users.
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";

export const HOUR = 3_600_000;

export async function makeEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}, now = new Date()) {
  const slug = `event-${randomUUID().slice(0, 8)}`;
  return db().event.create({
    data: {
      slug,
      title: "Positive Energy Districts Lab",
      summary: "A hands-on lab.",
      description: "Details.",
      kind: "WORKSHOP",
      status: "PUBLISHED",
      timeZone: "Europe/Vienna",
      startsAt: new Date(now.getTime() + 10 * 24 * HOUR),
      endsAt: new Date(now.getTime() + 10 * 24 * HOUR + 8 * HOUR),
      venueName: "Aspern Technology Centre",
      city: "Vienna",
      country: "AT",
      publishedAt: now,
      ...overrides,
    },
  });
}

export async function makeTicketType(eventId: string, overrides: Partial<Prisma.TicketTypeUncheckedCreateInput> = {}) {
  return db().ticketType.create({ data: { eventId, name: "In person", priceCents: 0, capacity: 10, ...overrides } });
}

let counter = 0;
export async function makeUser(name = "Attendee", roles: Prisma.UserCreateInput["roles"] = ["ATTENDEE"]) {
  counter++;
  return db().user.create({
    data: { email: `user${counter}.${randomUUID().slice(0, 6)}@example.eu`, name: `${name} ${counter}`, passwordHash: "x", roles },
    select: { id: true, email: true, name: true, roles: true },
  });
}

/** Many users at once (createMany), returned in creation order. */
export async function makeUsers(count: number, prefix = "crowd") {
  const tag = randomUUID().slice(0, 6);
  const data = Array.from({ length: count }, (_, i) => ({ email: `${prefix}${i}.${tag}@example.eu`, name: `Crowd ${i}`, passwordHash: "x" }));
  await db().user.createMany({ data });
  return db().user.findMany({ where: { email: { endsWith: `.${tag}@example.eu` } }, select: { id: true, email: true, name: true, roles: true } });
}

export async function seatState(ticketTypeId: string) {
  const ticketType = await db().ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { taken: true, capacity: true } });
  const holding = await db().registration.count({ where: { ticketTypeId, status: { in: ["CONFIRMED", "PENDING_APPROVAL", "PENDING_PAYMENT", "OFFERED"] } } });
  return { ...ticketType, holding };
}
