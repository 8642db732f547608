// Reading events for the public pages. Only published events are public; drafts are visible
// to their organisers (and admins) only — the scope is part of the query, not a later check.
import type { Prisma } from "~/generated/prisma/client";
import { hasRole } from "~/domain/accounts/accounts.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { changeFeedGeneration, changeSequence, onDataChange } from "~/platform/changes.server";
import { db } from "~/platform/db.server";
import type { CatalogueFilters } from "./catalogue";

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  kind: true,
  mode: true,
  status: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  city: true,
  country: true,
  themes: true,
  defaultLanguage: true,
  translations: true,
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof cardSelect }>;

/**
 * Date filters are calendar days where the event happens: an event matches when its local
 * days (in its own time zone) overlap the chosen ones. A workshop from 00:30 in Helsinki on
 * 10 June is a 10 June event, although it starts at 21:30 UTC on the 9th. Prisma cannot compare
 * in each row's zone, so the matching ids come from one SQL query (the end is taken a
 * millisecond early, so an event ending at midnight does not spill into the next day).
 */
async function eventIdsOnDays(from: string | undefined, to: string | undefined): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Event"
    WHERE (${from ?? null}::date IS NULL OR (("endsAt" - interval '1 millisecond') AT TIME ZONE "timeZone")::date >= ${from ?? null}::date)
      AND (${to ?? null}::date IS NULL OR ("startsAt" AT TIME ZONE "timeZone")::date <= ${to ?? null}::date)`;
  return rows.map((row) => row.id);
}

export function catalogueWhere(filters: CatalogueFilters, now = new Date(), onDays?: string[]): Prisma.EventWhereInput {
  const and: Prisma.EventWhereInput[] = [{ status: { in: ["PUBLISHED", "CANCELLED"] } }];
  if (!filters.past) and.push({ endsAt: { gte: now } });
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.theme) and.push({ themes: { has: filters.theme } });
  if (filters.country) and.push({ country: filters.country });
  if (onDays) and.push({ id: { in: onDays } });
  if (filters.q) {
    and.push({
      OR: [
        { title: { contains: filters.q, mode: "insensitive" } },
        { summary: { contains: filters.q, mode: "insensitive" } },
        { city: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

export async function listCatalogue(filters: CatalogueFilters, limit = 60, now = new Date()): Promise<EventCard[]> {
  const onDays = filters.from || filters.to ? await eventIdsOnDays(filters.from, filters.to) : undefined;
  return db().event.findMany({
    where: catalogueWhere(filters, now, onDays),
    orderBy: [{ startsAt: filters.past ? "desc" : "asc" }, { id: "asc" }],
    take: limit,
    select: cardSelect,
  });
}

export async function listUpcomingEvents(limit = 6): Promise<EventCard[]> {
  return listCatalogue({ past: false }, limit);
}

/** Countries that have at least one public event, for the catalogue's filter. */
export async function catalogueCountries(): Promise<string[]> {
  const rows = await db().event.findMany({
    where: { status: "PUBLISHED", country: { not: null } },
    distinct: ["country"],
    select: { country: true },
    orderBy: { country: "asc" },
  });
  return rows.map((r) => r.country!).filter(Boolean);
}

// Published (and cancelled) events as their page shows them, the same for every viewer: kept
// until the database announces a change that may touch them (app/platform/changes.server.ts),
// at most a minute, so signed-in visitors — who cannot share the cached page — share this.
const publicEvents = new Map<string, { event: VisibleEvent; generation: number; expiresAt: number }>();
const PUBLIC_EVENT_MAX_AGE_MS = 60_000;
const PUBLIC_EVENTS_MAX = 500;
onDataChange((change) => {
  if (change.scope !== "user") publicEvents.clear();
});

/** The event at `slug` if the viewer may see it (published or cancelled; any status for its team and admins). */
export async function findVisibleEvent(slug: string, viewer: SessionUser | null): Promise<VisibleEvent | null> {
  const generation = changeFeedGeneration();
  const kept = generation === null ? undefined : publicEvents.get(slug);
  if (kept && kept.generation === generation && kept.expiresAt > Date.now()) return kept.event;
  const sequence = changeSequence();
  const event = await queryVisibleEvent(slug, viewer);
  const shared = event && (event.status === "PUBLISHED" || event.status === "CANCELLED");
  if (shared && generation !== null && changeSequence() === sequence && changeFeedGeneration() === generation) {
    if (publicEvents.size >= PUBLIC_EVENTS_MAX) publicEvents.delete(publicEvents.keys().next().value!);
    publicEvents.set(slug, { event, generation, expiresAt: Date.now() + PUBLIC_EVENT_MAX_AGE_MS });
  }
  return event;
}

async function queryVisibleEvent(slug: string, viewer: SessionUser | null) {
  const event = await db().event.findFirst({
    where: {
      slug,
      OR: [
        { status: { in: ["PUBLISHED", "CANCELLED"] } },
        ...(viewer ? [{ organisers: { some: { userId: viewer.id } } }] : []),
        ...(hasRole(viewer, "ADMIN") ? [{}] : []),
      ],
    },
    // The join link is for registered people only (agenda/webinar pages decide); never public.
    omit: { onlineUrl: true },
    include: {
      organisation: { select: { name: true, slug: true, kind: true, country: true } },
      organisers: { select: { role: true, user: { select: { name: true, jobTitle: true } } }, orderBy: { createdAt: "asc" } },
      stops: { orderBy: { position: "asc" } },
      ticketTypes: {
        where: { hidden: false },
        orderBy: { position: "asc" },
        select: { id: true, name: true, priceCents: true, currency: true, capacity: true, taken: true, salesEndAt: true },
      },
      sessions: {
        where: { status: "PUBLISHED" },
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        take: 8,
        select: {
          id: true,
          title: true,
          translations: true,
          format: true,
          startsAt: true,
          endsAt: true,
          room: { select: { name: true } },
          track: { select: { name: true, color: true } },
          speakers: { select: { speaker: { select: { name: true, organisation: true } } } },
        },
      },
      _count: { select: { sessions: { where: { status: "PUBLISHED" } } } },
    },
  });
  // An unpublished agenda is the organisers' draft, even where single sessions are marked published.
  if (event && !event.agendaPublishedAt) {
    event.sessions = [];
    event._count.sessions = 0;
  }
  return event;
}

export type VisibleEvent = NonNullable<Awaited<ReturnType<typeof queryVisibleEvent>>>;
