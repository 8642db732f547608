// Reminder emails before online sessions, queued in the outbox when someone picks the session
// and kept in step with the session afterwards (moved → re-queued, removed/cancelled → withdrawn).
import type { Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { sessionReminderEmail } from "~/domain/notifications/emails/agenda";
import { parseJoinLeadMinutes, parseReminderOffsets, planReminders, type ReminderOffset } from "./webinar";
import { enqueueNotification } from "~/domain/notifications/notification-choices.server";

/** Settings read at use, so tests and operators can change them through the environment. */
export function agendaSettings(): { joinLeadMinutes: number; reminders: ReminderOffset[] } {
  return {
    joinLeadMinutes: parseJoinLeadMinutes(process.env.AGENDA_JOIN_LEAD_MINUTES),
    reminders: parseReminderOffsets(process.env.AGENDA_REMINDERS),
  };
}

/** Every reminder of one person for one session, whatever offsets were configured when queued. */
const reminderKeyPrefix = (sessionId: string, userId: string) => `reminder:${sessionId}:${userId}:`;
export const reminderKey = (sessionId: string, userId: string, label: string) => `${reminderKeyPrefix(sessionId, userId)}${label}`;

export interface ReminderSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  onlineUrl: string | null;
  roomName: string | null;
}

export interface ReminderTarget {
  id: string;
  email: string;
  name: string;
}

/**
 * Withdraws every still-pending reminder of one person for one session, whatever offsets were
 * configured when it was queued (hence the key prefix rather than the current labels).
 */
export async function cancelReminders(tx: Tx, sessionId: string, userId: string): Promise<void> {
  await tx.outboxEmail.deleteMany({ where: { dedupeKey: { startsWith: reminderKeyPrefix(sessionId, userId) }, status: "PENDING" } });
}

/**
 * Withdraws every still-pending reminder of one person for any session of one event (they left
 * the event): picked sessions and, for webinars, the sessions they were reminded of unpicked.
 */
export async function cancelEventReminders(tx: Tx, eventId: string, userId: string): Promise<void> {
  const sessions = await tx.agendaSession.findMany({ where: { eventId }, select: { id: true } });
  if (sessions.length === 0) return;
  await tx.outboxEmail.deleteMany({
    where: { status: "PENDING", OR: sessions.map((session) => ({ dedupeKey: { startsWith: reminderKeyPrefix(session.id, userId) } })) },
  });
}

/**
 * Webinars remind every confirmed attendee, not only those who added a session to their
 * agenda: queues (through syncReminders, so with the same keys, offsets and content) the
 * reminders of every public online session of the event that has not started. Runs in the
 * transaction that confirmed the registration; a later pick of the same session just re-times
 * the same outbox rows.
 */
export async function syncEventReminders(tx: Tx, eventId: string, user: ReminderTarget, now = new Date()): Promise<number> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { title: true, timeZone: true, status: true, agendaPublishedAt: true } });
  // Drafts are nobody's business yet (the same rule as picking a session).
  if (!event || event.status === "DRAFT" || !event.agendaPublishedAt) return 0;
  const sessions = await tx.agendaSession.findMany({
    where: { eventId, status: "PUBLISHED", onlineUrl: { not: null }, startsAt: { gt: now } },
    select: { id: true, title: true, startsAt: true, endsAt: true, status: true, onlineUrl: true, room: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
  });
  for (const session of sessions) {
    await syncReminders(tx, { ...session, roomName: session.room?.name ?? null }, event, user, now);
  }
  return sessions.length;
}

/**
 * Who hears about a published session (change emails and reminders): the people who added it to
 * their agenda and, at a webinar, every confirmed attendee, each once.
 */
export async function sessionAudience(tx: Tx, session: { id: string; eventId: string; status: string }): Promise<ReminderTarget[]> {
  // A draft is nobody's business yet.
  if (session.status === "DRAFT") return [];
  const userSelect = { id: true, email: true, name: true } as const;
  const pickers = await tx.agendaPick.findMany({ where: { sessionId: session.id }, select: { user: { select: userSelect } } });
  const audience = new Map(pickers.map(({ user }) => [user.id, user]));
  const event = await tx.event.findUnique({ where: { id: session.eventId }, select: { kind: true, status: true, agendaPublishedAt: true } });
  if (event?.kind === "WEBINAR" && event.status !== "DRAFT" && event.agendaPublishedAt) {
    const attendees = await tx.registration.findMany({ where: { eventId: session.eventId, status: "CONFIRMED" }, select: { user: { select: userSelect } } });
    for (const { user } of attendees) audience.set(user.id, user);
  }
  return [...audience.values()];
}

/**
 * Re-plans every reminder of an event's agenda, as it now stands: queued for its audience while
 * the agenda is published, withdrawn for everyone while it is not. Runs when the agenda is
 * published or unpublished.
 */
export async function syncAgendaReminders(tx: Tx, eventId: string, now = new Date()): Promise<void> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { title: true, timeZone: true, status: true, agendaPublishedAt: true } });
  if (!event) return;
  const sessions = await tx.agendaSession.findMany({
    where: { eventId },
    select: { id: true, eventId: true, title: true, startsAt: true, endsAt: true, status: true, onlineUrl: true, room: { select: { name: true } } },
  });
  const visible = event.status !== "DRAFT" && event.agendaPublishedAt !== null;
  for (const session of sessions) {
    if (!visible || session.status !== "PUBLISHED") {
      await tx.outboxEmail.deleteMany({ where: { dedupeKey: { startsWith: `reminder:${session.id}:` }, status: "PENDING" } });
      continue;
    }
    for (const person of await sessionAudience(tx, session)) {
      await syncReminders(tx, { ...session, roomName: session.room?.name ?? null }, event, person, now);
    }
  }
}

/**
 * Brings one person's reminders for one session in line with the session as it is now: queued
 * (or re-timed, since the outbox replaces a pending email with the same key) for an online
 * session that has not started, withdrawn otherwise. Runs inside the caller's transaction.
 */
export async function syncReminders(
  tx: Tx,
  session: ReminderSession,
  event: { title: string; timeZone: string },
  user: ReminderTarget,
  now = new Date(),
): Promise<void> {
  const settings = agendaSettings();
  if (!session.onlineUrl || session.status === "CANCELLED") {
    await cancelReminders(tx, session.id, user.id);
    return;
  }
  const planned = planReminders(session.startsAt, now, settings.reminders);
  const plannedLabels = new Set(planned.map((reminder) => reminder.label));
  // Reminders whose moment has now passed (the session moved earlier) are withdrawn.
  for (const offset of settings.reminders) {
    if (!plannedLabels.has(offset.label)) {
      await tx.outboxEmail.deleteMany({ where: { dedupeKey: reminderKey(session.id, user.id, offset.label), status: "PENDING" } });
    }
  }
  const base = publicUrl();
  for (const reminder of planned) {
    const content = sessionReminderEmail({
      attendeeName: user.name,
      eventTitle: event.title,
      timeZone: event.timeZone,
      session: { ...session, online: true },
      joinUrl: `${base}/sessions/${session.id}/join`,
      sessionUrl: `${base}/sessions/${session.id}`,
      leadMinutes: settings.joinLeadMinutes,
    });
    await enqueueNotification(tx, user, "REMINDERS", {
      to: user.email,
      subject: content.subject,
      text: content.text,
      sendAfter: reminder.sendAfter,
      dedupeKey: reminderKey(session.id, user.id, reminder.label),
    });
  }
}
