// Availability windows and the bookable slots they are split into.
//
// All arithmetic is done on instants (Date, UTC milliseconds): a 30-minute slot is 30 real
// minutes even on the day clocks jump. Wall-clock labels are derived afterwards, in the stop's
// zone (or the viewer's), with the shared helpers of ~/domain/kernel/time/zoned — so on a
// spring-forward morning in Lisbon a slot can honestly read "00:30–02:00" and still last 30 min.
import { DomainError } from "~/domain/kernel/errors";
import { dayKey, formatRange, formatTime, isValidTimeZone, zoneAbbreviation } from "~/domain/kernel/time/zoned";

/** A stretch of real time, half-open [startsAt, endsAt): back-to-back intervals do not overlap. */
export interface TimeInterval {
  startsAt: Date;
  endsAt: Date;
}

/** What a host publishes: a window of time split into slots of `slotMinutes`, `bufferMinutes` apart. */
export interface AvailabilityWindow extends TimeInterval {
  slotMinutes: number;
  /** Pause after every slot (to walk to the next table, catch up on notes…). */
  bufferMinutes: number;
}

/** A window as stored: it belongs to a host and, once saved, has an id. */
export interface HostAvailabilityWindow extends AvailabilityWindow {
  hostId: string;
  id?: string;
}

/** The part of a roadshow stop that availability must fit in. */
export interface StopSchedule {
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the stop's city; every time shown for the stop is in it. */
  timeZone: string;
  city?: string;
}

export const SLOT_MINUTES_MIN = 10;
export const SLOT_MINUTES_MAX = 240;
export const BUFFER_MINUTES_MAX = 120;

const MINUTE_MS = 60_000;

