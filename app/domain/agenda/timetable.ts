// Layout of the timetable editor's day view: rooms or tracks as columns, time as rows.
// Rows are slices of real time, not of the wall clock, so that a session's height is its true
// length: on a spring-forward day the missing hour has no rows (Paris: 01:45 is followed by
// 03:00), on a fall-back day the repeated hour has rows twice, told apart by zone abbreviation.
import { dayKey, formatTime, fromWallTime, offsetMinutes, toWallTime, zoneAbbreviation, type WallTime } from "~/domain/kernel/time/zoned";
import { resolveLocalDateTime } from "~/domain/kernel/time/local-time";
import { MINUTE_MS, type TimeSpan } from "./types";

export interface TimetableColumn {
  id: string;
  name: string;
}

export interface TimetableSession extends TimeSpan {
  id: string;
  roomId?: string | null;
  trackId?: string | null;
}

/** Which session field decides the column. */
export type ColumnKind = "room" | "track";

export interface TimetableInput<S extends TimetableSession> {
  /** The calendar day, "YYYY-MM-DD", in `timeZone` (the event's zone). */
  day: string;
  timeZone: string;
  columnKind: ColumnKind;
  columns: readonly TimetableColumn[];
  sessions: readonly S[];
  /** Row height in real minutes; 15 unless told. */
  granularityMinutes?: number;
  /**
   * Part of the day to show, as wall-clock "HH:mm" ("24:00" = the end of the day), e.g.
   * { from: "08:00", to: "20:00" }. The whole day unless told.
   */
  window?: { from: string; to: string };
}

export interface TimetableRow {
  index: number;
  startsAt: Date;
  /** Exclusive; the last row may be shorter when the view does not divide evenly. */
  endsAt: Date;
  /** Wall time at the row's start, "HH:mm". */
  time: string;
  /** Zone abbreviation at the row's start, e.g. "CEST". */
  zone: string;
  /** What to print: the time, plus the zone when that wall time occurs twice in the view. */
  label: string;
  /** The wall time of this row also starts another row of the view (autumn repeated hour). */
  repeated: boolean;
  /** The clocks changed between the previous row's start and this one's. */
  afterClockChange: boolean;
  /** The row starts on a full hour of the wall clock, for stronger grid lines. */
  onTheHour: boolean;
}

export interface SessionPlacement<S> {
  session: S;
  /** null for sessions listed in `unassigned`. */
  columnId: string | null;
  columnIndex: number | null;
  /** Index of the first row the session covers. */
  startRow: number;
  /** Rows covered, at least 1 so that very short sessions stay visible and clickable. */
  rowSpan: number;
  /** Side-by-side position among sessions sharing rows in the same column (0-based). */
  lane: number;
  /** Lanes in this session's group of overlapping sessions, to size it as 1/laneCount wide. */
  laneCount: number;
  /** Clipped at the top: it started before the view (e.g. on the previous day). */
  startsBeforeView: boolean;
  /** Clipped at the bottom: it runs past the view (e.g. past midnight). */
  endsAfterView: boolean;
}

export interface TimetableLayout<S> {
  day: string;
  timeZone: string;
  granularityMinutes: number;
  /** The real-time bounds of the view. */
  startsAt: Date;
  endsAt: Date;
  columns: readonly TimetableColumn[];
  rows: TimetableRow[];
  placements: SessionPlacement<S>[];
  /** Sessions on this day with no column here (no room or track, or one not in `columns`). */
  unassigned: SessionPlacement<S>[];
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})$/;

