// What the REST API reads and writes. Public reads see what the public pages see (published or
// cancelled events, a published agenda, roadshow stops). Organiser reads and the check-in write
// take an ApiPrincipal and find the event within the token's scope in the query itself, so a
// token never reaches another event's or organisation's rows: out of scope is 403 for a public
// event and 404 for a draft (whose existence stays private).
import type { ApiPrincipal } from "./api-tokens.server";
import type { ApiCheckIn, ApiEvent, ApiMeeting, ApiRegistration, ApiSession, ApiStop, CheckInBody, EventListQuery } from "./api-schemas";
import { after, decodeCursor, pageFrom } from "./cursor";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";
import { eventPageUrl } from "~/domain/kernel/links.server";
import { checkIn } from "~/domain/registration/checkin.server";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";

export interface Page<T> {
  data: T[];
  next: string | null;
}
export interface PageRequest {
  cursor?: string;
  limit: number;
}

const PUBLIC_STATUSES = ["PUBLISHED", "CANCELLED"] as const;

const eventSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  kind: true,
  status: true,
  mode: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  city: true,
  country: true,
  venueName: true,
  themes: true,
} satisfies Prisma.EventSelect;

function toApiEvent(row: Prisma.EventGetPayload<{ select: typeof eventSelect }>): ApiEvent {
  return {
    ...row,
    status: row.status === "CANCELLED" ? "CANCELLED" : "PUBLISHED",
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    url: eventPageUrl(row.slug),
  };
}

export async function listPublicEvents(query: EventListQuery, now = new Date()): Promise<Page<ApiEvent>> {
  const and: Prisma.EventWhereInput[] = [{ status: { in: [...PUBLIC_STATUSES] } }];
  if (query.past !== "true") and.push({ endsAt: { gte: now } });
  if (query.kind) and.push({ kind: query.kind });
  if (query.theme) and.push({ themes: { has: query.theme } });
  if (query.country) and.push({ country: query.country });
  if (query.city) and.push({ city: { equals: query.city, mode: "insensitive" } });
  and.push(after("startsAt", decodeCursor(query.cursor)));
  const rows = await db().event.findMany({ where: { AND: and }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: query.limit + 1, select: eventSelect });
  const page = pageFrom(rows, query.limit, (row) => row.startsAt);
  return { data: page.rows.map(toApiEvent), next: page.next };
}

async function publicEvent(slug: string) {
  const event = await db().event.findFirst({ where: { slug, status: { in: [...PUBLIC_STATUSES] } }, select: { ...eventSelect, agendaPublishedAt: true } });
  if (!event) throw new DomainError("NOT_FOUND", "No public event has this slug.");
  return event;
}

export async function getPublicEvent(slug: string): Promise<ApiEvent> {
  const { agendaPublishedAt: _published, ...event } = await publicEvent(slug);
  return toApiEvent(event);
}

export async function listPublicSessions(slug: string, page: PageRequest): Promise<Page<ApiSession>> {
  const event = await publicEvent(slug);
  if (!event.agendaPublishedAt) return { data: [], next: null };
  const rows = await db().agendaSession.findMany({
    where: { eventId: event.id, status: { in: ["PUBLISHED", "CANCELLED"] }, ...after("startsAt", decodeCursor(page.cursor)) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      title: true,
      description: true,
      format: true,
      status: true,
      startsAt: true,
      endsAt: true,
      themes: true,
      room: { select: { name: true } },
      track: { select: { name: true } },
      speakers: { select: { speaker: { select: { name: true, organisation: true } } } },
    },
  });
  const paged = pageFrom(rows, page.limit, (row) => row.startsAt);
  return {
    data: paged.rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      format: row.format,
      status: row.status === "CANCELLED" ? "CANCELLED" : "PUBLISHED",
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      track: row.track?.name ?? null,
      room: row.room?.name ?? null,
      themes: row.themes,
      speakers: row.speakers.map(({ speaker }) => ({ name: speaker.name, affiliation: speaker.organisation })),
    })),
    next: paged.next,
  };
}

export async function listPublicStops(slug: string, page: PageRequest): Promise<Page<ApiStop>> {
  const event = await publicEvent(slug);
  const rows = await db().roadshowStop.findMany({
    where: { eventId: event.id, ...after("startsAt", decodeCursor(page.cursor)) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: { id: true, city: true, country: true, timeZone: true, venueName: true, startsAt: true, endsAt: true },
  });
  const paged = pageFrom(rows, page.limit, (row) => row.startsAt);
  return { data: paged.rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() })), next: paged.next };
}

