// Test data for live Q&A and rooms: a published event with one session and one match room, an
// organiser, and N attendees with CONFIRMED registrations and ready-made session cookies.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { hashSessionToken } from "~/domain/accounts/sessions.server";
import { db } from "~/platform/db.server";

export interface FixtureUser {
  id: string;
  name: string;
  email: string;
  roles: ("ATTENDEE" | "ORGANISER" | "ADMIN")[];
  cookie: string;
}

export interface QaFixture {
  eventId: string;
  eventSlug: string;
  sessionId: string;
  roomId: string;
  organiser: FixtureUser;
  attendees: FixtureUser[];
  outsider: FixtureUser;
}

const sidCookie = createCookie("scale_sid");

/** A signed-in session for `userId`, as the Cookie header value a browser would send. */
export async function cookieFor(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db().session.create({ data: { id: hashSessionToken(token), userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  return (await sidCookie.serialize(token)).split(";")[0];
}

export async function createQaFixture(options: { attendees?: number; qaMode?: "OPEN" | "PREMODERATED"; mode?: "IN_PERSON" | "ONLINE"; tag?: string } = {}): Promise<QaFixture> {
  const tag = options.tag ?? randomBytes(4).toString("hex");
  const count = options.attendees ?? 3;
  const now = Date.now();
  const organiserRow = await db().user.create({ data: { email: `org-${tag}@example.test`, name: `Olga Organiser ${tag}`, passwordHash: "x", roles: ["ORGANISER"], totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() } }); // staff have two-factor on (issue 15)
  const outsiderRow = await db().user.create({ data: { email: `out-${tag}@example.test`, name: `Oscar Outsider ${tag}`, passwordHash: "x", roles: ["ATTENDEE"] } });
  const themes = ["MOBILITY", "ENERGY", "GOVERNANCE", "DATA_PLATFORMS"] as const;
  const orgs = await Promise.all(
    themes.map((theme, i) =>
      db().organisation.create({ data: { slug: `org-${tag}-${i}`, name: `Org ${i} ${tag}`, kind: "FELLOW_CITY", country: "PT", themes: [theme] } }),
    ),
  );
  const event = await db().event.create({
    data: {
      slug: `qa-event-${tag}`, title: `Q&A event ${tag}`, summary: "s", description: "d", kind: "NETWORKING", status: "PUBLISHED", agendaPublishedAt: new Date(),
      mode: options.mode ?? "ONLINE", timeZone: "Europe/Lisbon", startsAt: new Date(now + 3_600_000), endsAt: new Date(now + 7_200_000),
      organisers: { create: [{ userId: organiserRow.id, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "Seat", priceCents: 0 }] },
      matchRooms: { create: [{ name: `Mobility ${tag}`, topic: "E-mobility", themes: ["MOBILITY"] }] },
    },
    include: { ticketTypes: true, matchRooms: true },
  });
  const session = await db().agendaSession.create({
    data: {
      eventId: event.id, title: `Panel ${tag}`, status: "PUBLISHED", qaMode: options.qaMode ?? "OPEN",
      startsAt: new Date(now + 3_600_000), endsAt: new Date(now + 5_400_000),
    },
  });
  const emails = Array.from({ length: count }, (_, i) => `att-${tag}-${i}@example.test`);
  await db().user.createMany({ data: emails.map((email, i) => ({ email, name: `Attendee ${i} ${tag}`, passwordHash: "x" })) });
  const users = await db().user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true } });
  users.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  const intents = [["INVEST"], ["PILOT"], ["REPLICATE"], ["PARTNER"]] as const;
  await db().registration.createMany({
    data: users.map((u, i) => ({
      eventId: event.id, userId: u.id, ticketTypeId: event.ticketTypes[0].id, status: "CONFIRMED" as const,
      ticketCode: randomBytes(12).toString("hex"), intents: [...intents[i % intents.length]],
    })),
  });
  await db().membership.createMany({ data: users.map((u, i) => ({ userId: u.id, organisationId: orgs[i % orgs.length].id })) });
  const attendees: FixtureUser[] = [];
  const batch = 50;
  for (let i = 0; i < users.length; i += batch) {
    const slice = users.slice(i, i + batch);
    const cookies = await Promise.all(slice.map((u) => cookieFor(u.id)));
    slice.forEach((u, j) => attendees.push({ ...u, roles: ["ATTENDEE"], cookie: cookies[j] }));
  }
  return {
    eventId: event.id,
    eventSlug: event.slug,
    sessionId: session.id,
    roomId: event.matchRooms[0].id,
    organiser: { id: organiserRow.id, name: organiserRow.name, email: organiserRow.email, roles: ["ORGANISER"], cookie: await cookieFor(organiserRow.id) },
    attendees,
    outsider: { id: outsiderRow.id, name: outsiderRow.name, email: outsiderRow.email, roles: ["ATTENDEE"], cookie: await cookieFor(outsiderRow.id) },
  };
}
