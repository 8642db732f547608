// Online sessions: when the join link is shown, and when reminders go out. Pure, so the session
// page, the join URL and the reminder queue all read the same clock rules.
import { formatDate, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { MINUTE_MS, type TimeSpan } from "./types";

/** Minutes before the start from which registered attendees see the join link. */
export const DEFAULT_JOIN_LEAD_MINUTES = 15;

/** A reminder: `label` is part of the outbox dedupe key (reminder:<sessionId>:<userId>:<label>). */
export interface ReminderOffset {
  label: string;
  minutesBefore: number;
}

export const DEFAULT_REMINDERS: readonly ReminderOffset[] = [
  { label: "24h", minutesBefore: 24 * 60 },
  { label: "15m", minutesBefore: 15 },
];

export type JoinWindowState = "NOT_YET" | "OPEN" | "ENDED";

export interface JoinWindow {
  state: JoinWindowState;
  opensAt: Date;
  closesAt: Date;
}

/**
 * The join window of an online session: [start − lead, end). The end is exclusive like every
 * agenda interval; a late joiner one minute before the end still gets in.
 */
export function joinWindow(session: TimeSpan, now: Date, leadMinutes = DEFAULT_JOIN_LEAD_MINUTES): JoinWindow {
  const opensAt = new Date(session.startsAt.getTime() - leadMinutes * MINUTE_MS);
  const closesAt = session.endsAt;
  const t = now.getTime();
  const state: JoinWindowState = t < opensAt.getTime() ? "NOT_YET" : t < closesAt.getTime() ? "OPEN" : "ENDED";
  return { state, opensAt, closesAt };
}

/** "Tue, 3 Mar 2026 at 13:45 CET": when the link opens, in the zone the page is read in. */
export function describeOpening(opensAt: Date, timeZone: string): string {
  return `${formatDate(opensAt, timeZone)} at ${formatTime(opensAt, timeZone)} ${zoneAbbreviation(opensAt, timeZone)}`;
}

export interface PlannedReminder {
  label: string;
  sendAfter: Date;
}

/**
 * The reminders still worth sending for a session starting at `startsAt`: a reminder whose
 * moment has passed is dropped rather than sent late ("starts in 24 hours" an hour before the
 * start would be wrong), and nothing is planned for a session that has started.
 */
export function planReminders(startsAt: Date, now: Date, offsets: readonly ReminderOffset[] = DEFAULT_REMINDERS): PlannedReminder[] {
  if (startsAt.getTime() <= now.getTime()) return [];
  return offsets
    .map((offset) => ({ label: offset.label, sendAfter: new Date(startsAt.getTime() - offset.minutesBefore * MINUTE_MS) }))
    .filter((reminder) => reminder.sendAfter.getTime() > now.getTime());
}

/**
 * Reminder offsets from a setting like "24h,15m" or "1440,15" (plain numbers are minutes).
 * Anything unreadable falls back to the defaults so a typo never silences every reminder.
 */
export function parseReminderOffsets(value: string | undefined | null): ReminderOffset[] {
  if (!value || !value.trim()) return [...DEFAULT_REMINDERS];
  const offsets: ReminderOffset[] = [];
  for (const raw of value.split(",")) {
    const part = raw.trim().toLowerCase();
    const match = /^(\d{1,5})\s*(m|h|d)?$/.exec(part);
    if (!match) return [...DEFAULT_REMINDERS];
    const amount = Number(match[1]);
    const unit = match[2] ?? "m";
    const minutes = unit === "d" ? amount * 1440 : unit === "h" ? amount * 60 : amount;
    if (minutes <= 0) return [...DEFAULT_REMINDERS];
    offsets.push({ label: `${amount}${unit}`, minutesBefore: minutes });
  }
  const unique = new Map(offsets.map((offset) => [offset.minutesBefore, offset]));
  return [...unique.values()].sort((a, b) => b.minutesBefore - a.minutesBefore);
}

/** The join lead time from a setting in minutes; unreadable or out of range → the default. */
export function parseJoinLeadMinutes(value: string | undefined | null): number {
  if (!value || !/^\d{1,4}$/.test(value.trim())) return DEFAULT_JOIN_LEAD_MINUTES;
  const minutes = Number(value.trim());
  return minutes <= 24 * 60 ? minutes : DEFAULT_JOIN_LEAD_MINUTES;
}
