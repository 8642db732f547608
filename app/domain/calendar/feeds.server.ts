// Calendar downloads and feeds: which rows a caller may see, and how each row becomes a
// CalendarItem for the pure renderer (render.ts). Scoping lives in the queries, not in later
// checks: public feeds never select join links, attendee lists or private notes at all.
//
// SEQUENCE of an item = its row's `sequence` + its event's `sequence` (+ the registration's
// for registration items). Every one of those only grows, and a change of the event (time,
// place, cancellation) changes what its sessions, meetings and registrations show, so their
// sum is monotonic and moves whenever the rendered item changes in a way that matters.
// DTSTAMP / LAST-MODIFIED = the latest updatedAt of the rows the item is built from.
import { createT } from "~/domain/kernel/i18n/translate";
import { intlLocale, toLanguage } from "~/domain/kernel/i18n/languages";
import type { AttendanceMode, EventStatus, MeetingStatus, RegistrationStatus, SessionStatus } from "~/generated/prisma/enums";
import { countryName } from "~/domain/kernel/vocabulary";
import { isValidTimeZone } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { calendarEtag, lastModified } from "./etag";
import { googleCalendarUrl, googleSubscribeUrl, outlookCalendarUrl, outlookSubscribeUrl, webcalUrl } from "./links";
import { renderCalendar, type CalendarItem, type CalendarItemStatus } from "./render";
import { isUuid } from "~/domain/kernel/ids";
import { eventPageUrl } from "~/domain/kernel/links.server";

/** Cancelled (or unpublished) items stay in feeds as STATUS:CANCELLED this long after their last change. */
export const CANCELLED_RETENTION_DAYS = 30;
/** Items that ended longer ago than this drop out of the personal feed (keeps it bounded). */
export const PERSONAL_FEED_HISTORY_DAYS = 365;
const DAY_MS = 86_400_000;
/** Events this long or longer become all-day items (a two-day conference, a roadshow). */
const ALL_DAY_MIN_MS = DAY_MS;

export interface CalendarDocument {
  body: string;
  /** The body as UTF-8, encoded once (cached feeds are sent many times). */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Latest updatedAt of the rendered items; null for an empty calendar. */
  lastModified: Date | null;
  /** Suggested file name for downloads. */
  filename: string;
}

function document(body: string, items: readonly CalendarItem[], filename: string): CalendarDocument {
  return { body, bytes: Buffer.from(body, "utf8"), etag: calendarEtag(body), lastModified: lastModified(items), filename };
}

/** Host part of every UID: the public URL's host name, without port. */
export function calendarHost(): string {
  return new URL(publicUrl()).hostname;
}

function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

function withinRetention(changedAt: Date, now: Date): boolean {
  return now.getTime() - changedAt.getTime() <= CANCELLED_RETENTION_DAYS * DAY_MS;
}

function retentionCutoff(now: Date): Date {
  return new Date(now.getTime() - CANCELLED_RETENTION_DAYS * DAY_MS);
}

function safeFilename(slug: string): string {
  return slug.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80) || "calendar";
}

function joinLines(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((part): part is string => Boolean(part)).join("\n\n");
}

// ───────────────────────────── row shapes ─────────────────────────────

/** Only public columns of an event: no onlineUrl unless a caller explicitly adds it. */
const eventPublicSelect = {
  id: true,
  agendaPublishedAt: true,
  slug: true,
  title: true,
  summary: true,
  status: true,
  mode: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  city: true,
  country: true,
  sequence: true,
  cancelledAt: true,
  updatedAt: true,
} as const;

interface EventRow {
  id: string;
  /** Null while the agenda is not (or no longer) published. */
  agendaPublishedAt: Date | null;
  slug: string;
  title: string;
  summary: string;
  status: EventStatus;
  mode: AttendanceMode;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  country: string | null;
  sequence: number;
  updatedAt: Date;
}

const sessionPublicSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  startsAt: true,
  endsAt: true,
  sequence: true,
  updatedAt: true,
  room: { select: { name: true } },
  track: { select: { name: true } },
  speakers: { select: { speaker: { select: { name: true, organisation: true } } }, orderBy: { speaker: { name: "asc" } } },
} as const;

