// "Add to my agenda": registered attendees pick sessions. Seats of capacity-limited sessions
// are taken by a conditional UPDATE in the transaction that inserts the pick, so concurrent
// picks can never oversell; the pick's primary key stops a double pick.
import { DomainError } from "~/domain/kernel/errors";
import { isUuid, requireUuid } from "~/domain/kernel/ids";
import { db, type Tx } from "~/platform/db.server";
import { isConfirmedAttendee } from "~/domain/access/policy.server";
import { overlapsWithPicks, pickOverlapWarning } from "./personal";
import { cancelReminders, syncReminders } from "./reminders.server";

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

export interface PickResult {
  /** False when the session was already in the agenda (a repeated click). */
  added: boolean;
  /** Set when the session overlaps other picks; the pick is kept anyway. */
  warning: string | null;
  overlappingSessionIds: string[];
}

/** Public sessions only: a draft or a session of an unpublished agenda cannot be picked. */
async function findPickableSession(sessionId: string) {
  requireUuid(sessionId, "This session does not exist or is not published yet.");
  const session = await db().agendaSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      onlineUrl: true,
      capacity: true,
      room: { select: { name: true } },
      event: { select: { id: true, title: true, timeZone: true, agendaPublishedAt: true, status: true } },
    },
  });
  if (!session || session.status === "DRAFT" || !session.event.agendaPublishedAt || session.event.status === "DRAFT") {
    throw new DomainError("NOT_FOUND", "This session does not exist or is not published yet.");
  }
  return session;
}

