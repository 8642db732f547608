// The organiser's side of the agenda: sessions (create, edit, move, resize, cancel) with
// optimistic locking on `version`, rooms/tracks/speakers, conflicts and publishing. Every query
// is scoped to an event the user may edit (requireAgendaEvent); every change that attendees
// care about, once the session is public, bumps its ICS SEQUENCE and queues an email to the
// people who picked it, in the same transaction as the change.
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid, requireUuid } from "~/domain/kernel/ids";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { z } from "zod";
import type { Actor } from "~/domain/access/permissions";
import { requireAgendaEvent } from "~/domain/access/events.server";
import { blockingConflicts, detectConflicts, type AgendaConflict, type ConflictSession } from "./conflicts";
import { sessionChangedEmail, type EmailSession } from "~/domain/notifications/emails/agenda";
import { sessionAudience, syncAgendaReminders, syncReminders } from "./reminders.server";
import { parseSessionInput, type SessionFormValues } from "./session-input";
import type { SessionFormatName, SessionStatusName } from "./types";
import type { QaModeName, ThemeName } from "~/domain/kernel/vocabulary";
import { optionalWebAddress } from "~/domain/kernel/web-address";

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export const editorSessionSelect = {
  id: true,
  eventId: true,
  title: true,
  description: true,
  format: true,
  status: true,
  startsAt: true,
  endsAt: true,
  trackId: true,
  roomId: true,
  onlineUrl: true,
  themes: true,
  capacity: true,
  qaMode: true,
  taken: true,
  recordingUrl: true,
  slidesUrl: true,
  conflictsAccepted: true,
  version: true,
  sequence: true,
  room: { select: { name: true } },
  speakers: { select: { speaker: { select: { id: true, name: true, userId: true } } } },
} satisfies Prisma.AgendaSessionSelect;

export type EditorSession = Prisma.AgendaSessionGetPayload<{ select: typeof editorSessionSelect }>;
type AgendaEventRow = Awaited<ReturnType<typeof requireAgendaEvent>>;

export function toConflictSession(session: EditorSession): ConflictSession {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    roomId: session.roomId,
    roomName: session.room?.name ?? null,
    speakers: session.speakers.map(({ speaker }) => ({ id: speaker.id, userId: speaker.userId, name: speaker.name })),
    conflictsAccepted: session.conflictsAccepted,
  };
}

export interface ConflictReport {
  conflicts: AgendaConflict[];
  blocking: AgendaConflict[];
}

function conflictReport(event: AgendaEventRow, sessions: EditorSession[]): ConflictReport {
  const conflictSessions = sessions.map(toConflictSession);
  const conflicts = detectConflicts(event, conflictSessions);
  return { conflicts, blocking: blockingConflicts(conflicts, conflictSessions) };
}

async function eventSessions(client: Tx | ReturnType<typeof db>, eventId: string): Promise<EditorSession[]> {
  return client.agendaSession.findMany({
    where: { eventId },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }, { id: "asc" }],
    select: editorSessionSelect,
  });
}

