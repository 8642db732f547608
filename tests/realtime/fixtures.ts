// Test data for live Q&A and rooms: a published event with one session and one match room, an
// organiser, and N attendees with CONFIRMED registrations and ready-made session cookies; built
// from the shared factories (../support/factories).
import { randomBytes } from "node:crypto";
import { makeAgendaSession, makeEvent, makeOrganisation, makeRegistrations, makeUser, makeUsers, signedInCookie } from "../support/factories";

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

export async function createQaFixture(
  options: { attendees?: number; qaMode?: "OPEN" | "PREMODERATED"; mode?: "IN_PERSON" | "ONLINE"; tag?: string } = {},
): Promise<QaFixture> {
  const tag = options.tag ?? randomBytes(4).toString("hex");
  const count = options.attendees ?? 3;
  const now = Date.now();
  const organiserRow = await makeUser({ email: `org-${tag}@example.test`, name: `Olga Organiser ${tag}`, roles: ["ORGANISER"] });
  const outsiderRow = await makeUser({ email: `out-${tag}@example.test`, name: `Oscar Outsider ${tag}` });
  const event = await makeEvent({
    slug: `qa-event-${tag}`,
    title: `Q&A event ${tag}`,
    summary: "s",
    description: "d",
    kind: "NETWORKING",
    status: "PUBLISHED",
    publishedAt: null,
    agendaPublishedAt: new Date(),
    mode: options.mode ?? "ONLINE",
    timeZone: "Europe/Lisbon",
    startsAt: new Date(now + 3_600_000),
    endsAt: new Date(now + 7_200_000),
    owner: organiserRow,
    ticketTypes: [{ name: "Seat", priceCents: 0 }],
    matchRooms: [{ name: `Mobility ${tag}`, topic: "E-mobility", themes: ["MOBILITY"] }],
  });
  const session = await makeAgendaSession(event, {
    title: `Panel ${tag}`,
    status: "PUBLISHED",
    qaMode: options.qaMode ?? "OPEN",
    startsAt: new Date(now + 3_600_000),
    endsAt: new Date(now + 5_400_000),
  });
  const users = await makeUsers(count, { prefix: `att-${tag}`, name: (i) => `Attendee ${i} ${tag}` });
  const intents = [["INVEST"], ["PILOT"], ["REPLICATE"], ["PARTNER"]] as const;
  await makeRegistrations(users, event.ticketTypes[0], { each: (i) => ({ intents: [...intents[i % intents.length]] }) });
  // Attendee i belongs to organisation i mod 4, each with its own theme.
  const themes = ["MOBILITY", "ENERGY", "GOVERNANCE", "DATA_PLATFORMS"] as const;
  for (const [k, theme] of themes.entries()) {
    await makeOrganisation({
      slug: `org-${tag}-${k}`,
      name: `Org ${k} ${tag}`,
      kind: "FELLOW_CITY",
      country: "PT",
      themes: [theme],
      members: users.filter((_, i) => i % themes.length === k),
    });
  }
  const attendees: FixtureUser[] = [];
  const batch = 50;
  for (let i = 0; i < users.length; i += batch) {
    const slice = users.slice(i, i + batch);
    const cookies = await Promise.all(slice.map((u) => signedInCookie(u)));
    slice.forEach((u, j) => attendees.push({ id: u.id, email: u.email, name: u.name, roles: ["ATTENDEE"], cookie: cookies[j] }));
  }
  return {
    eventId: event.id,
    eventSlug: event.slug,
    sessionId: session.id,
    roomId: event.matchRooms[0].id,
    organiser: { id: organiserRow.id, name: organiserRow.name, email: organiserRow.email, roles: ["ORGANISER"], cookie: await signedInCookie(organiserRow) },
    attendees,
    outsider: { id: outsiderRow.id, name: outsiderRow.name, email: outsiderRow.email, roles: ["ATTENDEE"], cookie: await signedInCookie(outsiderRow) },
  };
}
