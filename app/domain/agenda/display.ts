// The public agenda's presentation rules: which day a session belongs to and how its times
// read, in the event's zone or the viewer's. Days and labels come from the zone rules of the
// instant itself, so a DST change in the middle of an event shows the right offset each day.
import { z } from "zod";
import { dayKey, formatDate, formatTime, isValidTimeZone, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { SESSION_FORMATS, type SessionFormatName, type TimeSpan } from "./types";
import { THEMES, type ThemeName } from "~/domain/kernel/vocabulary";

export interface DisplaySession extends TimeSpan {
  id: string;
  title: string;
  trackId?: string | null;
  themes?: readonly ThemeName[];
  format?: SessionFormatName;
}

/** Whose clock the agenda is read in: the event's (default) or the viewer's own. */
export type ZoneChoice = "event" | "viewer";

/**
 * The zone to show times in. The viewer's zone comes from the browser or a preference, i.e. from
 * outside, so an unknown or missing zone falls back to the event's rather than failing the page.
 */
export function displayTimeZone(eventTimeZone: string, viewerTimeZone: string | null | undefined, choice: ZoneChoice): string {
  if (choice === "viewer" && viewerTimeZone && isValidTimeZone(viewerTimeZone)) return viewerTimeZone;
  return eventTimeZone;
}

const DAY_MS = 86_400_000;

/** Whole calendar days between two "YYYY-MM-DD" keys. */
function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

/**
 * "09:00–10:00 CET". When the offset changes during the session (a session across a DST change)
 * both ends carry their own abbreviation, "01:30 CET–03:30 CEST", because "01:30–03:30 CEST"
 * would misstate its length. A session ending on a later day says so: "23:30–00:30 CET (+1 day)".
 */
export function formatSessionTime(session: TimeSpan, timeZone: string, locale = "en-GB"): string {
  const start = formatTime(session.startsAt, timeZone, locale);
  const end = formatTime(session.endsAt, timeZone, locale);
  const startZone = zoneAbbreviation(session.startsAt, timeZone, locale);
  const endZone = zoneAbbreviation(session.endsAt, timeZone, locale);
  const range = startZone === endZone ? `${start}–${end} ${endZone}` : `${start} ${startZone}–${end} ${endZone}`;
  // The end instant is exclusive: a session ending at exactly midnight still belongs to its day.
  const lastInstant = new Date(Math.max(session.startsAt.getTime(), session.endsAt.getTime() - 1));
  const extraDays = daysBetween(dayKey(session.startsAt, timeZone), dayKey(lastInstant, timeZone));
  if (extraDays <= 0) return range;
  return `${range} (+${extraDays} ${extraDays === 1 ? "day" : "days"})`;
}

export interface AgendaEntry<S> {
  session: S;
  /** formatSessionTime in the display zone. */
  time: string;
}

export interface AgendaDay<S> {
  /** "YYYY-MM-DD" in the display zone. */
  day: string;
  /** "Tue, 3 Mar 2026". */
  label: string;
  entries: AgendaEntry<S>[];
}

/**
 * Sessions grouped by the calendar day on which they start in `timeZone`, days and sessions in
 * time order. Grouping by start day (not repeating a session on every day it touches) keeps each
 * session in one place; its time label says when it runs past midnight.
 */
export function groupSessionsByDay<S extends DisplaySession>(sessions: readonly S[], timeZone: string, locale = "en-GB"): AgendaDay<S>[] {
  const sorted = [...sessions].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
  const days: AgendaDay<S>[] = [];
  for (const session of sorted) {
    const day = dayKey(session.startsAt, timeZone);
    let current = days[days.length - 1];
    if (!current || current.day !== day) {
      current = { day, label: formatDate(session.startsAt, timeZone, locale), entries: [] };
      days.push(current);
    }
    current.entries.push({ session, time: formatSessionTime(session, timeZone, locale) });
  }
  return days;
}

/** Empty or missing lists mean "no filter" on that facet. */
export interface AgendaFilter {
  trackIds?: readonly string[];
  themes?: readonly ThemeName[];
  formats?: readonly SessionFormatName[];
}

/**
 * Sessions matching the filter: any of the chosen values within a facet, every facet that is
 * set. A session without a track never matches a track filter.
 */
export function filterSessions<S extends DisplaySession>(sessions: readonly S[], filter: AgendaFilter): S[] {
  const tracks = filter.trackIds?.length ? new Set(filter.trackIds) : null;
  const themes = filter.themes?.length ? new Set<string>(filter.themes) : null;
  const formats = filter.formats?.length ? new Set<string>(filter.formats) : null;
  return sessions.filter(
    (session) =>
      (!tracks || (session.trackId != null && tracks.has(session.trackId))) &&
      (!themes || (session.themes ?? []).some((theme) => themes.has(theme))) &&
      (!formats || (session.format !== undefined && formats.has(session.format))),
  );
}

const themeSchema = z.enum(THEMES);
const formatSchema = z.enum(SESSION_FORMATS);

/**
 * The agenda filter from a query string (?track=…&theme=MOBILITY&format=TALK, each repeatable).
 * Unknown values are dropped rather than failing, so shared and old links keep working.
 */
export function parseAgendaFilter(params: URLSearchParams): AgendaFilter {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const keep = <T>(schema: z.ZodType<T>, values: string[]) =>
    unique(
      values.flatMap((value) => {
        const parsed = schema.safeParse(value.trim());
        return parsed.success ? [parsed.data] : [];
      }),
    );
  return {
    trackIds: unique(
      params
        .getAll("track")
        .map((id) => id.trim())
        .filter((id) => id.length > 0 && id.length <= 100),
    ),
    themes: keep(themeSchema, params.getAll("theme")),
    formats: keep(formatSchema, params.getAll("format")),
  };
}