function parseDay(day: string): { year: number; month: number; day: number } {
  const match = DAY_PATTERN.exec(day);
  const [year, month, date] = match ? match.slice(1).map(Number) : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar day: "${day}" (expected YYYY-MM-DD).`);
  }
  return { year, month, day: date };
}

/** Instant of a wall-clock "HH:mm" on `day`; "24:00" is the start of the next day. */
function wallClockOnDay(day: { year: number; month: number; day: number }, clock: string, timeZone: string): Date {
  const match = CLOCK_PATTERN.exec(clock);
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!match || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
    throw new RangeError(`Not a wall-clock time: "${clock}" (expected HH:mm, 00:00–24:00).`);
  }
  // Date.UTC normalises day overflow, so "24:00" becomes 00:00 of the following calendar day.
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + (hour === 24 ? 1 : 0)));
  const wall: WallTime = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: hour === 24 ? 0 : hour,
    minute,
  };
  // A midnight that the clocks skip resolves to the first instant after the gap, which is
  // exactly where that day starts.
  return fromWallTime(wall, timeZone);
}

/** The real-time bounds of a calendar day (or a wall-clock window of it) in `timeZone`. */
export function dayBounds(day: string, timeZone: string, window?: { from: string; to: string }): TimeSpan {
  const parsed = parseDay(day);
  const startsAt = wallClockOnDay(parsed, window?.from ?? "00:00", timeZone);
  const endsAt = wallClockOnDay(parsed, window?.to ?? "24:00", timeZone);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new RangeError(`The timetable window must end after it starts (${window?.from}–${window?.to}).`);
  }
  return { startsAt, endsAt };
}

function buildRows(view: TimeSpan, granularityMinutes: number, timeZone: string): TimetableRow[] {
  const stepMs = granularityMinutes * MINUTE_MS;
  const rows: TimetableRow[] = [];
  let previousOffset: number | null = null;
  for (let start = view.startsAt.getTime(), index = 0; start < view.endsAt.getTime(); start += stepMs, index++) {
    const startsAt = new Date(start);
    const offset = offsetMinutes(startsAt, timeZone);
    const time = formatTime(startsAt, timeZone);
    rows.push({
      index,
      startsAt,
      endsAt: new Date(Math.min(start + stepMs, view.endsAt.getTime())),
      time,
      zone: zoneAbbreviation(startsAt, timeZone),
      label: time,
      repeated: false,
      afterClockChange: previousOffset !== null && offset !== previousOffset,
      onTheHour: time.endsWith(":00"),
    });
    previousOffset = offset;
  }
  const occurrences = new Map<string, number>();
  for (const row of rows) occurrences.set(row.time, (occurrences.get(row.time) ?? 0) + 1);
  for (const row of rows) {
    if ((occurrences.get(row.time) ?? 0) > 1) {
      row.repeated = true;
      row.label = `${row.time} ${row.zone}`;
    }
  }
  return rows;
}

/**
 * Side-by-side lanes within one column, computed on rows (not minutes) so that two sessions
 * drawn in the same grid cell never cover each other, even when their minutes do not overlap.
 * Overlapping sessions form a group; each takes the first lane free at its start row.
 */
function assignLanes<S extends { id: string }>(placements: SessionPlacement<S>[]): void {
  // Longer sessions first at equal start, so they take the leftmost lane; ids break ties so the
  // layout does not depend on the order the sessions were loaded in.
  const sorted = [...placements].sort((a, b) => a.startRow - b.startRow || b.rowSpan - a.rowSpan || a.session.id.localeCompare(b.session.id));
  let group: SessionPlacement<S>[] = [];
  let laneEnds: number[] = []; // per lane, the row after its last session
  let groupEnd = 0;
  const closeGroup = () => {
    for (const placement of group) placement.laneCount = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const placement of sorted) {
    if (group.length > 0 && placement.startRow >= groupEnd) closeGroup();
    const end = placement.startRow + placement.rowSpan;
    const free = laneEnds.findIndex((laneEnd) => laneEnd <= placement.startRow);
    placement.lane = free === -1 ? laneEnds.length : free;
    laneEnds[placement.lane] = end;
    groupEnd = group.length === 0 ? end : Math.max(groupEnd, end);
    group.push(placement);
  }
  closeGroup();
}

/**
 * The day view: rows in real time across the view, and for each session that touches the view
 * its column, first row and row span. Sessions running into the previous or next day are
 * clipped to the view and flagged, so the editor can draw a torn edge.
 */
export function layoutTimetable<S extends TimetableSession>(input: TimetableInput<S>): TimetableLayout<S> {
  const granularityMinutes = input.granularityMinutes ?? 15;
  if (!Number.isInteger(granularityMinutes) || granularityMinutes < 1 || granularityMinutes > 24 * 60) {
    throw new RangeError(`Granularity must be a whole number of minutes between 1 and 1440, got ${granularityMinutes}.`);
  }
  const view = dayBounds(input.day, input.timeZone, input.window);
  const rows = buildRows(view, granularityMinutes, input.timeZone);
  const stepMs = granularityMinutes * MINUTE_MS;
  const viewStart = view.startsAt.getTime();
  const viewEnd = view.endsAt.getTime();
  const columnIndex = new Map(input.columns.map((column, index) => [column.id, index]));

  const placements: SessionPlacement<S>[] = [];
  const unassigned: SessionPlacement<S>[] = [];
  const placementsByColumn = new Map<number, SessionPlacement<S>[]>();
  for (const session of input.sessions) {
    const start = session.startsAt.getTime();
    // An invalid (end ≤ start) session is drawn as a point so the organiser can still find and
    // fix it; conflict detection reports it.
    const end = Math.max(session.endsAt.getTime(), start);
    const touchesView = end > start ? start < viewEnd && end > viewStart : start >= viewStart && start < viewEnd;
    if (!touchesView) continue;
    const clippedStart = Math.max(start, viewStart);
    const clippedEnd = Math.min(end, viewEnd);
    const startRow = Math.floor((clippedStart - viewStart) / stepMs);
    const endRow = Math.ceil((clippedEnd - viewStart) / stepMs);
    const columnId = (input.columnKind === "room" ? session.roomId : session.trackId) ?? null;
    const index = columnId === null ? undefined : columnIndex.get(columnId);
    const placement: SessionPlacement<S> = {
      session,
      columnId: index === undefined ? null : columnId,
      columnIndex: index ?? null,
      startRow,
      rowSpan: Math.max(1, endRow - startRow),
      lane: 0,
      laneCount: 1,
      startsBeforeView: start < viewStart,
      endsAfterView: end > viewEnd,
    };
    if (index === undefined) {
      unassigned.push(placement);
    } else {
      placements.push(placement);
      const columnPlacements = placementsByColumn.get(index) ?? [];
      columnPlacements.push(placement);
      placementsByColumn.set(index, columnPlacements);
    }
  }
  for (const columnPlacements of placementsByColumn.values()) assignLanes(columnPlacements);
  assignLanes(unassigned);

  const order = <T extends SessionPlacement<S>>(a: T, b: T) =>
    (a.columnIndex ?? -1) - (b.columnIndex ?? -1) || a.startRow - b.startRow || a.lane - b.lane || a.session.id.localeCompare(b.session.id);
  placements.sort(order);
  unassigned.sort(order);

  return {
    day: input.day,
    timeZone: input.timeZone,
    granularityMinutes,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    columns: input.columns,
    rows,
    placements,
    unassigned,
  };
}

export type Reschedule = { ok: true; startsAt: Date; endsAt: Date } | { ok: false; error: string };

/**
 * Where a new start comes from: a Date is an exact instant (a drop on a timetable row, which
 * also pins down which 02:30 of a fall-back night was meant); a string or wall time is what the
 * organiser typed in the keyboard/form alternative, read in the event's zone.
 */
export type NewTime = Date | WallTime | string;

function resolveNewTime(value: NewTime, timeZone: string): { ok: true; instant: Date } | { ok: false; error: string } {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, error: "That is not a valid time." } : { ok: true, instant: value };
  }
  const resolved = resolveLocalDateTime(value, timeZone);
  return resolved.ok ? resolved : { ok: false, error: resolved.message };
}

/**
 * The session moved to start at `newStart`, keeping its length in real minutes: a one-hour talk
 * moved across a clock change still lasts one hour even if the wall clock says otherwise.
 */
export function moveSession(session: TimeSpan, newStart: NewTime, timeZone: string): Reschedule {
  const resolved = resolveNewTime(newStart, timeZone);
  if (!resolved.ok) return resolved;
  const durationMs = session.endsAt.getTime() - session.startsAt.getTime();
  return { ok: true, startsAt: resolved.instant, endsAt: new Date(resolved.instant.getTime() + durationMs) };
}

/**
 * The session with a new end, start unchanged. Refused when it would leave less than
 * `minimumMinutes` (real minutes), rather than producing a session that ends before it starts.
 */
export function resizeSession(session: TimeSpan, newEnd: NewTime, timeZone: string, minimumMinutes = 5): Reschedule {
  const resolved = resolveNewTime(newEnd, timeZone);
  if (!resolved.ok) return resolved;
  return withEnd(session, resolved.instant, minimumMinutes);
}

/** Keyboard move: the session shifted by real minutes (negative = earlier). */
export function shiftSession(session: TimeSpan, deltaMinutes: number): TimeSpan {
  const deltaMs = deltaMinutes * MINUTE_MS;
  return { startsAt: new Date(session.startsAt.getTime() + deltaMs), endsAt: new Date(session.endsAt.getTime() + deltaMs) };
}

/** Keyboard resize: the end moved by real minutes, with the same minimum length as resizeSession. */
export function resizeSessionBy(session: TimeSpan, deltaMinutes: number, minimumMinutes = 5): Reschedule {
  return withEnd(session, new Date(session.endsAt.getTime() + deltaMinutes * MINUTE_MS), minimumMinutes);
}

function withEnd(session: TimeSpan, endsAt: Date, minimumMinutes: number): Reschedule {
  if (endsAt.getTime() - session.startsAt.getTime() < minimumMinutes * MINUTE_MS) {
    return { ok: false, error: `A session must last at least ${minimumMinutes} minutes and end after it starts.` };
  }
  return { ok: true, startsAt: session.startsAt, endsAt };
}

const DAY_MS = 86_400_000;
/** The calendar days (in the event zone) the editor offers: the event's days plus any day holding a session. */
export function editorDays(event: { startsAt: Date; endsAt: Date; timeZone: string }, sessions: { startsAt: Date }[]): string[] {
  const days = new Set<string>();
  // Half-day steps never skip a calendar day, whatever the clocks do.
  for (let t = event.startsAt.getTime(); t < event.endsAt.getTime(); t += DAY_MS / 2) days.add(dayKey(new Date(t), event.timeZone));
  days.add(dayKey(new Date(event.endsAt.getTime() - 1), event.timeZone));
  for (const session of sessions) days.add(dayKey(session.startsAt, event.timeZone));
  return [...days].sort();
}

const padHour = (n: number) => String(n).padStart(2, "0");

/** The editor's visible hours for a day: 08:00–19:00, widened to the sessions of that day. */
export function editorDayWindow(day: string, zone: string, sessions: { startsAt: Date; endsAt: Date }[]): { from: string; to: string } {
  let from = 8 * 60;
  let to = 19 * 60;
  for (const session of sessions) {
    const startDay = dayKey(session.startsAt, zone);
    const endDay = dayKey(new Date(session.endsAt.getTime() - 1), zone);
    if (startDay > day || endDay < day) continue;
    if (startDay === day) {
      const w = toWallTime(session.startsAt, zone);
      from = Math.min(from, w.hour * 60);
    } else from = 0;
    if (endDay === day) {
      const w = toWallTime(session.endsAt, zone);
      to = Math.max(to, Math.min(24 * 60, w.hour * 60 + (w.minute > 0 ? 60 : 0) || 24 * 60));
    } else to = 24 * 60;
  }
  return { from: `${padHour(Math.floor(from / 60))}:00`, to: to >= 24 * 60 ? "24:00" : `${padHour(Math.floor(to / 60))}:00` };
}
