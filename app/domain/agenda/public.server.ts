// Reading the agenda for attendees: the public agenda of an event, one session's page with the
// viewer's situation (picked? registered? may join now?), and the platform join URL that records
// attendance before handing over the meeting link.
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { db } from "~/platform/db.server";
import type { Actor } from "~/domain/access/permissions";
import { isConfirmedAttendee, mayOnEvent } from "~/domain/access/policy.server";
import { pickedSessionIds } from "./personal.server";
import { agendaSettings } from "./reminders.server";
import { describeOpening, joinWindow, type JoinWindow } from "./webinar";

const publicSessionSelect = {
  id: true,
  title: true,
  translations: true,
  description: true,
  format: true,
  status: true,
  startsAt: true,
  endsAt: true,
  trackId: true,
  roomId: true,
  themes: true,
  capacity: true,
  taken: true,
  onlineUrl: true,
  room: { select: { name: true } },
  track: { select: { id: true, name: true, color: true } },
  speakers: { select: { speaker: { select: { id: true, name: true, jobTitle: true, organisation: true } } } },
} as const;

/**
 * The public agenda of an event. Published (and cancelled, shown struck through) sessions once
 * the organisers have published the agenda; organisers also see drafts, marked as such.
 */
export async function loadPublicAgenda(slug: string, viewer: Actor | null) {
  const event = await db().event.findFirst({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      defaultLanguage: true,
      translations: true,
      status: true,
      kind: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      agendaPublishedAt: true,
      tracks: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, color: true } },
    },
  });
  const staff = event ? await mayOnEvent(viewer, "event:staff", event.id) : false;
  if (!event || (event.status === "DRAFT" && !staff)) throw new DomainError("NOT_FOUND", "This event does not exist or is not published yet.");
  const preview = staff && !event.agendaPublishedAt;
  const visible = Boolean(event.agendaPublishedAt) || staff;
  const sessions = visible
    ? await db().agendaSession.findMany({
        where: { eventId: event.id, status: { in: staff ? ["DRAFT", "PUBLISHED", "CANCELLED"] : ["PUBLISHED", "CANCELLED"] } },
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        select: publicSessionSelect,
      })
    : [];
  const picked = viewer
    ? await pickedSessionIds(
        viewer.id,
        sessions.map((s) => s.id),
      )
    : new Set<string>();
  const canEdit = await mayOnEvent(viewer, "event:manage", event.id);
  return {
    event,
    sessions: sessions.map(({ onlineUrl, ...s }) => ({ ...s, online: Boolean(onlineUrl) })),
    picked: [...picked],
    published: Boolean(event.agendaPublishedAt),
    preview,
    canEdit,
  };
}

export type JoinArea =
  | { kind: "none" }
  | { kind: "sign-in"; window: JoinWindow }
  | { kind: "not-registered"; window: JoinWindow }
  | { kind: "not-yet"; window: JoinWindow; opens: string }
  | { kind: "open"; window: JoinWindow }
  | { kind: "ended"; window: JoinWindow };

/** May this person use the join link: registered attendees, the event's staff, its speakers. */
async function mayJoin(user: Actor, session: { id: string; eventId: string }): Promise<boolean> {
  if (await isConfirmedAttendee(user.id, session.eventId)) return true;
  if (await mayOnEvent(user, "event:staff", session.eventId)) return true;
  const speaker = await db().sessionSpeaker.findFirst({ where: { sessionId: session.id, speaker: { userId: user.id } }, select: { sessionId: true } });
  return speaker !== null;
}