/** Everything the timetable editor shows. */
export async function loadAgendaEditor(user: Actor, slug: string) {
  const event = await requireAgendaEvent(user, { slug });
  const client = db();
  const [rooms, tracks, speakers, sessions] = await Promise.all([
    client.room.findMany({ where: { eventId: event.id }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    client.track.findMany({ where: { eventId: event.id }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    client.speaker.findMany({ where: { eventId: event.id }, orderBy: { name: "asc" } }),
    eventSessions(client, event.id),
  ]);
  return { event, rooms, tracks, speakers, sessions, ...conflictReport(event, sessions) };
}

/** Shared with concurrent editors, exclusive for publishing: a publish sees a settled agenda. */
async function lockEventShared(tx: Tx, eventId: string) {
  await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${eventId}::uuid FOR SHARE`;
}

async function lockEventExclusive(tx: Tx, eventId: string) {
  await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${eventId}::uuid FOR UPDATE`;
}

/** Rooms, tracks and speakers must belong to this event; anything else is a form error. */
async function checkReferences(tx: Tx, eventId: string, refs: { roomId?: string | null; trackId?: string | null; speakerIds?: string[] }) {
  const fieldErrors: Record<string, string> = {};
  if (refs.roomId && !isUuid(refs.roomId)) fieldErrors.roomId = "Choose a room of this event.";
  else if (refs.roomId) {
    const room = await tx.room.findFirst({ where: { id: refs.roomId, eventId }, select: { id: true } });
    if (!room) fieldErrors.roomId = "Choose a room of this event.";
  }
  if (refs.trackId && !isUuid(refs.trackId)) fieldErrors.trackId = "Choose a track of this event.";
  else if (refs.trackId) {
    const track = await tx.track.findFirst({ where: { id: refs.trackId, eventId }, select: { id: true } });
    if (!track) fieldErrors.trackId = "Choose a track of this event.";
  }
  if (refs.speakerIds && !refs.speakerIds.every(isUuid)) fieldErrors.speakerIds = "Choose speakers of this event.";
  else if (refs.speakerIds && refs.speakerIds.length > 0) {
    const found = await tx.speaker.count({ where: { id: { in: refs.speakerIds }, eventId } });
    if (found !== refs.speakerIds.length) fieldErrors.speakerIds = "Choose speakers of this event.";
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new DomainError("VALIDATION", "Some choices do not belong to this event.", { fieldErrors });
  }
}

export interface SessionResult {
  session: EditorSession;
  conflicts: AgendaConflict[];
  blocking: AgendaConflict[];
  /** How many attendees were told about the change (0 before publishing). */
  notified: number;
}

async function resultFor(tx: Tx, event: AgendaEventRow, sessionId: string, notified: number): Promise<SessionResult> {
  const sessions = await eventSessions(tx, event.id);
  const session = sessions.find((s) => s.id === sessionId)!;
  return { session, ...conflictReport(event, sessions), notified };
}

/** Creates a session from the organiser's form (a draft until the agenda is (re)published). */
export async function createSession(user: Actor, eventId: string, form: SessionFormValues): Promise<SessionResult> {
  const event = await requireAgendaEvent(user, { id: eventId });
  const parsed = parseSessionInput(form, event);
  if (!parsed.ok) throw new DomainError("VALIDATION", "Check the highlighted fields.", { fieldErrors: parsed.fieldErrors });
  const input = parsed.data;
  return db().$transaction(async (tx) => {
    await lockEventShared(tx, event.id);
    await checkReferences(tx, event.id, input);
    const created = await tx.agendaSession.create({
      data: {
        eventId: event.id,
        title: input.title,
        description: input.description,
        format: input.format,
        status: "DRAFT",
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        trackId: input.trackId,
        roomId: input.roomId,
        onlineUrl: input.onlineUrl,
        themes: input.themes,
        capacity: input.capacity,
        qaMode: input.qaMode,
        speakers: { create: input.speakerIds.map((speakerId) => ({ speakerId })) },
      },
      select: { id: true },
    });
    return resultFor(tx, event, created.id, 0);
  }, TX_OPTIONS);
}

interface SessionPatch {
  title?: string;
  description?: string;
  format?: SessionFormatName;
  startsAt?: Date;
  endsAt?: Date;
  trackId?: string | null;
  roomId?: string | null;
  onlineUrl?: string | null;
  themes?: ThemeName[];
  capacity?: number | null;
  qaMode?: QaModeName;
  status?: SessionStatusName;
  recordingUrl?: string | null;
  slidesUrl?: string | null;
  speakerIds?: string[];
  conflictsAccepted?: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");
const changed = <T>(patch: T | undefined, current: T) => patch !== undefined && patch !== current;
const changedTime = (patch: Date | undefined, current: Date) => patch !== undefined && patch.getTime() !== current.getTime();

function emailView(session: EditorSession): EmailSession {
  return {
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    status: session.status,
    roomName: session.room?.name ?? null,
    online: Boolean(session.onlineUrl),
  };
}

/**
 * The one write path for an existing session: UPDATE … WHERE id AND event AND version = $v.
 * Zero rows means someone else saved first (or the seats rule refused a smaller capacity), and
 * nothing is written. The returned result carries the recomputed conflicts.
 */
async function patchSession(
  user: Actor,
  eventId: string,
  sessionId: string,
  expectedVersion: number,
  patch: SessionPatch,
  now = new Date(),
): Promise<SessionResult> {
  requireUuid(sessionId, "This session does not exist (it may have been deleted).");
  const event = await requireAgendaEvent(user, { id: eventId });
  return db().$transaction(async (tx) => {
    await lockEventShared(tx, event.id);
    const before = await tx.agendaSession.findFirst({ where: { id: sessionId, eventId: event.id }, select: editorSessionSelect });
    if (!before) throw new DomainError("NOT_FOUND", "This session does not exist (it may have been deleted).");
    await checkReferences(tx, event.id, { roomId: patch.roomId, trackId: patch.trackId, speakerIds: patch.speakerIds });

    const beforeSpeakerIds = before.speakers.map(({ speaker }) => speaker.id);
    const speakersChanged = patch.speakerIds !== undefined && !sameSet(patch.speakerIds, beforeSpeakerIds);
    const timeChanged = changedTime(patch.startsAt, before.startsAt) || changedTime(patch.endsAt, before.endsAt);
    const roomChanged = changed(patch.roomId, before.roomId);
    const onlineChanged = changed(patch.onlineUrl, before.onlineUrl);
    const statusChanged = changed(patch.status, before.status);
    // What attendees' calendars show: time, place, title, status.
    const matters = timeChanged || roomChanged || onlineChanged || statusChanged || changed(patch.title, before.title);
    const bumpSequence = matters && before.status !== "DRAFT";
    // Acceptance was given for the old arrangement; a new one must be looked at again.
    const schedulingChanged = timeChanged || roomChanged || speakersChanged;
    const conflictsAccepted = patch.conflictsAccepted ?? (schedulingChanged ? false : undefined);

    // Conflicts as they stand before this change: only a new one may make a public edit fail.
    const conflictsBefore = schedulingChanged || statusChanged ? conflictKeys(conflictReport(event, await eventSessions(tx, event.id)).conflicts) : null;

    const { speakerIds: _speakerIds, conflictsAccepted: _accepted, ...fields } = patch;
    const where: Prisma.AgendaSessionWhereInput = { id: sessionId, eventId: event.id, version: expectedVersion };
    // Never below the seats already taken: the CHECK constraint would refuse it anyway.
    if (patch.capacity !== undefined && patch.capacity !== null) where.taken = { lte: patch.capacity };
    const updated = await tx.agendaSession.updateMany({
      where,
      data: {
        ...fields,
        ...(conflictsAccepted !== undefined ? { conflictsAccepted } : {}),
        version: { increment: 1 },
        ...(bumpSequence ? { sequence: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 0) {
      if (before.version !== expectedVersion) {
        throw new DomainError("STALE_VERSION", "Someone else changed this session while you were editing. Reload to see their changes, then try again.");
      }
      const current = await tx.agendaSession.findFirst({ where: { id: sessionId }, select: { version: true, taken: true } });
      if (current && current.version !== expectedVersion) {
        throw new DomainError("STALE_VERSION", "Someone else changed this session while you were editing. Reload to see their changes, then try again.");
      }
      throw new DomainError("VALIDATION", "Capacity cannot go below the seats already taken.", {
        fieldErrors: { capacity: `${current?.taken ?? before.taken} seats are already taken; the capacity must be at least that.` },
      });
    }
    if (speakersChanged) {
      await tx.sessionSpeaker.deleteMany({ where: { sessionId } });
      await tx.sessionSpeaker.createMany({ data: patch.speakerIds!.map((speakerId) => ({ sessionId, speakerId })) });
    }
    if (conflictsBefore) await refusePublicConflict(tx, event, sessionId, conflictsBefore);

    let notified = 0;
    if (bumpSequence || timeChanged || onlineChanged || statusChanged) {
      const after = (await tx.agendaSession.findFirst({ where: { id: sessionId }, select: editorSessionSelect }))!;
      const base = publicUrl();
      for (const picker of await sessionAudience(tx, after)) {
        if (bumpSequence) {
          const content = sessionChangedEmail({
            attendeeName: picker.name,
            eventTitle: event.title,
            timeZone: event.timeZone,
            before: emailView(before),
            after: emailView(after),
            sessionUrl: `${base}/sessions/${sessionId}`,
          });
          // One email per person per change: the sequence number names the change.
          await enqueueEmail(tx, {
            to: picker.email,
            subject: content.subject,
            text: content.text,
            dedupeKey: `session-changed:${sessionId}:${after.sequence}:${picker.id}`,
          });
          notified++;
        }
        if (timeChanged || onlineChanged || statusChanged) {
          await syncReminders(tx, { ...after, roomName: after.room?.name ?? null }, event, picker, now);
        }
      }
    }
    return resultFor(tx, event, sessionId, notified);
  }, TX_OPTIONS);
}

const conflictKey = (conflict: AgendaConflict) => `${conflict.code}:${[...conflict.sessionIds].sort().join(",")}`;
const conflictKeys = (conflicts: AgendaConflict[]) => new Set(conflicts.map(conflictKey));

/**
 * Publishing is refused while a conflict blocks it; an edit of a public session must not slip a
 * new one in afterwards. A change that puts a published session in a blocking conflict with other
 * published sessions (or outside the event's dates) that was not there before is refused and
 * rolled back; a conflict that already existed (and was accepted) stays the organiser's call, shown
 * again as blocking. Drafts may be arranged freely: the publish check sees them later.
 */
async function refusePublicConflict(tx: Tx, event: AgendaEventRow, sessionId: string, before: Set<string>): Promise<void> {
  const sessions = await eventSessions(tx, event.id);
  const status = new Map(sessions.map((session) => [session.id, session.status]));
  if (status.get(sessionId) !== "PUBLISHED") return;
  const clash = conflictReport(event, sessions).blocking.find(
    (conflict) =>
      conflict.sessionIds.includes(sessionId) && conflict.sessionIds.every((id) => status.get(id) === "PUBLISHED") && !before.has(conflictKey(conflict)),
  );
  if (clash) {
    throw new DomainError("CONFLICT", `Not saved: ${clash.message} The agenda is public, so choose another time, room or speaker.`);
  }
}

function requireVersion(version: number | null): number {
  if (version === null)
    throw new DomainError("VALIDATION", "The form is out of date; reload the page.", { fieldErrors: { version: "The form is out of date; reload the page." } });
  return version;
}

/** Saves the full edit form (the keyboard/form alternative to drag and drop). */
export async function updateSession(user: Actor, eventId: string, sessionId: string, form: SessionFormValues): Promise<SessionResult> {
  const event = await requireAgendaEvent(user, { id: eventId });
  const parsed = parseSessionInput(form, event);
  if (!parsed.ok) throw new DomainError("VALIDATION", "Check the highlighted fields.", { fieldErrors: parsed.fieldErrors });
  const { version, ...input } = parsed.data;
  return patchSession(user, event.id, sessionId, requireVersion(version), input);
}

export interface Reschedule {
  version: number;
  startsAt?: Date;
  endsAt?: Date;
  /** Moving across columns of the room view. */
  roomId?: string | null;
  /** Moving across columns of the track view. */
  trackId?: string | null;
}

/** Drag and drop or keyboard: a new start and/or end (exact instants), maybe a new column. */
export async function rescheduleSession(user: Actor, eventId: string, sessionId: string, change: Reschedule, now = new Date()): Promise<SessionResult> {
  requireUuid(sessionId, "This session does not exist.");
  const startsAt = change.startsAt;
  const endsAt = change.endsAt;
  if ((startsAt && Number.isNaN(startsAt.getTime())) || (endsAt && Number.isNaN(endsAt.getTime()))) {
    throw new DomainError("VALIDATION", "That is not a valid time.");
  }
  if (startsAt || endsAt) {
    const current = await db().agendaSession.findFirst({ where: { id: sessionId, eventId }, select: { startsAt: true, endsAt: true } });
    if (current) {
      const newStart = startsAt ?? current.startsAt;
      const newEnd = endsAt ?? current.endsAt;
      if (newEnd.getTime() <= newStart.getTime()) {
        throw new DomainError("VALIDATION", "The session must end after it starts.", { fieldErrors: { endsAt: "The session must end after it starts." } });
      }
    }
  }
  return patchSession(
    user,
    eventId,
    sessionId,
    change.version,
    {
      startsAt,
      endsAt,
      ...(change.roomId !== undefined ? { roomId: change.roomId } : {}),
      ...(change.trackId !== undefined ? { trackId: change.trackId } : {}),
    },
    now,
  );
}

export async function cancelSession(user: Actor, eventId: string, sessionId: string, version: number): Promise<SessionResult> {
  return patchSession(user, eventId, sessionId, version, { status: "CANCELLED" });
}

/** Puts a cancelled session back: published if the agenda is public, else a draft. */
export async function restoreSession(user: Actor, eventId: string, sessionId: string, version: number): Promise<SessionResult> {
  const event = await requireAgendaEvent(user, { id: eventId });
  return patchSession(user, eventId, sessionId, version, { status: event.agendaPublishedAt ? "PUBLISHED" : "DRAFT" });
}

export const sessionLinksSchema = z.object({ recordingUrl: optionalWebAddress, slidesUrl: optionalWebAddress });

/** Recording and slides, shown on the session page after it ends. */
export async function setSessionLinks(
  user: Actor,
  eventId: string,
  sessionId: string,
  version: number,
  links: { recordingUrl?: unknown; slidesUrl?: unknown },
): Promise<SessionResult> {
  const parsed = sessionLinksSchema.safeParse(links);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new DomainError("VALIDATION", "Check the highlighted fields.", { fieldErrors });
  }
  return patchSession(user, eventId, sessionId, version, parsed.data);
}

/**
 * Accepts (or withdraws acceptance of) the conflicts of the given sessions. Each session comes
 * with the version the organiser saw, so accepting a conflict that has since changed is refused.
 */
export async function setConflictsAccepted(
  user: Actor,
  eventId: string,
  sessions: { id: string; version: number }[],
  accepted: boolean,
): Promise<ConflictReport> {
  const event = await requireAgendaEvent(user, { id: eventId });
  if (sessions.length === 0) throw new DomainError("VALIDATION", "Choose the sessions whose conflict you accept.");
  for (const session of sessions) requireUuid(session.id, "One of these sessions no longer exists.");
  return db().$transaction(async (tx) => {
    await lockEventShared(tx, event.id);
    for (const session of sessions) {
      const updated = await tx.agendaSession.updateMany({
        where: { id: session.id, eventId: event.id, version: session.version },
        data: { conflictsAccepted: accepted, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const exists = await tx.agendaSession.findFirst({ where: { id: session.id, eventId: event.id }, select: { id: true } });
        if (!exists) throw new DomainError("NOT_FOUND", "One of these sessions no longer exists.");
        throw new DomainError("STALE_VERSION", "Someone else changed one of these sessions. Reload to see the current conflicts before accepting them.");
      }
    }
    return conflictReport(event, await eventSessions(tx, event.id));
  }, TX_OPTIONS);
}

/**
 * Publishes the agenda: drafts become public and the agenda is shown on the event. Refused while
 * a blocking conflict remains, checked under an exclusive lock on the event so no edit can slip
 * a new conflict in between the check and the publication.
 */
export async function publishAgenda(user: Actor, eventId: string, now = new Date()): Promise<{ published: number } & ConflictReport> {
  const event = await requireAgendaEvent(user, { id: eventId });
  return db().$transaction(async (tx) => {
    await lockEventExclusive(tx, event.id);
    const sessions = await eventSessions(tx, event.id);
    const report = conflictReport(event, sessions);
    if (report.blocking.length > 0) {
      const count = report.blocking.length;
      throw new DomainError(
        "CONFLICT",
        `The agenda has ${count === 1 ? "1 unresolved conflict" : `${count} unresolved conflicts`}. Resolve ${count === 1 ? "it" : "them"} or accept ${count === 1 ? "it" : "them"} before publishing.`,
      );
    }
    const published = await tx.agendaSession.updateMany({ where: { eventId: event.id, status: "DRAFT" }, data: { status: "PUBLISHED" } });
    const current = await tx.event.findUniqueOrThrow({ where: { id: event.id }, select: { agendaPublishedAt: true } });
    // Coming back after an unpublish: the event's SEQUENCE moves on so calendars that showed its
    // sessions as cancelled take them back (every session's SEQUENCE includes the event's).
    if (!current.agendaPublishedAt) await tx.event.update({ where: { id: event.id }, data: { agendaPublishedAt: now, sequence: { increment: 1 } } });
    // Sessions just published (and all of them, after an unpublish) get their reminders queued.
    if (published.count > 0 || !current.agendaPublishedAt) await syncAgendaReminders(tx, event.id, now);
    return { published: published.count, ...report };
  }, TX_OPTIONS);
}

/**
 * Hides the agenda from the public pages; sessions keep their status and people their picks.
 * Calendars that subscribed to its sessions see them as cancelled (a higher SEQUENCE) until it
 * is published again.
 */
export async function unpublishAgenda(user: Actor, eventId: string): Promise<void> {
  const event = await requireAgendaEvent(user, { id: eventId });
  await db().$transaction(async (tx) => {
    await lockEventExclusive(tx, event.id);
    await tx.event.update({ where: { id: event.id }, data: { agendaPublishedAt: null, sequence: { increment: 1 } } });
    await syncAgendaReminders(tx, event.id);
  }, TX_OPTIONS);
}
