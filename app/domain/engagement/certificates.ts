// The pure rules of certificates of attendance: who has earned one (checked in, or attended a
// share of the sessions' time online), how many hours it states, and how little the public check
// page says about the person (initials).
import { singleLine } from "~/domain/kernel/text";

/** 128 random bits as base64url: 22 characters. Anything else is refused before a query. */
export const CERTIFICATE_CODE = /^[A-Za-z0-9_-]{22}$/;
export const DEFAULT_MIN_SHARE_PCT = 50;

export interface SessionSpan {
  startsAt: Date;
  endsAt: Date;
  attended: boolean;
}

const minutesOf = (s: { startsAt: Date; endsAt: Date }) => Math.max(0, Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));

/** Minutes of the event's sessions, and of those this person joined online; the share in percent (0 when no sessions). */
export function attendanceShare(sessions: SessionSpan[]): { attendedMinutes: number; totalMinutes: number; pct: number } {
  const totalMinutes = sessions.reduce((sum, s) => sum + minutesOf(s), 0);
  const attendedMinutes = sessions.filter((s) => s.attended).reduce((sum, s) => sum + minutesOf(s), 0);
  return { attendedMinutes, totalMinutes, pct: totalMinutes === 0 ? 0 : Math.floor((attendedMinutes / totalMinutes) * 100) };
}

export type CertificateDecision = { ok: true; minutes: number; basis: "check-in" | "online" } | { ok: false; reason: string };

/**
 * A certificate for a confirmed registration that was checked in (the sessions' time, or the
 * event's span when it has no sessions), or — once the event has ended — that attended at least
 * `minSharePct` of the sessions' time online (the time attended).
 */
export function certificateDecision(input: {
  confirmed: boolean;
  checkedIn: boolean;
  eventEnded: boolean;
  event: { startsAt: Date; endsAt: Date };
  sessions: SessionSpan[];
  minSharePct: number;
}): CertificateDecision {
  if (!input.confirmed) return { ok: false, reason: "Certificates are for confirmed registrations." };
  const share = attendanceShare(input.sessions);
  if (input.checkedIn) return { ok: true, minutes: share.totalMinutes > 0 ? share.totalMinutes : minutesOf(input.event), basis: "check-in" };
  if (!input.eventEnded) return { ok: false, reason: "Your certificate is available once you have checked in, or after the event if you attended online." };
  if (share.attendedMinutes > 0 && share.pct >= input.minSharePct) return { ok: true, minutes: share.attendedMinutes, basis: "online" };
  return {
    ok: false,
    reason: `A certificate needs a check-in at the venue or online attendance of at least ${input.minSharePct}% of the sessions' time (you attended ${share.pct}%).`,
  };
}

/** "Ana Maria Silva" → "A. S.": the check page confirms a certificate without naming its holder. */
export function initialsOf(name: string): string {
  const parts = singleLine(name).split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "–";
  const letters = parts.length === 1 ? [parts[0]] : [parts[0], parts[parts.length - 1]];
  return letters.map((p) => `${[...p][0].toUpperCase()}.`).join(" ");
}

/** "6 hours 30 minutes" */
export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? "" : `${h} ${h === 1 ? "hour" : "hours"}`;
  const mins = m === 0 ? "" : `${m} ${m === 1 ? "minute" : "minutes"}`;
  return [hours, mins].filter(Boolean).join(" ") || "0 minutes";
}