/** A session's page. Drafts and sessions of unpublished agendas are for the organisers only. */
export async function loadSessionPage(sessionId: string, viewer: Actor | null, displayZone: string | null = null, now = new Date()) {
  requireUuid(sessionId, "This session does not exist.");
  const session = await db().agendaSession.findUnique({
    where: { id: sessionId },
    select: {
      ...publicSessionSelect,
      eventId: true,
      recordingUrl: true,
      slidesUrl: true,
      sequence: true,
      speakers: { select: { speaker: { select: { id: true, name: true, jobTitle: true, organisation: true, bio: true } } } },
      event: {
        select: { id: true, slug: true, title: true, defaultLanguage: true, translations: true, timeZone: true, status: true, agendaPublishedAt: true },
      },
    },
  });
  if (!session) throw new DomainError("NOT_FOUND", "This session does not exist.");
  const staff = await mayOnEvent(viewer, "event:staff", session.eventId);
  const isPublic = session.status !== "DRAFT" && Boolean(session.event.agendaPublishedAt) && session.event.status !== "DRAFT";
  if (!isPublic && !staff) throw new DomainError("NOT_FOUND", "This session does not exist or is not published yet.");

  const registered = viewer ? await isConfirmedAttendee(viewer.id, session.eventId) : false;
  const picked = viewer ? (await pickedSessionIds(viewer.id, [session.id])).has(session.id) : false;
  const settings = agendaSettings();
  let join: JoinArea = { kind: "none" };
  if (session.onlineUrl && session.status !== "CANCELLED") {
    const window = joinWindow(session, now, settings.joinLeadMinutes);
    if (!viewer) join = { kind: "sign-in", window };
    else if (!(await mayJoin(viewer, session))) join = { kind: "not-registered", window };
    else if (window.state === "NOT_YET") join = { kind: "not-yet", window, opens: describeOpening(window.opensAt, displayZone ?? session.event.timeZone) };
    else join = { kind: window.state === "OPEN" ? "open" : "ended", window };
  }
  const ended = session.endsAt.getTime() <= now.getTime();
  const { onlineUrl, recordingUrl, slidesUrl, ...rest } = session;
  return {
    session: {
      ...rest,
      online: Boolean(onlineUrl),
      // Recording and slides appear once the session is over.
      recordingUrl: ended ? recordingUrl : null,
      slidesUrl: ended ? slidesUrl : null,
    },
    ended,
    registered,
    picked,
    join,
    joinLeadMinutes: settings.joinLeadMinutes,
    canEdit: await mayOnEvent(viewer, "event:manage", session.eventId),
  };
}

/**
 * The platform join URL: checks the person and the window, records attendance (first join,
 * last join, number of joins — an upsert, so concurrent clicks count correctly) and returns the
 * meeting link to redirect to.
 */
export async function recordJoin(user: Actor, sessionId: string, now = new Date()): Promise<{ url: string }> {
  requireUuid(sessionId, "This session does not exist or is not published yet.");
  const session = await db().agendaSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      eventId: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      onlineUrl: true,
      event: { select: { title: true, timeZone: true, agendaPublishedAt: true, status: true } },
    },
  });
  const staff = session ? await mayOnEvent(user, "event:staff", session.eventId) : false;
  if (!session || ((session.status === "DRAFT" || !session.event.agendaPublishedAt) && !staff)) {
    throw new DomainError("NOT_FOUND", "This session does not exist or is not published yet.");
  }
  if (!session.onlineUrl) throw new DomainError("NOT_FOUND", "This session is not held online, so there is nothing to join.");
  if (session.status === "CANCELLED") throw new DomainError("CONFLICT", "This session has been cancelled.");
  if (!(await mayJoin(user, session))) {
    throw new DomainError(
      "FORBIDDEN",
      `Only registered attendees of ${session.event.title} can join this session. Register for the event first; the link then appears on the session page.`,
    );
  }
  const window = joinWindow(session, now, agendaSettings().joinLeadMinutes);
  if (window.state === "NOT_YET") {
    throw new DomainError(
      "JOIN_NOT_OPEN",
      `The join link opens ${describeOpening(window.opensAt, session.event.timeZone)}, ${agendaSettings().joinLeadMinutes} minutes before the start.`,
    );
  }
  if (window.state === "ENDED") throw new DomainError("JOIN_CLOSED", "This session has ended. A recording, when there is one, is on the session page.");
  await db().$executeRaw`
    INSERT INTO "SessionAttendance" ("sessionId", "userId", "firstJoinedAt", "lastJoinedAt", "joins")
    VALUES (${session.id}::uuid, ${user.id}::uuid, ${now}, ${now}, 1)
    ON CONFLICT ("sessionId", "userId") DO UPDATE SET "lastJoinedAt" = EXCLUDED."lastJoinedAt", "joins" = "SessionAttendance"."joins" + 1`;
  return { url: session.onlineUrl };
}
