// Agenda conflicts: what the timetable editor shows as it happens and what blocks publishing.
// Pure over plain data so the editor can run it on every move and the publish rule on the
// server can run exactly the same code.
import { formatDate, formatRange, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import type { AgendaEvent, SessionStatusName, TimeSpan } from "./types";

export type ConflictCode = "SPEAKER_DOUBLE_BOOKED" | "ROOM_DOUBLE_BOOKED" | "OUTSIDE_EVENT" | "ENDS_BEFORE_START";

/** A speaker on a session. A platform user may have more than one speaker entry. */
export interface ConflictSpeaker {
  id: string;
  /** Platform user behind the speaker entry; external speakers have none. */
  userId?: string | null;
  name?: string | null;
}

export interface ConflictSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatusName;
  roomId?: string | null;
  /** Only used to make messages readable. */
  roomName?: string | null;
  /** Preferred: speakers with their user ids, so one person is recognised across entries. */
  speakers?: readonly ConflictSpeaker[];
  /** Alternative to `speakers` when only the speaker ids are at hand. */
  speakerIds?: readonly string[];
  conflictsAccepted?: boolean;
}

export interface AgendaConflict {
  code: ConflictCode;
  /** The sessions involved, earliest first. */
  sessionIds: string[];
  /** The shared stretch of time, for double bookings. */
  overlap?: TimeSpan;
  roomId?: string;
  /** The person booked twice; `speakerIds` lists their speaker entries in the sessions. */
  speaker?: { speakerIds: string[]; userId: string | null; name: string | null };
  /** Safe to show to organisers; times are in the event's zone. */
  message: string;
}

const CODE_ORDER: Record<ConflictCode, number> = {
  ENDS_BEFORE_START: 0,
  OUTSIDE_EVENT: 1,
  ROOM_DOUBLE_BOOKED: 2,
  SPEAKER_DOUBLE_BOOKED: 3,
};

interface SpeakerIdentity {
  key: string;
  speakerId: string;
  userId: string | null;
  name: string | null;
}

/**
 * The people on a session, one entry per person. A user is recognised by user id so that two
 * speaker entries for the same person (possible in the schema) still count as one person.
 */
function speakerIdentities(session: ConflictSession): SpeakerIdentity[] {
  const speakers: readonly ConflictSpeaker[] = session.speakers ?? (session.speakerIds ?? []).map((id) => ({ id }));
  const byKey = new Map<string, SpeakerIdentity>();
  for (const speaker of speakers) {
    const userId = speaker.userId ?? null;
    const key = userId ? `user:${userId}` : `speaker:${speaker.id}`;
    if (!byKey.has(key)) byKey.set(key, { key, speakerId: speaker.id, userId, name: speaker.name ?? null });
  }
  return [...byKey.values()];
}

const quoted = (title: string) => `“${title}”`;

function hasValidSpan(session: ConflictSession): boolean {
  return session.endsAt.getTime() > session.startsAt.getTime();
}

interface Booking<T> {
  session: ConflictSession;
  detail: T;
}

/**
 * Every pair of overlapping bookings of one resource, by sort and sweep: bookings are sorted by
 * start, and each one is compared only with the bookings still running when it starts. That is
 * O(n log n + pairs) instead of comparing every session with every other one.
 */
function overlappingPairs<T>(bookings: Booking<T>[]): Array<[Booking<T>, Booking<T>]> {
  const sorted = [...bookings].sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.session.id.localeCompare(b.session.id));
  const pairs: Array<[Booking<T>, Booking<T>]> = [];
  let running: Booking<T>[] = [];
  for (const booking of sorted) {
    const startsAt = booking.session.startsAt.getTime();
    // Ending exactly when this one starts is not an overlap (half-open intervals).
    running = running.filter((other) => other.session.endsAt.getTime() > startsAt);
    for (const other of running) pairs.push([other, booking]);
    running.push(booking);
  }
  return pairs;
}

function overlapOf(a: TimeSpan, b: TimeSpan): TimeSpan {
  return {
    startsAt: new Date(Math.max(a.startsAt.getTime(), b.startsAt.getTime())),
    endsAt: new Date(Math.min(a.endsAt.getTime(), b.endsAt.getTime())),
  };
}

function outsideEventMessage(session: ConflictSession, event: AgendaEvent): string {
  const zone = event.timeZone;
  const startsEarly = session.startsAt.getTime() < event.startsAt.getTime();
  const endsLate = session.endsAt.getTime() > event.endsAt.getTime();
  const when = formatRange(session.startsAt, session.endsAt, zone);
  const eventStart = `${formatDate(event.startsAt, zone)}, ${formatTime(event.startsAt, zone)} ${zoneAbbreviation(event.startsAt, zone)}`;
  const eventEnd = `${formatDate(event.endsAt, zone)}, ${formatTime(event.endsAt, zone)} ${zoneAbbreviation(event.endsAt, zone)}`;
  if (startsEarly && endsLate) {
    return `${quoted(session.title)} (${when}) runs beyond the event on both sides (${formatRange(event.startsAt, event.endsAt, zone)}).`;
  }
  if (startsEarly) return `${quoted(session.title)} (${when}) starts before the event begins (${eventStart}).`;
  return `${quoted(session.title)} (${when}) ends after the event ends (${eventEnd}).`;
}