export async function addToMyAgenda(user: { id: string }, sessionId: string, now = new Date()): Promise<PickResult> {
  const session = await findPickableSession(sessionId);
  if (session.status === "CANCELLED") throw new DomainError("CONFLICT", "This session has been cancelled.");
  if (session.endsAt.getTime() <= now.getTime()) throw new DomainError("CONFLICT", "This session has already ended.");

  const added = await db().$transaction(async (tx) => {
    if (!(await isConfirmedAttendee(user.id, session.event.id, tx))) {
      throw new DomainError("FORBIDDEN", `Register for ${session.event.title} to add its sessions to your agenda.`);
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO "AgendaPick" ("userId", "sessionId") VALUES (${user.id}::uuid, ${sessionId}::uuid)
      ON CONFLICT ("userId", "sessionId") DO NOTHING`;
    if (inserted === 0) return false;
    // Back on the agenda: the calendar item returns (its SEQUENCE moves past the cancellation).
    await tx.agendaPickRemoval.updateMany({ where: { userId: user.id, sessionId, removedAt: { not: null } }, data: { removedAt: null } });
    // The seat rule: one row updated means one seat taken; zero means full (or cancelled meanwhile).
    const seat = await tx.$executeRaw`
      UPDATE "AgendaSession" SET taken = taken + 1
      WHERE id = ${sessionId}::uuid AND status = 'PUBLISHED' AND (capacity IS NULL OR taken < capacity)`;
    if (seat === 0) {
      const current = await tx.agendaSession.findUnique({ where: { id: sessionId }, select: { status: true, capacity: true } });
      if (current?.status === "CANCELLED") throw new DomainError("CONFLICT", "This session has been cancelled.");
      throw new DomainError("SOLD_OUT", current?.capacity ? `All ${current.capacity} seats of this session are taken.` : "This session is full.");
    }
    if (session.onlineUrl) {
      const person = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, email: true, name: true } });
      await syncReminders(tx, { ...session, roomName: session.room?.name ?? null }, session.event, person, now);
    }
    return true;
  }, TX_OPTIONS);

  const picks = await db().agendaPick.findMany({
    where: { userId: user.id, sessionId: { not: sessionId } },
    select: { session: { select: { id: true, title: true, startsAt: true, endsAt: true, status: true } } },
  });
  const overlaps = overlapsWithPicks(
    session,
    picks.map((pick) => pick.session),
  );
  return { added, warning: pickOverlapWarning(overlaps, session.event.timeZone), overlappingSessionIds: overlaps.map((s) => s.id) };
}

/**
 * Takes one session off one person's agenda in the caller's transaction: the pick goes, its seat
 * is given back, its reminders are withdrawn and the removal is remembered for their calendar
 * feed (shown as cancelled for the retention window). False when it was not on their agenda.
 */
async function releasePick(tx: Tx, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const deleted = await tx.agendaPick.deleteMany({ where: { userId, sessionId } });
  if (deleted.count === 0) return false;
  await tx.$executeRaw`UPDATE "AgendaSession" SET taken = taken - 1 WHERE id = ${sessionId}::uuid AND taken > 0`;
  await cancelReminders(tx, sessionId, userId);
  await tx.$executeRaw`
    INSERT INTO "AgendaPickRemoval" ("userId", "sessionId", "removals", "removedAt") VALUES (${userId}::uuid, ${sessionId}::uuid, 1, ${now})
    ON CONFLICT ("userId", "sessionId") DO UPDATE SET "removals" = "AgendaPickRemoval"."removals" + 1, "removedAt" = EXCLUDED."removedAt"`;
  return true;
}

/** Removes a pick, releases its seat and withdraws its reminders. Removing twice is harmless. */
export async function removeFromMyAgenda(user: { id: string }, sessionId: string, now = new Date()): Promise<{ removed: boolean }> {
  if (!isUuid(sessionId)) return { removed: false };
  return db().$transaction(async (tx) => ({ removed: await releasePick(tx, user.id, sessionId, now) }), TX_OPTIONS);
}

/** The person's picks across all events, soonest event first, sessions in time order. */
export async function listMyAgenda(userId: string) {
  const picks = await db().agendaPick.findMany({
    where: { userId },
    select: {
      createdAt: true,
      session: {
        select: {
          id: true,
          title: true,
          format: true,
          status: true,
          startsAt: true,
          endsAt: true,
          onlineUrl: true,
          sequence: true,
          room: { select: { name: true } },
          track: { select: { name: true, color: true } },
          speakers: { select: { speaker: { select: { name: true } } } },
          event: { select: { id: true, slug: true, title: true, timeZone: true, startsAt: true, endsAt: true, kind: true } },
        },
      },
    },
  });
  const sessions = picks.map((pick) => pick.session).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
  const overlapping = new Set<string>();
  for (const session of sessions) {
    if (overlapsWithPicks(session, sessions).length > 0) overlapping.add(session.id);
  }
  const byEvent = new Map<string, { event: (typeof sessions)[number]["event"]; sessions: typeof sessions }>();
  for (const session of sessions) {
    const group = byEvent.get(session.event.id) ?? { event: session.event, sessions: [] };
    group.sessions.push(session);
    byEvent.set(session.event.id, group);
  }
  const groups = [...byEvent.values()].sort((a, b) => a.event.startsAt.getTime() - b.event.startsAt.getTime());
  return { groups, overlapping: [...overlapping] };
}

/** Which of these sessions the person has picked. */
export async function pickedSessionIds(userId: string, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const picks = await db().agendaPick.findMany({ where: { userId, sessionId: { in: sessionIds } }, select: { sessionId: true } });
  return new Set(picks.map((pick) => pick.sessionId));
}

/**
 * Someone leaving an event (registration cancelled): every pick of theirs at that event goes,
 * each seat it took is given back and its reminders are withdrawn — the same rule as
 * removeFromMyAgenda, run in the caller's transaction. Returns the sessions released.
 */
export async function removeEventPicks(tx: Tx, userId: string, eventId: string, now = new Date()): Promise<string[]> {
  // Sorted, so two transactions releasing seats of the same sessions lock them in one order.
  const picks = await tx.agendaPick.findMany({ where: { userId, session: { eventId } }, select: { sessionId: true }, orderBy: { sessionId: "asc" } });
  const released: string[] = [];
  for (const { sessionId } of picks) {
    if (await releasePick(tx, userId, sessionId, now)) released.push(sessionId);
  }
  return released;
}
