// Time-zone arithmetic over IANA zones, built on Intl only (no tz database of our own).
// Instants are Date (UTC); "wall time" is what a clock on the wall in `timeZone` shows.

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time in `timeZone` at `instant`. */
export function toWallTime(instant: Date, timeZone: string): Required<WallTime> {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Europe/Paris in summer: +120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = toWallTime(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const instantSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - instantSeconds) / 60_000);
}

/**
 * The instant at which clocks in `timeZone` show `wall`.
 * In the autumn overlap (a wall time that happens twice) the earlier instant is chosen;
 * in the spring gap (a wall time that never happens) the time is pushed forward by the gap,
 * as calendar applications do (02:30 on the spring-forward day in Paris becomes 03:30).
 */
export function fromWallTime(wall: WallTime, timeZone: string): Date {
  const naiveUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // Candidate offsets: those in force a day either side cover every real-world transition.
  const candidates = new Set([
    offsetMinutes(new Date(naiveUtc - 86_400_000), timeZone),
    offsetMinutes(new Date(naiveUtc), timeZone),
    offsetMinutes(new Date(naiveUtc + 86_400_000), timeZone),
  ]);
  const matches = [...candidates]
    .map((offset) => naiveUtc - offset * 60_000)
    .filter((instant) => offsetMinutes(new Date(instant), timeZone) * 60_000 === naiveUtc - instant)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]);
  // Spring gap: use the offset in force before the gap, which lands after it.
  const before = offsetMinutes(new Date(naiveUtc - 86_400_000), timeZone);
  return new Date(naiveUtc - before * 60_000);
}

/** Parses "YYYY-MM-DDTHH:mm" (an <input type="datetime-local"> value) as wall time. */
export function parseLocalDateTime(value: string): WallTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0));
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute, second };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm" in `timeZone`, for datetime-local inputs. */
export function formatLocalDateTimeInput(instant: Date, timeZone: string): string {
  const w = toWallTime(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar day ("YYYY-MM-DD") of `instant` in `timeZone`. */
export function dayKey(instant: Date, timeZone: string): string {
  const w = toWallTime(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = make();
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** "Tue, 3 Mar 2026" in the zone. */
export function formatDate(instant: Date, timeZone: string, locale = "en-GB"): string {
  return displayFormatter(
    `d|${timeZone}|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric" }),
  ).format(instant);
}

/** "14:30" in the zone. */
export function formatTime(instant: Date, timeZone: string, locale = "en-GB"): string {
  return displayFormatter(
    `t|${timeZone}|${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  ).format(instant);
}

/** Short zone name at that instant, e.g. "CET", "CEST", "GMT+1". */
export function zoneAbbreviation(instant: Date, timeZone: string, locale = "en-GB"): string {
  const parts = displayFormatter(`z|${timeZone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })).formatToParts(instant);
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "Tue, 3 Mar 2026 at 14:30 CET", in the given zone (emails, deadlines); other locales: "mar. 3 mars 2026, 14:30 UTC+1". */
export function formatInstant(instant: Date, timeZone: string, locale = "en-GB"): string {
  const joiner = locale === "en-GB" ? " at " : ", ";
  return `${formatDate(instant, timeZone, locale)}${joiner}${formatTime(instant, timeZone, locale)} ${zoneAbbreviation(instant, timeZone, locale)}`;
}

/**
 * A human range in the zone: "Tue, 3 Mar 2026, 09:00–17:30 CET" on one day,
 * "Tue, 3 Mar 2026, 09:00 – Thu, 5 Mar 2026, 17:00 CET" across days.
 */
export function formatRange(start: Date, end: Date, timeZone: string, locale = "en-GB"): string {
  const sameDay = dayKey(start, timeZone) === dayKey(end, timeZone);
  const zone = zoneAbbreviation(end, timeZone, locale);
  if (sameDay) {
    return `${formatDate(start, timeZone, locale)}, ${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)} ${zone}`;
  }
  return `${formatDate(start, timeZone, locale)}, ${formatTime(start, timeZone, locale)} – ${formatDate(end, timeZone, locale)}, ${formatTime(end, timeZone, locale)} ${zone}`;
}

/** "3–5 Mar 2026" style date span for cards. */
export function formatDateSpan(start: Date, end: Date, timeZone: string, locale = "en-GB"): string {
  const fmt = displayFormatter(`s|${timeZone}|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }));
  // ICU versions differ on the spaces around the dash (Node: thin spaces, Chromium: plain ones);
  // pages render on the server and hydrate in the browser, so both must print the same text.
  return fmt.formatRange(start, end).replace(/[\u2009\u202f]/g, " ");
}