function endsBeforeStartMessage(session: ConflictSession, zone: string): string {
  const start = formatTime(session.startsAt, zone);
  const end = formatTime(session.endsAt, zone);
  if (session.endsAt.getTime() === session.startsAt.getTime()) {
    return `${quoted(session.title)} starts and ends at the same time (${start}); give it a duration.`;
  }
  return `${quoted(session.title)} ends (${formatDate(session.endsAt, zone)}, ${end}) before it starts (${formatDate(session.startsAt, zone)}, ${start}).`;
}

/**
 * All conflicts of an agenda, in the order they happen (a double booking counts from the moment
 * the overlap begins). Cancelled sessions never conflict. A session that
 * does not end after it starts only gets ENDS_BEFORE_START: its other checks would be noise.
 * Double bookings are reported per pair of sessions (and per person), so each message can name
 * exactly the two sessions to untangle.
 */
export function detectConflicts(event: AgendaEvent, sessions: readonly ConflictSession[]): AgendaConflict[] {
  const zone = event.timeZone;
  const conflicts: Array<AgendaConflict & { sortAt: number }> = [];
  const roomBookings = new Map<string, Booking<null>[]>();
  const speakerBookings = new Map<string, Booking<SpeakerIdentity>[]>();

  for (const session of sessions) {
    if (session.status === "CANCELLED") continue;
    const sortAt = session.startsAt.getTime();

    if (!hasValidSpan(session)) {
      conflicts.push({ code: "ENDS_BEFORE_START", sessionIds: [session.id], message: endsBeforeStartMessage(session, zone), sortAt });
      continue;
    }
    if (session.startsAt.getTime() < event.startsAt.getTime() || session.endsAt.getTime() > event.endsAt.getTime()) {
      conflicts.push({ code: "OUTSIDE_EVENT", sessionIds: [session.id], message: outsideEventMessage(session, event), sortAt });
    }
    if (session.roomId) {
      const bookings = roomBookings.get(session.roomId) ?? [];
      bookings.push({ session, detail: null });
      roomBookings.set(session.roomId, bookings);
    }
    for (const identity of speakerIdentities(session)) {
      const bookings = speakerBookings.get(identity.key) ?? [];
      bookings.push({ session, detail: identity });
      speakerBookings.set(identity.key, bookings);
    }
  }

  for (const [roomId, bookings] of roomBookings) {
    for (const [first, second] of overlappingPairs(bookings)) {
      const overlap = overlapOf(first.session, second.session);
      const roomName = first.session.roomName ?? second.session.roomName ?? "the same room";
      conflicts.push({
        code: "ROOM_DOUBLE_BOOKED",
        sessionIds: [first.session.id, second.session.id],
        overlap,
        roomId,
        message: `${quoted(first.session.title)} and ${quoted(second.session.title)} are both in ${roomName} on ${formatRange(overlap.startsAt, overlap.endsAt, zone)}.`,
        sortAt: overlap.startsAt.getTime(),
      });
    }
  }

  for (const bookings of speakerBookings.values()) {
    for (const [first, second] of overlappingPairs(bookings)) {
      const overlap = overlapOf(first.session, second.session);
      const name = first.detail.name ?? second.detail.name;
      const speakerIds = [...new Set([first.detail.speakerId, second.detail.speakerId])];
      conflicts.push({
        code: "SPEAKER_DOUBLE_BOOKED",
        sessionIds: [first.session.id, second.session.id],
        overlap,
        speaker: { speakerIds, userId: first.detail.userId, name },
        message: `${name ?? "A speaker"} is due in ${quoted(first.session.title)} and ${quoted(second.session.title)} at the same time (${formatRange(overlap.startsAt, overlap.endsAt, zone)}).`,
        sortAt: overlap.startsAt.getTime(),
      });
    }
  }

  conflicts.sort(
    (a, b) =>
      a.sortAt - b.sortAt ||
      CODE_ORDER[a.code] - CODE_ORDER[b.code] ||
      a.sessionIds.join(",").localeCompare(b.sessionIds.join(",")) ||
      (a.speaker?.speakerIds.join(",") ?? "").localeCompare(b.speaker?.speakerIds.join(",") ?? ""),
  );
  return conflicts.map(({ sortAt: _sortAt, ...conflict }) => conflict);
}

/**
 * The conflicts that stop the agenda from being published. An organiser accepts a conflict by
 * marking every session involved (a deliberate double booking needs both sides' consent, so
 * accepting one side does not silently accept the other). A session that ends before it
 * starts is invalid data, not a judgement call, so accepting it does not unblock publishing.
 */
export function blockingConflicts(
  conflicts: readonly AgendaConflict[],
  sessions: readonly Pick<ConflictSession, "id" | "conflictsAccepted">[],
): AgendaConflict[] {
  const accepted = new Set(sessions.filter((session) => session.conflictsAccepted).map((session) => session.id));
  return conflicts.filter((conflict) => conflict.code === "ENDS_BEFORE_START" || !conflict.sessionIds.every((id) => accepted.has(id)));
}

/** Conflicts indexed by session, for badges on the timetable cards. */
export function conflictsBySession(conflicts: readonly AgendaConflict[]): Map<string, AgendaConflict[]> {
  const bySession = new Map<string, AgendaConflict[]>();
  for (const conflict of conflicts) {
    for (const id of conflict.sessionIds) {
      const list = bySession.get(id) ?? [];
      list.push(conflict);
      bySession.set(id, list);
    }
  }
  return bySession;
}
