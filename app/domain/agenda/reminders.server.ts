// Reminder emails before online sessions, queued in the outbox when someone picks the session
// and kept in step with the session afterwards (moved → re-queued, removed/cancelled → withdrawn).
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import type { Tx } from "~/utils/db.server";
import { publicUrl } from "~/utils/env.server";
import { sessionReminderEmail } from "./emails";
import { parseJoinLeadMinutes, parseReminderOffsets, planReminders, type ReminderOffset } from "./webinar";

/** Settings read at use, so tests and operators can change them through the environment. */
export function agendaSettings(): { joinLeadMinutes: number; reminders: ReminderOffset[] } {
  return {
    joinLeadMinutes: parseJoinLeadMinutes(process.env.AGENDA_JOIN_LEAD_MINUTES),
    reminders: parseReminderOffsets(process.env.AGENDA_REMINDERS),
  };
}

export const reminderKey = (sessionId: string, userId: string, label: string) => `reminder:${sessionId}:${userId}:${label}`;

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
  await tx.outboxEmail.deleteMany({ where: { dedupeKey: { startsWith: `reminder:${sessionId}:${userId}:` }, status: "PENDING" } });
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
    await enqueueEmail(tx, { to: user.email, subject: content.subject, text: content.text, sendAfter: reminder.sendAfter, dedupeKey: reminderKey(session.id, user.id, reminder.label) });
  }
}
