// All-day items are dates, not instants: which date an instant falls on depends on the time
// zone, so the zone is always explicit here (never the server's TZ).
import { toWallTime } from "~/domain/kernel/time/zoned";

/** A calendar date as [year, month 1-12, day], the shape `ics` expects for VALUE=DATE. */
export type CalendarDate = [year: number, month: number, day: number];

export interface AllDayRange {
  startDate: CalendarDate;
  /** The day after the last day, as RFC 5545 (DTEND;VALUE=DATE) and Google/Outlook links expect. */
  endDateExclusive: CalendarDate;
}

function addDays([year, month, day]: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The days an item covers in `timeZone`, with an exclusive end date.
 * `end` is treated as an instant: if it is exactly midnight in the zone it already marks the
 * exclusive end ("until the start of 14 May"); any later time means that day is included.
 * An item always covers at least one day, so DTEND is always after DTSTART.
 */
export function allDayRange(start: Date, end: Date, timeZone: string): AllDayRange {
  const startWall = toWallTime(start, timeZone);
  const endWall = toWallTime(end, timeZone);
  const startDate: CalendarDate = [startWall.year, startWall.month, startWall.day];
  let endDateExclusive: CalendarDate = [endWall.year, endWall.month, endWall.day];
  const endsAtMidnight = endWall.hour === 0 && endWall.minute === 0 && endWall.second === 0;
  if (!endsAtMidnight) endDateExclusive = addDays(endDateExclusive, 1);
  if (compareDates(endDateExclusive, startDate) <= 0) endDateExclusive = addDays(startDate, 1);
  return { startDate, endDateExclusive };
}

/** "YYYYMMDD" (iCalendar and Google basic format). */
export function formatBasicDate([year, month, day]: CalendarDate): string {
  return `${String(year).padStart(4, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" (ISO extended format, used by Outlook links). */
export function formatExtendedDate([year, month, day]: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "YYYYMMDDTHHMMSSZ": an instant in UTC, seconds precision, as iCalendar and Google want it. */
export function formatBasicUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}