interface SessionRow {
  id: string;
  title: string;
  description: string;
  status: SessionStatus;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  room: { name: string } | null;
  track: { name: string } | null;
  speakers: Array<{ speaker: { name: string; organisation: string | null } }>;
}

/** Where an event happens, as a calendar LOCATION: venue, address, city, country, or "Online". */
export function eventPlace(
  event: Pick<EventRow, "venueName" | "venueAddress" | "city"> & { country?: string | null; mode?: string },
  language?: string | null,
): string | null {
  const t = createT(language);
  const locale = intlLocale(toLanguage(language) ?? "en");
  const inPerson = [event.venueName, event.venueAddress, event.city, event.country ? countryName(event.country, locale) : null].filter(Boolean).join(", ");
  if (event.mode === "ONLINE") return t("calendar.online");
  if (event.mode === "HYBRID") return inPerson ? t("calendar.placeAndOnline", { place: inPerson }) : t("calendar.online");
  return inPerson || null;
}

// ───────────────────────────── mapping rows to items ─────────────────────────────

/** Our words in a calendar entry (not the organisers'), in the reader's language; English by default. */
function eventItem(event: EventRow, options: { status?: CalendarItemStatus; joinUrl?: string | null; language?: string | null } = {}): CalendarItem {
  const t = createT(options.language);
  const allDay = event.endsAt.getTime() - event.startsAt.getTime() >= ALL_DAY_MIN_MS;
  return {
    kind: "event",
    id: event.id,
    title: event.title,
    description: joinLines(event.summary, options.joinUrl ? t("calendar.joinOnline", { url: options.joinUrl }) : null),
    location: eventPlace(event, options.language),
    url: eventPageUrl(event.slug),
    start: event.startsAt,
    end: event.endsAt,
    allDay,
    timeZone: event.timeZone,
    status: options.status ?? (event.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED"),
    sequence: event.sequence,
    updatedAt: event.updatedAt,
  };
}

function sessionItem(
  session: SessionRow,
  event: EventRow,
  options: { joinUrl?: string | null; extraUpdatedAt?: Date; language?: string | null } = {},
): CalendarItem {
  const t = createT(options.language);
  const speakers = session.speakers.map(({ speaker }) => (speaker.organisation ? `${speaker.name} (${speaker.organisation})` : speaker.name));
  const place = [session.room?.name, eventPlace(event, options.language)].filter(Boolean).join(", ");
  // An unpublished agenda withdraws its sessions from calendars just as cancelling them would.
  const cancelled = session.status !== "PUBLISHED" || event.status !== "PUBLISHED" || !event.agendaPublishedAt;
  return {
    kind: "session",
    id: session.id,
    title: session.title,
    description: joinLines(
      session.description,
      speakers.length > 0 ? t("calendar.speakers", { names: speakers.join(", ") }) : null,
      t("calendar.partOf", { title: event.title }),
      options.joinUrl ? t("calendar.joinOnline", { url: options.joinUrl }) : null,
    ),
    location: place || null,
    url: eventPageUrl(event.slug),
    start: session.startsAt,
    end: session.endsAt,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    sequence: session.sequence + event.sequence,
    updatedAt: latest(session.updatedAt, event.updatedAt, ...(options.extraUpdatedAt ? [options.extraUpdatedAt] : [])),
    categories: session.track ? [session.track.name] : undefined,
  };
}

const meetingSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  sequence: true,
  updatedAt: true,
  hostId: true,
  guestId: true,
  host: { select: { name: true, updatedAt: true } },
  guest: { select: { name: true, updatedAt: true } },
  meetingPoint: { select: { name: true, onlineUrl: true } },
  stop: { select: { city: true, country: true, venueName: true, updatedAt: true } },
  event: { select: eventPublicSelect },
} as const;

interface MeetingRow {
  id: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  hostId: string;
  guestId: string;
  host: { name: string; updatedAt: Date };
  guest: { name: string; updatedAt: Date };
  meetingPoint: { name: string; onlineUrl: string | null } | null;
  stop: { city: string; country: string; venueName: string | null; updatedAt: Date } | null;
  event: EventRow;
}

function meetingStatus(meeting: MeetingRow): CalendarItemStatus {
  if (meeting.event.status === "CANCELLED") return "CANCELLED";
  if (meeting.status === "CONFIRMED") return "CONFIRMED";
  if (meeting.status === "REQUESTED") return "TENTATIVE";
  return "CANCELLED";
}

