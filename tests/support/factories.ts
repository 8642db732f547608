// One way to build each row the integration tests stand on, straight into this test file's
// database: defaults make a valid thing, options say what a test cares about. Scenes a test
// area shares (an agenda with rooms, a two-stop roadshow, a live Q&A) live in that area's
// fixtures and are built from these.
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { hashPassword } from "~/domain/accounts/passwords.server";
import { requiresTwoFactor } from "~/domain/accounts/two-factor.server";
import { createSession } from "~/domain/accounts/sessions.server";
import { generateTicketCode } from "~/domain/registration/ticket-code";
import type { Prisma } from "~/generated/prisma/client";
import type { EventRole, MembershipRole, RegistrationStatus, UserRole } from "~/generated/prisma/enums";
import { db, type Db, type Tx } from "~/platform/db.server";
import { SESSION_COOKIE_NAME } from "~/web/auth.server";
import { DEMO_TOTP_SECRET } from "../../prisma/seed";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let counter = 0;
/** Short and unique across the tests running at once: for slugs, emails, ticket codes. */
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString("hex")}`;

/** Something with an id, or the id itself. */
export type Ref = string | { id: string };
const idOf = (ref: Ref) => (typeof ref === "string" ? ref : ref.id);

/** `{ a: 1, b: undefined }` → `{ a: 1 }`, so an option left undefined keeps its default. */
function given<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// ───────────────────────────── people ─────────────────────────────

/** Stored for people who never sign in with a password: no password verifies against it. */
const NO_PASSWORD = "x";

// argon2id costs tens of milliseconds a hash: each password is hashed once per test file.
const passwordHashes = new Map<string, Promise<string>>();
export function passwordHash(password: string): Promise<string> {
  let hash = passwordHashes.get(password);
  if (!hash) passwordHashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export interface UserOptions {
  name?: string;
  /** Default: a unique address at example.test. */
  email?: string;
  /** Default: ATTENDEE only. */
  roles?: UserRole[];
  /** To sign in with; hashed as sign-up does (argon2id). Default: no password works. */
  password?: string;
  jobTitle?: string | null;
  timeZone?: string | null;
}

export async function makeUser(options: UserOptions = {}) {
  const { password, ...data } = given(options);
  return db().user.create({
    data: {
      name: "Test Person",
      email: `user-${unique()}@example.test`,
      roles: ["ATTENDEE"],
      // Staff must have two-factor on before staff pages open; they are enrolled as the seed's demo staff are.
      ...(requiresTwoFactor(data.roles ?? []) ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      ...data,
      passwordHash: password === undefined ? NO_PASSWORD : await passwordHash(password),
    },
  });
}

/** A directory profile: listed and open to introductions unless told otherwise (both are opt-in for real people). */
export async function makeDirectoryProfile(user: Ref, options: { listed?: boolean; openToIntroductions?: boolean } = {}) {
  return db().personProfile.create({ data: { userId: idOf(user), listed: options.listed ?? true, openToIntroductions: options.openToIntroductions ?? true } });
}

/** `count` people in one insert, in creation order: "<prefix> 0", "<prefix> 1", … unless `name` says. */
export async function makeUsers(count: number, options: { prefix?: string; name?: (i: number) => string; roles?: UserRole[] } = {}) {
  const prefix = options.prefix ?? "person";
  const name = options.name ?? ((i: number) => `${prefix} ${i}`);
  const tag = unique();
  const emails = Array.from({ length: count }, (_, i) => `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${i}-${tag}@example.test`);
  await db().user.createMany({
    data: emails.map((email, i) => ({
      email,
      name: name(i),
      passwordHash: NO_PASSWORD,
      roles: options.roles ?? ["ATTENDEE"],
      ...(requiresTwoFactor(options.roles ?? []) ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
    })),
  });
  const rows = await db().user.findMany({ where: { email: { in: emails } } });
  const position = new Map(emails.map((email, i) => [email, i]));
  return rows.sort((a, b) => position.get(a.email)! - position.get(b.email)!);
}

/** A signed-in session for the user, as the Cookie header value a browser would send. */
export async function signedInCookie(user: Ref): Promise<string> {
  const { token } = await createSession(idOf(user), 1);
  return (await createCookie(SESSION_COOKIE_NAME).serialize(token)).split(";")[0];
}

export type OrganisationOptions = Partial<Prisma.OrganisationUncheckedCreateInput> & {
  /** People to make members (MEMBER unless `memberRole`). */
  members?: Ref[];
  memberRole?: MembershipRole;
};

export async function makeOrganisation(options: OrganisationOptions = {}) {
  const { members = [], memberRole, ...data } = given(options);
  const slug = data.slug ?? `org-${unique()}`;
  return db().organisation.create({
    data: {
      name: `Organisation ${slug}`,
      kind: "FELLOW_CITY",
      country: "PT",
      ...data,
      slug,
      memberships: { createMany: { data: members.map((member) => ({ userId: idOf(member), role: memberRole })) } },
    },
  });
}

// ───────────────────────────── events ─────────────────────────────

export type EventOptions = Partial<
  Omit<Prisma.EventUncheckedCreateInput, "organisers" | "ticketTypes" | "rooms" | "tracks" | "speakers" | "stops" | "matchRooms">
> & {
  /** "Now" for the default dates and publishedAt. */
  now?: Date;
  /** Made the event's OWNER. Default: nobody. */
  owner?: Ref;
  /** More of the event's team. */
  team?: { user: Ref; role: EventRole }[];
  /** Default: none (see makeTicketType). */
  ticketTypes?: Prisma.TicketTypeUncheckedCreateWithoutEventInput[];
  rooms?: Prisma.RoomUncheckedCreateWithoutEventInput[];
  tracks?: Prisma.TrackUncheckedCreateWithoutEventInput[];
  speakers?: Prisma.SpeakerUncheckedCreateWithoutEventInput[];
  /** Roadshow stops. */
  stops?: Prisma.RoadshowStopUncheckedCreateWithoutEventInput[];
  matchRooms?: Prisma.MatchRoomUncheckedCreateWithoutEventInput[];
};

/**
 * A published workshop in Vienna's time zone, ten days from `now`, eight hours long; with the
 * team, ticket types, rooms, tracks, speakers, stops and match rooms asked for, returned in
 * their order (speakers by name).
 */
export async function makeEvent(options: EventOptions = {}) {
  const { now = new Date(), owner, team = [], ticketTypes = [], rooms = [], tracks = [], speakers = [], stops = [], matchRooms = [], ...data } = given(options);
  const startsAt = data.startsAt ?? new Date(now.getTime() + 10 * DAY);
  const status = data.status ?? "PUBLISHED";
  return db().event.create({
    data: {
      slug: `event-${unique()}`,
      title: "Positive Energy Districts Lab",
      summary: "A hands-on lab.",
      description: "Details.",
      kind: "WORKSHOP",
      timeZone: "Europe/Vienna",
      endsAt: new Date(new Date(startsAt).getTime() + 8 * HOUR),
      publishedAt: status === "DRAFT" ? null : now,
      ...data,
      status,
      startsAt,
      organisers: { create: [...(owner ? [{ user: owner, role: "OWNER" as const }] : []), ...team].map((m) => ({ userId: idOf(m.user), role: m.role })) },
      ticketTypes: { create: ticketTypes },
      rooms: { create: rooms },
      tracks: { create: tracks },
      speakers: { create: speakers },
      stops: { create: stops },
      matchRooms: { create: matchRooms },
    },
    include: {
      ticketTypes: { orderBy: { position: "asc" } },
      rooms: { orderBy: { position: "asc" } },
      tracks: { orderBy: { position: "asc" } },
      speakers: { orderBy: { name: "asc" } },
      stops: { orderBy: { position: "asc" } },
      matchRooms: { orderBy: { createdAt: "asc" } },
    },
  });
}

/** A free ticket type without a seat limit unless told. */
export async function makeTicketType(event: Ref, options: Partial<Omit<Prisma.TicketTypeUncheckedCreateInput, "eventId">> = {}) {
  return db().ticketType.create({ data: { name: "Standard", ...given(options), eventId: idOf(event) } });
}

/** Puts the person on the event's team. */
export async function makeTeamMember(event: Ref, user: Ref, role: EventRole) {
  return db().eventOrganiser.create({ data: { eventId: idOf(event), userId: idOf(user), role } });
}

/** A roadshow stop: Lisbon, the event's first day from 09:00 to 18:00 UTC unless told. */
export async function makeStop(event: Ref & { startsAt?: Date }, options: Partial<Omit<Prisma.RoadshowStopUncheckedCreateInput, "eventId">> = {}) {
  const day = typeof event === "string" || !event.startsAt ? new Date(Date.now() + 10 * DAY) : event.startsAt;
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9));
  return db().roadshowStop.create({
    data: {
      city: "Lisbon",
      country: "PT",
      timeZone: "Europe/Lisbon",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 9 * HOUR),
      ...given(options),
      eventId: idOf(event),
    },
  });
}

/** One meeting table ("Table 1" unless told), at a stop or for the whole event. */
export async function makeMeetingPoint(event: Ref, options: { name?: string; stop?: Ref; onlineUrl?: string | null } = {}) {
  return db().meetingPoint.create({
    data: { eventId: idOf(event), stopId: options.stop ? idOf(options.stop) : null, name: options.name ?? "Table 1", onlineUrl: options.onlineUrl ?? null },
  });
}

/** Meeting tables "Table 1" … "Table <count>" (at a stop, or for the whole event). */
export async function makeMeetingPoints(event: Ref, count: number, options: { stop?: Ref; onlineUrl?: string } = {}) {
  if (count <= 0) return [];
  const stopId = options.stop ? idOf(options.stop) : null;
  const names = Array.from({ length: count }, (_, i) => `Table ${i + 1}`);
  await db().meetingPoint.createMany({ data: names.map((name) => ({ eventId: idOf(event), stopId, name, onlineUrl: options.onlineUrl })) });
  const rows = await db().meetingPoint.findMany({ where: { eventId: idOf(event), stopId, name: { in: names } } });
  return rows.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
}

/** A window in which a host offers meetings of `slotMinutes` (30 unless told). */
export async function makeAvailability(options: {
  event: Ref;
  host: Ref;
  stop?: Ref | null;
  startsAt: Date | string;
  endsAt: Date | string;
  slotMinutes?: number;
  bufferMinutes?: number;
  onlineUrl?: string | null;
}) {
  const { event, host, stop, startsAt, endsAt, ...rest } = given(options);
  return db().meetingAvailability.create({
    data: { ...rest, eventId: idOf(event!), hostId: idOf(host!), stopId: stop ? idOf(stop) : null, startsAt: new Date(startsAt!), endsAt: new Date(endsAt!) },
  });
}

/** The people attend the stop (the scheduler pairs guests only at stops they attend). */
export async function makeStopAttendance(stop: Ref, users: readonly Ref[]) {
  await db().stopAttendance.createMany({ data: users.map((user) => ({ stopId: idOf(stop), userId: idOf(user) })), skipDuplicates: true });
}

/** A published one-hour agenda session starting an hour after the event does, unless told. */
export async function makeAgendaSession(event: Ref & { startsAt?: Date }, options: Partial<Omit<Prisma.AgendaSessionUncheckedCreateInput, "eventId">> = {}) {
  const data = given(options);
  const eventStart = typeof event === "string" || !event.startsAt ? new Date(Date.now() + 10 * DAY) : event.startsAt;
  const startsAt = data.startsAt ?? new Date(eventStart.getTime() + HOUR);
  return db().agendaSession.create({
    data: { title: "A session", status: "PUBLISHED", endsAt: new Date(new Date(startsAt).getTime() + HOUR), ...data, startsAt, eventId: idOf(event) },
  });
}

// ──────────────────────── taking part ────────────────────────

export type RegistrationOptions = Partial<Omit<Prisma.RegistrationUncheckedCreateInput, "eventId" | "userId" | "ticketTypeId">>;

/**
 * A registration as the flows leave it (CONFIRMED unless told), written directly: no seat is
 * taken. `client` lets a fixture write it in its own transaction (beside takeSeat, say).
 */
export async function makeRegistration(user: Ref, ticketType: { id: string; eventId: string }, options: RegistrationOptions = {}, client: Db | Tx = db()) {
  return client.registration.create({
    data: {
      status: "CONFIRMED",
      ticketCode: generateTicketCode(),
      ...given(options),
      eventId: ticketType.eventId,
      userId: idOf(user),
      ticketTypeId: ticketType.id,
    },
  });
}

/** A registration for each person in one insert (CONFIRMED unless told; `each` varies them). */
export async function makeRegistrations(
  users: readonly Ref[],
  ticketType: { id: string; eventId: string },
  options: { status?: RegistrationStatus; each?: (i: number) => Partial<Omit<Prisma.RegistrationCreateManyInput, "eventId" | "userId" | "ticketTypeId">> } = {},
) {
  await db().registration.createMany({
    data: users.map((user, i) => ({
      status: options.status ?? "CONFIRMED",
      ticketCode: generateTicketCode(),
      ...options.each?.(i),
      eventId: ticketType.eventId,
      userId: idOf(user),
      ticketTypeId: ticketType.id,
    })),
  });
}

/** An agenda pick written directly (no seat counted; addToMyAgenda is the flow). */
export async function makePick(user: Ref, session: Ref) {
  return db().agendaPick.create({ data: { userId: idOf(user), sessionId: idOf(session) } });
}

/** A meeting row written directly; 30 minutes and REQUESTED unless told. */
export async function makeMeeting(
  options: Partial<Omit<Prisma.MeetingUncheckedCreateInput, "eventId" | "hostId" | "guestId">> & { event: Ref; host: Ref; guest: Ref },
) {
  const { event, host, guest, ...data } = given(options);
  const startsAt = new Date(data.startsAt ?? Date.now() + 10 * DAY);
  return db().meeting.create({
    data: { endsAt: new Date(startsAt.getTime() + 30 * 60_000), ...data, startsAt, eventId: idOf(event!), hostId: idOf(host!), guestId: idOf(guest!) },
  });
}