export function intervalsOverlap(a: TimeInterval, b: TimeInterval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Real minutes between start and end (not wall-clock minutes). */
export function durationMinutes(interval: TimeInterval): number {
  return (interval.endsAt.getTime() - interval.startsAt.getTime()) / MINUTE_MS;
}

export type SlotStatus = "FREE" | "TAKEN" | "PAST";

export interface Slot extends TimeInterval {
  /** Calendar day of the start in the display zone, "YYYY-MM-DD" (for grouping). */
  day: string;
  /** Wall-clock span in the display zone, e.g. "09:00–09:30". */
  label: string;
  /** Zone abbreviation at the start, e.g. "WEST": tells apart the two 03:30s of an autumn night. */
  zoneName: string;
  /** PAST: already started at `now`; TAKEN: overlaps a meeting or pending request; else FREE. */
  status: SlotStatus;
}

export interface ExpandOptions {
  /** Zone the labels are written in: the stop's, or the viewer's own on request. */
  timeZone: string;
  /** Slots that have started by this instant are PAST (nobody can book them any more). */
  now?: Date;
  /** Confirmed meetings and pending requests of the host: slots overlapping them are TAKEN. */
  taken?: readonly TimeInterval[];
}

/** Day and wall-clock label of any interval in a zone (re-label slots in the viewer's zone). */
export function labelInterval(interval: TimeInterval, timeZone: string): { day: string; label: string; zoneName: string } {
  return {
    day: dayKey(interval.startsAt, timeZone),
    label: `${formatTime(interval.startsAt, timeZone)}–${formatTime(interval.endsAt, timeZone)}`,
    zoneName: zoneAbbreviation(interval.startsAt, timeZone),
  };
}

/**
 * The slots of one availability window, in order. A slot starts every slot+buffer real minutes
 * from the window's start and must end within the window; the buffer after the last slot may
 * run past the end. A malformed window (see validateAvailabilityWindows) yields no slots rather
 * than looping or inventing times.
 */
export function expandAvailability(window: AvailabilityWindow, options: ExpandOptions): Slot[] {
  if (!isWellFormedLength(window.slotMinutes, 1) || !isWellFormedLength(window.bufferMinutes, 0)) return [];
  const windowStart = window.startsAt.getTime();
  const windowEnd = window.endsAt.getTime();
  if (!Number.isFinite(windowStart) || !Number.isFinite(windowEnd)) return [];

  const slotMs = window.slotMinutes * MINUTE_MS;
  const stepMs = (window.slotMinutes + window.bufferMinutes) * MINUTE_MS;
  const nowMs = options.now?.getTime();
  const taken = options.taken ?? [];

  const slots: Slot[] = [];
  for (let start = windowStart; start + slotMs <= windowEnd; start += stepMs) {
    const interval = { startsAt: new Date(start), endsAt: new Date(start + slotMs) };
    const status: SlotStatus = nowMs !== undefined && start < nowMs ? "PAST" : taken.some((busy) => intervalsOverlap(busy, interval)) ? "TAKEN" : "FREE";
    slots.push({ ...interval, ...labelInterval(interval, options.timeZone), status });
  }
  return slots;
}

/** Slots of several windows, sorted by start (a host's day is usually published as a few windows). */
export function expandAvailabilities(windows: readonly AvailabilityWindow[], options: ExpandOptions): Slot[] {
  return windows.flatMap((window) => expandAvailability(window, options)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Slots grouped by their day in the display zone, days in order (for the per-day slot picker). */
export function groupSlotsByDay(slots: readonly Slot[]): Array<{ day: string; slots: Slot[] }> {
  const byDay = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const list = byDay.get(slot.day);
    if (list) list.push(slot);
    else byDay.set(slot.day, [slot]);
  }
  return [...byDay.entries()].map(([day, daySlots]) => ({ day, slots: daySlots }));
}

function isWellFormedLength(minutes: number, min: number): boolean {
  return Number.isInteger(minutes) && minutes >= min;
}

// ───────────────────────────── validation ─────────────────────────────

export type AvailabilityProblemCode =
  /** The end is not after the start, or a date is not a date. */
  | "INVALID_RANGE"
  /** The window starts before now. */
  | "IN_PAST"
  /** The window is not inside the roadshow stop's dates. */
  | "OUTSIDE_STOP"
  /** The window overlaps another window of the same host (saved or in the same submission). */
  | "OVERLAPS_EXISTING"
  /** Not even one slot fits in the window. */
  | "TOO_SHORT"
  /** Slot length not a whole number of minutes within the allowed range. */
  | "INVALID_LENGTH"
  /** Buffer not a whole number of minutes within the allowed range. */
  | "INVALID_BUFFER"
  /** The stop's time zone is unknown, so no time could be shown correctly. */
  | "INVALID_TIME_ZONE";

export interface AvailabilityProblem {
  code: AvailabilityProblemCode;
  /** Index of the offending window in the submitted list. */
  windowIndex: number;
  /** Safe to show to the host, times in the stop's zone. */
  message: string;
  /** For OVERLAPS_EXISTING: the saved window's id, or the other submitted window's index. */
  overlapsWindowId?: string;
  overlapsWindowIndex?: number;
}

export interface ValidateAvailabilityOptions {
  /** Windows already saved for the stop (any host; only the same host's are compared). */
  existing?: readonly HostAvailabilityWindow[];
}

/**
 * Every problem with a host's submitted windows, in window order; an empty list means they can
 * be saved. A window being edited keeps its id, so it is not compared with its own saved copy.
 */
export function validateAvailabilityWindows(
  windows: readonly HostAvailabilityWindow[],
  stop: StopSchedule,
  now: Date,
  options: ValidateAvailabilityOptions = {},
): AvailabilityProblem[] {
  const problems: AvailabilityProblem[] = [];
  // Messages need a zone; falling back to UTC keeps them truthful while the zone is reported.
  const zone = isValidTimeZone(stop.timeZone) ? stop.timeZone : "UTC";
  if (zone !== stop.timeZone) {
    problems.push({ code: "INVALID_TIME_ZONE", windowIndex: -1, message: `The stop's time zone "${stop.timeZone}" is not a known time zone.` });
  }
  const submittedIds = new Set(windows.flatMap((window) => (window.id ? [window.id] : [])));
  const existing = (options.existing ?? []).filter((window) => !window.id || !submittedIds.has(window.id));
  const rangeOk: boolean[] = [];

  windows.forEach((window, windowIndex) => {
    const report = (code: AvailabilityProblemCode, message: string, extra: Partial<AvailabilityProblem> = {}) =>
      problems.push({ code, windowIndex, message, ...extra });
    const start = window.startsAt.getTime();
    const end = window.endsAt.getTime();

    if (!isWellFormedLength(window.slotMinutes, 0) || window.slotMinutes < SLOT_MINUTES_MIN || window.slotMinutes > SLOT_MINUTES_MAX) {
      report("INVALID_LENGTH", `Slots must last between ${SLOT_MINUTES_MIN} and ${SLOT_MINUTES_MAX} whole minutes.`);
    }
    if (!isWellFormedLength(window.bufferMinutes, 0) || window.bufferMinutes > BUFFER_MINUTES_MAX) {
      report("INVALID_BUFFER", `The pause between slots must be between 0 and ${BUFFER_MINUTES_MAX} whole minutes.`);
    }
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      report("INVALID_RANGE", "The window must end after it starts.");
      rangeOk.push(false);
      return; // the remaining checks compare times and would only repeat this one
    }
    rangeOk.push(true);
    const when = formatRange(window.startsAt, window.endsAt, zone);

    if (start < now.getTime()) {
      report("IN_PAST", `The window ${when} starts in the past.`);
    }
    if (start < stop.startsAt.getTime() || end > stop.endsAt.getTime()) {
      const stopName = stop.city ? `the ${stop.city} stop` : "the roadshow stop";
      report("OUTSIDE_STOP", `The window ${when} is not within ${stopName} (${formatRange(stop.startsAt, stop.endsAt, zone)}).`);
    }
    if (Number.isInteger(window.slotMinutes) && window.slotMinutes > 0 && end - start < window.slotMinutes * MINUTE_MS) {
      report("TOO_SHORT", `The window ${when} is shorter than one ${window.slotMinutes}-minute slot.`);
    }
    for (const other of existing) {
      if (other.hostId === window.hostId && intervalsOverlap(window, other)) {
        report("OVERLAPS_EXISTING", `The window ${when} overlaps your availability ${formatRange(other.startsAt, other.endsAt, zone)}.`, {
          overlapsWindowId: other.id,
        });
      }
    }
  });

  // Within the submission: report each overlapping pair once, on the later window.
  windows.forEach((window, windowIndex) => {
    if (!rangeOk[windowIndex]) return;
    for (let earlierIndex = 0; earlierIndex < windowIndex; earlierIndex++) {
      const earlier = windows[earlierIndex];
      if (rangeOk[earlierIndex] && earlier.hostId === window.hostId && intervalsOverlap(window, earlier)) {
        problems.push({
          code: "OVERLAPS_EXISTING",
          windowIndex,
          message: `The window ${formatRange(window.startsAt, window.endsAt, zone)} overlaps another window you entered (${formatRange(earlier.startsAt, earlier.endsAt, zone)}).`,
          overlapsWindowIndex: earlierIndex,
        });
      }
    }
  });

  return problems.sort((a, b) => a.windowIndex - b.windowIndex);
}

/**
 * The shared domain error for a non-empty problem list (routes throw it; the edge maps
 * VALIDATION to 400). Field errors are keyed "windows.<index>" so a form can show each message
 * beside its row; several problems on one window are joined.
 */
export function availabilityError(problems: readonly AvailabilityProblem[]): DomainError {
  const fieldErrors: Record<string, string> = {};
  for (const problem of problems) {
    const key = problem.windowIndex < 0 ? "stop" : `windows.${problem.windowIndex}`;
    fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${problem.message}` : problem.message;
  }
  const summary = problems.length === 1 ? problems[0].message : `${problems.length} problems with the availability windows.`;
  return new DomainError("VALIDATION", summary, { fieldErrors });
}

/** Throws availabilityError when the windows cannot be saved as they are. */
export function assertValidAvailabilityWindows(
  windows: readonly HostAvailabilityWindow[],
  stop: StopSchedule,
  now: Date,
  options: ValidateAvailabilityOptions = {},
): void {
  const problems = validateAvailabilityWindows(windows, stop, now, options);
  if (problems.length > 0) throw availabilityError(problems);
}