/** A meeting as its participant `viewerId` sees it. The request message is private and never rendered. */
function meetingItem(meeting: MeetingRow, viewerId: string, language?: string | null): CalendarItem {
  const t = createT(language);
  const other = meeting.hostId === viewerId ? meeting.guest : meeting.host;
  const status = meetingStatus(meeting);
  // Both participants may join; a cancelled meeting has nothing to join.
  const joinUrl = status !== "CANCELLED" ? meeting.meetingPoint?.onlineUrl : null;
  const stopPlace = meeting.stop
    ? [meeting.stop.venueName, meeting.stop.city, countryName(meeting.stop.country, intlLocale(toLanguage(language) ?? "en"))].filter(Boolean).join(", ")
    : null;
  const place = [meeting.meetingPoint?.name, stopPlace ?? eventPlace(meeting.event, language)].filter(Boolean).join(", ");
  return {
    kind: "meeting",
    id: meeting.id,
    title: t("calendar.meetingWith", { name: other.name }),
    description: joinLines(t("calendar.meetingAt", { title: meeting.event.title }), joinUrl ? t("calendar.joinOnline", { url: joinUrl }) : null),
    location: place || null,
    url: eventPageUrl(meeting.event.slug),
    start: meeting.startsAt,
    end: meeting.endsAt,
    status,
    sequence: meeting.sequence + meeting.event.sequence,
    updatedAt: latest(meeting.updatedAt, meeting.event.updatedAt, other.updatedAt, ...(meeting.stop ? [meeting.stop.updatedAt] : [])),
  };
}

// ───────────────────────────── downloads ─────────────────────────────

/** One published (or cancelled, shown as such) event as an .ics download; null when not public. */
export async function eventDownload(slug: string): Promise<CalendarDocument | null> {
  const event = await db().event.findFirst({ where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } }, select: eventPublicSelect });
  if (!event) return null;
  const items = [eventItem(event)];
  const body = renderCalendar({ name: event.title, timeZone: event.timeZone, method: "PUBLISH", host: calendarHost(), items });
  return document(body, items, `${safeFilename(event.slug)}.ics`);
}

/** One published or cancelled session of a public event; drafts and unknown ids give null. */
export async function sessionDownload(sessionId: string): Promise<CalendarDocument | null> {
  if (!isUuid(sessionId)) return null;
  const session = await db().agendaSession.findFirst({
    where: {
      id: sessionId,
      status: { in: ["PUBLISHED", "CANCELLED"] },
      event: { status: { in: ["PUBLISHED", "CANCELLED"] }, agendaPublishedAt: { not: null } },
    },
    select: { ...sessionPublicSelect, event: { select: eventPublicSelect } },
  });
  if (!session) return null;
  const items = [sessionItem(session, session.event)];
  const body = renderCalendar({ name: session.event.title, timeZone: session.event.timeZone, method: "PUBLISH", host: calendarHost(), items });
  return document(body, items, `session-${session.id}.ics`);
}

/** A meeting for one of its two participants; null for anybody else (the route answers 404). */
export async function meetingDownload(meetingId: string, viewerId: string): Promise<CalendarDocument | null> {
  if (!isUuid(meetingId)) return null;
  const meeting = await db().meeting.findFirst({
    where: { id: meetingId, OR: [{ hostId: viewerId }, { guestId: viewerId }] },
    select: meetingSelect,
  });
  if (!meeting) return null;
  const items = [meetingItem(meeting, viewerId)];
  const body = renderCalendar({ name: meeting.event.title, timeZone: meeting.event.timeZone, method: "PUBLISH", host: calendarHost(), items });
  return document(body, items, `meeting-${meeting.id}.ics`);
}

// ───────────────────────────── public event feed ─────────────────────────────

/**
 * The public agenda of an event: published sessions, and cancelled ones as STATUS:CANCELLED
 * until CANCELLED_RETENTION_DAYS after their last change. No join links, speakers' names only.
 */