/** The event, if it lies within the token's scope. */
export async function eventInScope(principal: ApiPrincipal, slug: string) {
  const { eventId, organisationId } = principal.scope;
  const scoped = eventId ? { id: eventId } : { organisationId: organisationId as string };
  const event = await db().event.findFirst({ where: { slug, ...scoped }, select: { id: true, timeZone: true, status: true } });
  if (event) return event;
  const exists = await db().event.findFirst({ where: { slug }, select: { status: true } });
  if (exists && exists.status !== "DRAFT") throw new DomainError("FORBIDDEN", "This token's scope does not include this event.");
  throw new DomainError("NOT_FOUND", "No event in this token's scope has this slug.");
}

export async function listRegistrations(principal: ApiPrincipal, slug: string, page: PageRequest): Promise<Page<ApiRegistration>> {
  const event = await eventInScope(principal, slug);
  const rows = await db().registration.findMany({
    where: { eventId: event.id, ...after("createdAt", decodeCursor(page.cursor)) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      createdAt: true,
      checkedInAt: true,
      ticketType: { select: { name: true } },
      user: {
        select: { name: true, email: true, memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { organisation: { select: { name: true } } } } },
      },
    },
  });
  const paged = pageFrom(rows, page.limit, (row) => row.createdAt);
  return {
    data: paged.rows.map((row) => ({
      id: row.id,
      status: row.status,
      paymentStatus: row.paymentStatus,
      ticketType: row.ticketType.name,
      attendee: { name: row.user.name, email: row.user.email, organisation: row.user.memberships[0]?.organisation.name ?? null },
      createdAt: row.createdAt.toISOString(),
      checkedInAt: row.checkedInAt?.toISOString() ?? null,
    })),
    next: paged.next,
  };
}

export async function listCheckIns(principal: ApiPrincipal, slug: string, page: PageRequest): Promise<Page<ApiCheckIn>> {
  const event = await eventInScope(principal, slug);
  const position = decodeCursor(page.cursor);
  const rows = await db().registration.findMany({
    where: { eventId: event.id, checkedInAt: { not: null }, ...after("checkedInAt", position) },
    orderBy: [{ checkedInAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: { id: true, checkedInAt: true, ticketType: { select: { name: true } }, user: { select: { name: true } } },
  });
  const paged = pageFrom(rows, page.limit, (row) => row.checkedInAt as Date);
  return { data: paged.rows.map((row) => checkInOf(row)), next: paged.next };
}

function checkInOf(row: { id: string; checkedInAt: Date | null; ticketType: { name: string }; user: { name: string } }): ApiCheckIn {
  return { registrationId: row.id, attendee: row.user.name, ticketType: row.ticketType.name, checkedInAt: (row.checkedInAt as Date).toISOString() };
}

/** Checks a registration in, through the same conditional update as the door scanner. */
export async function checkInRegistration(principal: ApiPrincipal, slug: string, body: CheckInBody): Promise<{ created: boolean; checkIn: ApiCheckIn }> {
  const event = await eventInScope(principal, slug);
  if (principal.access !== "READ_WRITE") throw new DomainError("FORBIDDEN", "This token is read-only.");
  const registration = await db().registration.findFirst({ where: { id: body.registrationId, eventId: event.id }, select: { ticketCode: true } });
  if (!registration) throw new DomainError("NOT_FOUND", "This event has no registration with this id.");
  const result = await checkIn(event, principal.actor.id, registration.ticketCode);
  const row = await db().registration.findUniqueOrThrow({
    where: { id: body.registrationId },
    select: { id: true, checkedInAt: true, ticketType: { select: { name: true } }, user: { select: { name: true } } },
  });
  return { created: result.kind === "CHECKED_IN", checkIn: checkInOf(row) };
}

export async function listStopMeetings(principal: ApiPrincipal, slug: string, stopId: string, page: PageRequest): Promise<Page<ApiMeeting>> {
  const event = await eventInScope(principal, slug);
  const stop = isUuid(stopId) ? await db().roadshowStop.findFirst({ where: { id: stopId, eventId: event.id }, select: { id: true } }) : null;
  if (!stop) throw new DomainError("NOT_FOUND", "This event has no stop with this id.");
  const rows = await db().meeting.findMany({
    where: { stopId: stop.id, status: { in: ["REQUESTED", "CONFIRMED"] }, ...after("startsAt", decodeCursor(page.cursor)) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      host: { select: { name: true } },
      guest: { select: { name: true } },
      meetingPoint: { select: { name: true } },
    },
  });
  const paged = pageFrom(rows, page.limit, (row) => row.startsAt);
  return {
    data: paged.rows.map((row) => ({
      id: row.id,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      host: row.host.name,
      guest: row.guest.name,
      meetingPoint: row.meetingPoint?.name ?? null,
    })),
    next: paged.next,
  };
}
