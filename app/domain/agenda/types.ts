// Plain-data vocabulary of the agenda core. String-literal unions mirror the Prisma enums so
// this folder never imports generated client types: the pure rules stay testable without a
// database and Prisma rows remain assignable to them structurally.
export const SESSION_FORMATS = ["KEYNOTE", "PANEL", "TALK", "WORKSHOP", "PITCH", "NETWORKING", "BREAK"] as const;
export type SessionFormatName = (typeof SESSION_FORMATS)[number];

export const SESSION_FORMAT_LABELS: Record<SessionFormatName, string> = {
  KEYNOTE: "Keynote",
  PANEL: "Panel",
  TALK: "Talk",
  WORKSHOP: "Workshop",
  PITCH: "Pitch",
  NETWORKING: "Networking",
  BREAK: "Break",
};

export const SESSION_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;
export type SessionStatusName = (typeof SESSION_STATUSES)[number];

/** What the agenda rules need to know about the event that holds the sessions. */
export interface AgendaEvent {
  startsAt: Date;
  endsAt: Date;
  /** IANA zone, e.g. "Europe/Lisbon". */
  timeZone: string;
}

/** A stretch of real time. Intervals are half-open: [startsAt, endsAt). */
export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/**
 * True when two half-open intervals share at least one instant. Because the end is exclusive,
 * a session ending at 10:00 and the next starting at 10:00 do not overlap — back-to-back
 * sessions in one room are the normal case, not a conflict.
 */
export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

export const MINUTE_MS = 60_000;