export async function eventFeed(slug: string, now = new Date()): Promise<CalendarDocument | null> {
  const event = await db().event.findFirst({ where: { slug, status: { in: ["PUBLISHED", "CANCELLED"] } }, select: eventPublicSelect });
  if (!event) return null;
  const cutoff = retentionCutoff(now);
  // Drafts are never public. When the whole event is cancelled, or its agenda unpublished, its
  // public sessions turn CANCELLED and stay so for the retention window after that change.
  const eventCancelledLongAgo = (event.status === "CANCELLED" || !event.agendaPublishedAt) && !withinRetention(event.updatedAt, now);
  const sessions = await db().agendaSession.findMany({
    where: {
      eventId: event.id,
      OR: eventCancelledLongAgo ? [] : [{ status: "PUBLISHED" }, { status: "CANCELLED", updatedAt: { gte: cutoff } }],
    },
    select: sessionPublicSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const items = sessions.map((session) => sessionItem(session, event));
  const body = renderCalendar({ name: `${event.title} — agenda`, timeZone: event.timeZone, method: "PUBLISH", host: calendarHost(), items });
  return document(body, items, `${safeFilename(event.slug)}-agenda.ics`);
}

// ───────────────────────────── personal feed ─────────────────────────────

const TENTATIVE_REGISTRATIONS: RegistrationStatus[] = ["PENDING_APPROVAL", "PENDING_PAYMENT", "OFFERED"];
const ENDED_REGISTRATIONS: RegistrationStatus[] = ["CANCELLED", "REJECTED", "EXPIRED"];

function canJoinOnline(mode: AttendanceMode): boolean {
  return mode === "ONLINE" || mode === "HYBRID";
}

/** Loads and maps everything on a user's personal feed (no caching; see personalFeed). */
export async function loadPersonalFeedItems(userId: string, now = new Date()): Promise<{ items: CalendarItem[]; timeZone: string; name: string }> {
  const cutoff = retentionCutoff(now);
  const historyStart = new Date(now.getTime() - PERSONAL_FEED_HISTORY_DAYS * DAY_MS);
  const client = db();
  const [user, registrations, picks, removals, meetings] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { name: true, timeZone: true, locale: true } }),
    client.registration.findMany({
      where: {
        userId,
        event: { status: { in: ["PUBLISHED", "CANCELLED"] }, endsAt: { gte: historyStart } },
        OR: [{ status: { in: ["CONFIRMED", ...TENTATIVE_REGISTRATIONS] } }, { status: { in: ENDED_REGISTRATIONS }, updatedAt: { gte: cutoff } }],
      },
      select: {
        id: true,
        status: true,
        sequence: true,
        updatedAt: true,
        event: { select: { ...eventPublicSelect, onlineUrl: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    client.agendaPick.findMany({
      where: {
        userId,
        session: {
          endsAt: { gte: historyStart },
          event: { status: { in: ["PUBLISHED", "CANCELLED"] } },
          OR: [{ status: "PUBLISHED" }, { updatedAt: { gte: cutoff } }],
        },
      },
      select: { session: { select: { ...sessionPublicSelect, onlineUrl: true, event: { select: { ...eventPublicSelect, onlineUrl: true } } } } },
    }),
    // Sessions taken off the agenda: their count moves SEQUENCE on, and recent ones stay as cancelled.
    client.agendaPickRemoval.findMany({
      where: {
        userId,
        OR: [{ removedAt: null }, { removedAt: { gte: cutoff } }],
        session: { endsAt: { gte: historyStart }, event: { status: { in: ["PUBLISHED", "CANCELLED"] } } },
      },
      select: { removals: true, removedAt: true, session: { select: { ...sessionPublicSelect, event: { select: eventPublicSelect } } } },
    }),
    client.meeting.findMany({
      where: {
        OR: [{ hostId: userId }, { guestId: userId }],
        endsAt: { gte: historyStart },
        AND: [{ OR: [{ status: "CONFIRMED" }, { status: "CANCELLED", updatedAt: { gte: cutoff } }] }],
      },
      select: meetingSelect,
    }),
  ]);
  if (!user) return { items: [], timeZone: "UTC", name: "My SCALE Events" };

  const items: CalendarItem[] = [];
  // Who may join an event's sessions online: people with a confirmed registration for it.
  const confirmed = new Map<string, Date>();
  for (const registration of registrations) {
    if (registration.status === "CONFIRMED" && registration.event.status === "PUBLISHED") {
      confirmed.set(registration.event.id, registration.updatedAt);
    }
  }

  // A person can have an old cancelled registration and a new active one for the same event:
  // they are different rows with different UIDs, so the calendar shows both truthfully.
  for (const registration of registrations) {
    const event = registration.event;
    let status: CalendarItemStatus;
    if (event.status === "CANCELLED" || ENDED_REGISTRATIONS.includes(registration.status)) status = "CANCELLED";
    else if (registration.status === "CONFIRMED") status = "CONFIRMED";
    else status = "TENTATIVE";
    if (status === "CANCELLED" && !withinRetention(latest(registration.updatedAt, event.updatedAt), now)) continue;
    const joinUrl = status === "CONFIRMED" && canJoinOnline(event.mode) ? event.onlineUrl : null;
    const item = eventItem(event, { status, joinUrl, language: user.locale });
    items.push({
      ...item,
      kind: "registration",
      id: registration.id,
      sequence: event.sequence + registration.sequence,
      updatedAt: latest(event.updatedAt, registration.updatedAt),
    });
  }

  // Each removal and re-adding of a session moves its SEQUENCE on by one: 2 × removals while it is
  // on the agenda again, one less while it is off (shown as cancelled).
  const removalsBySession = new Map(removals.map((removal) => [removal.session.id, removal]));
  const picked = new Set<string>();
  for (const { session } of picks) {
    picked.add(session.id);
    const event = session.event;
    const registeredAt = confirmed.get(event.id);
    const live = session.status === "PUBLISHED" && event.status === "PUBLISHED";
    if (!live && !withinRetention(latest(session.updatedAt, event.updatedAt), now)) continue;
    const joinUrl = live && registeredAt && canJoinOnline(event.mode) ? (session.onlineUrl ?? event.onlineUrl) : null;
    const item = sessionItem(session, event, { joinUrl, extraUpdatedAt: registeredAt, language: user.locale });
    items.push({ ...item, sequence: item.sequence + 2 * (removalsBySession.get(session.id)?.removals ?? 0) });
  }
  for (const { session, removals: count, removedAt } of removals) {
    if (picked.has(session.id) || !removedAt) continue;
    const item = sessionItem(session, session.event, { extraUpdatedAt: removedAt, language: user.locale });
    items.push({ ...item, status: "CANCELLED", sequence: item.sequence + 2 * count - 1 });
  }

  for (const meeting of meetings) {
    const item = meetingItem(meeting, userId, user.locale);
    if (item.status === "CANCELLED" && !withinRetention(item.updatedAt, now)) continue;
    if (item.status === "TENTATIVE") continue; // only confirmed meetings belong in the feed
    items.push(item);
  }

  const timeZone = user.timeZone && isValidTimeZone(user.timeZone) ? user.timeZone : "UTC";
  return { items, timeZone, name: `SCALE Events — ${user.name}` };
}

export async function renderPersonalFeed(userId: string, now = new Date()): Promise<CalendarDocument> {
  const { items, timeZone, name } = await loadPersonalFeedItems(userId, now);
  const body = renderCalendar({ name, timeZone, method: "PUBLISH", host: calendarHost(), items });
  return document(body, items, "scale-events.ics");
}

// ───────────────────────────── links for pages ─────────────────────────────

export interface EventCalendarLinks {
  icsUrl: string;
  feedUrl: string;
  feedWebcalUrl: string;
  googleUrl: string;
  outlookUrl: string;
  googleSubscribeUrl: string;
  outlookSubscribeUrl: string;
}

/** The "Add to calendar" links of an event page; built from the same item as the .ics download. */
export function eventCalendarLinks(event: EventRow): EventCalendarLinks {
  const item = eventItem(event);
  const base = eventPageUrl(event.slug);
  const feedUrl = `${base}/feed.ics`;
  return {
    icsUrl: `${base}/calendar.ics`,
    feedUrl,
    feedWebcalUrl: webcalUrl(feedUrl),
    googleUrl: googleCalendarUrl(item),
    outlookUrl: outlookCalendarUrl(item),
    googleSubscribeUrl: googleSubscribeUrl(feedUrl),
    outlookSubscribeUrl: outlookSubscribeUrl(feedUrl, `${event.title} — agenda`),
  };
}

export { isUuid };
