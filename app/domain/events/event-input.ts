// The organiser's event form (create and settings): validation with messages meant for the
// form, and the typed local times read in the chosen zone. Pure: no database, no clock.
// The time zone is checked first, because the start and end only mean something in it; a time
// the clocks skip on a spring-forward night is refused, as on the agenda form.
import { z } from "zod";
import { resolveLocalDateTime } from "~/domain/kernel/time/local-time";
import { onlineUrlField } from "~/domain/kernel/online-url";
import { isValidTimeZone } from "~/domain/kernel/time/zoned";
import { EVENT_KINDS, THEMES, type EventKindName, type ThemeName } from "~/domain/kernel/vocabulary";

export const ATTENDANCE_MODES = ["IN_PERSON", "ONLINE", "HYBRID"] as const;
export type AttendanceModeName = (typeof ATTENDANCE_MODES)[number];

export const MODE_LABELS: Record<AttendanceModeName, string> = {
  IN_PERSON: "In person",
  ONLINE: "Online",
  HYBRID: "Hybrid (in person and online)",
};

export const SUMMARY_MAX = 280;

export interface EventInput {
  title: string;
  kind: EventKindName;
  summary: string;
  description: string;
  mode: AttendanceModeName;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  country: string | null;
  onlineUrl: string | null;
  themes: ThemeName[];
}

export type EventInputResult = { ok: true; data: EventInput } | { ok: false; fieldErrors: Record<string, string> };

/** Every field of the form, as sent; `themes` may repeat. */
export const EVENT_FORM_FIELDS = [
  "title",
  "kind",
  "summary",
  "description",
  "mode",
  "timeZone",
  "startsAt",
  "endsAt",
  "venueName",
  "venueAddress",
  "city",
  "country",
  "onlineUrl",
] as const;

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };
export type EventFormValues = FormData | URLSearchParams | Record<string, unknown>;

function isFormLike(values: EventFormValues): values is FormLike & EventFormValues {
  return typeof (values as Partial<FormLike>).getAll === "function";
}

/** One plain object: scalar fields as text (or undefined), themes always an array of text. */
export function normaliseEventForm(values: EventFormValues): Record<string, unknown> & { themes: string[] } {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const out: Record<string, unknown> = {};
  if (isFormLike(values)) {
    for (const field of EVENT_FORM_FIELDS) out[field] = text(values.get(field) ?? undefined);
    return { ...out, themes: values.getAll("themes").filter((v): v is string => typeof v === "string") };
  }
  for (const field of EVENT_FORM_FIELDS) out[field] = values[field];
  const themes = values.themes;
  const list = themes === undefined || themes === null || themes === "" ? [] : Array.isArray(themes) ? themes : [themes];
  return { ...out, themes: list.filter((v): v is string => typeof v === "string") };
}

/** The values typed so far, as strings, to fill the form again after an error. */
export function echoEventForm(values: EventFormValues): Record<string, string> {
  const normalised = normaliseEventForm(values);
  const echo: Record<string, string> = {};
  for (const field of EVENT_FORM_FIELDS) {
    const value = normalised[field];
    if (typeof value === "string") echo[field] = value;
  }
  echo.themes = normalised.themes.join(",");
  return echo;
}

const blankToNull = (value: unknown) => (value === undefined || value === null ? null : typeof value === "string" ? value.trim() || null : value);

// Codes Intl names that are not countries (or not ISO 3166-1 alpha-2 codes for one).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "ZZ", "QO", "UK", "XA", "XB", "XK"]);
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** True for an ISO 3166-1 alpha-2 country code ("FR", "pt" is not: codes are upper-case). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    const name = regionNames.of(code);
    return Boolean(name) && name !== code;
  } catch {
    return false;
  }
}

const optionalText = (max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .max(max, `Keep the ${label} under ${max.toLocaleString("en-GB")} characters.`)
      .nullable(),
  );

const baseSchema = z.object({
  title: z
    .string({ error: "Give the event a title." })
    .trim()
    .min(3, "Give the event a title of at least 3 characters.")
    .max(160, "Keep the title under 160 characters."),
  kind: z.enum(EVENT_KINDS, { error: "Choose the kind of event." }),
  summary: z
    .string({ error: "Write a one-line summary." })
    .trim()
    .min(1, "Write a one-line summary; it is shown in the catalogue.")
    .max(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters.`),
  description: z.preprocess((value) => blankToNull(value) ?? "", z.string().max(20_000, "Keep the description under 20,000 characters.")),
  mode: z.enum(ATTENDANCE_MODES, { error: "Choose how people attend." }),
  timeZone: z
    .string({ error: "Choose the event's time zone." })
    .trim()
    .min(1, "Choose the event's time zone.")
    .refine(isValidTimeZone, "Choose a time zone from the list."),
  startsAt: z.string({ error: "Enter when the event starts." }).trim().min(1, "Enter when the event starts."),
  endsAt: z.string({ error: "Enter when the event ends." }).trim().min(1, "Enter when the event ends."),
  venueName: optionalText(200, "venue name"),
  venueAddress: optionalText(300, "address"),
  city: optionalText(100, "city"),
  country: z.preprocess(
    (value) => (typeof blankToNull(value) === "string" ? (blankToNull(value) as string).toUpperCase() : blankToNull(value)),
    z.string().refine(isCountryCode, "Enter the country as its two-letter code, e.g. FR or PT.").nullable(),
  ),
  onlineUrl: onlineUrlField,
  themes: z
    .array(z.enum(THEMES, { error: "Choose themes from the list." }))
    .max(THEMES.length)
    .transform((themes) => [...new Set(themes)]),
});

/**
 * Validates the event form: the clean input (times as UTC instants) or one message per field,
 * keyed by form field name, first problem first.
 */
export function parseEventInput(values: EventFormValues): EventInputResult {
  const fieldErrors: Record<string, string> = {};
  const parsed = baseSchema.safeParse(normaliseEventForm(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  const raw = parsed.success ? parsed.data : null;
  // Times: read in the zone, once the zone is known to be good.
  const source = normaliseEventForm(values);
  const timeZone = typeof source.timeZone === "string" ? source.timeZone.trim() : "";
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (!fieldErrors.timeZone && isValidTimeZone(timeZone)) {
    for (const field of ["startsAt", "endsAt"] as const) {
      const value = source[field];
      if (fieldErrors[field] || typeof value !== "string") continue;
      const resolved = resolveLocalDateTime(value, timeZone);
      if (!resolved.ok) fieldErrors[field] = resolved.message;
      else if (field === "startsAt") startsAt = resolved.instant;
      else endsAt = resolved.instant;
    }
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) fieldErrors.endsAt = "The event must end after it starts.";
  }
  // Where: a place for people in the room, a link for people online.
  const mode = raw?.mode ?? (ATTENDANCE_MODES as readonly unknown[]).find((m) => m === source.mode);
  if (mode === "IN_PERSON" || mode === "HYBRID") {
    const text = (field: string) => (typeof source[field] === "string" ? (source[field] as string).trim() : "");
    if (!fieldErrors.venueName && !text("venueName")) fieldErrors.venueName = "Enter the venue, so people know where to go.";
    if (!fieldErrors.city && !text("city")) fieldErrors.city = "Enter the city.";
    if (!fieldErrors.country && !text("country")) fieldErrors.country = "Enter the country's two-letter code, e.g. FR.";
  }
  if ((mode === "ONLINE" || mode === "HYBRID") && !fieldErrors.onlineUrl && !(typeof source.onlineUrl === "string" && source.onlineUrl.trim())) {
    fieldErrors.onlineUrl = "Enter the link people use to join online.";
  }
  if (Object.keys(fieldErrors).length > 0 || !raw || !startsAt || !endsAt) return { ok: false, fieldErrors };
  const online = raw.mode !== "IN_PERSON";
  const inRoom = raw.mode !== "ONLINE";
  return {
    ok: true,
    data: {
      title: raw.title,
      kind: raw.kind,
      summary: raw.summary,
      description: raw.description,
      mode: raw.mode,
      timeZone: raw.timeZone,
      startsAt,
      endsAt,
      // An online event has no venue; an in-person one no join link.
      venueName: inRoom ? raw.venueName : null,
      venueAddress: inRoom ? raw.venueAddress : null,
      city: inRoom ? raw.city : null,
      country: inRoom ? raw.country : null,
      onlineUrl: online ? raw.onlineUrl : null,
      themes: raw.themes,
    },
  };
}

/**
 * The slug for a title: ASCII, lower-case, words joined by "-" ("Lisboa: Mobilidade & Dados" →
 * "lisboa-mobilidade-dados"), at most 60 characters; "event" when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .replace(/ł/gi, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "event";
}

/** The first free slug: `base`, else `base-2`, `base-3`… after the ones `taken`. */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The fields the settings form edits, as stored on the event. */
export type EventFields = Pick<
  EventInput,
  "title" | "startsAt" | "endsAt" | "timeZone" | "mode" | "venueName" | "venueAddress" | "city" | "country" | "onlineUrl"
>;

export interface EventChanges {
  time: boolean;
  place: boolean;
  title: boolean;
  /** Changes attendees' calendars show: the ICS SEQUENCE moves on. */
  matters: boolean;
  /** Changes attendees of a published event are told about by email. */
  notify: boolean;
}

/** What an edit changes, as calendars and attendees see it. */
export function eventChanges(before: EventFields, after: EventFields): EventChanges {
  const time =
    before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime() || before.timeZone !== after.timeZone;
  const place = (["mode", "venueName", "venueAddress", "city", "country", "onlineUrl"] as const).some(
    (field) => (before[field] ?? null) !== (after[field] ?? null),
  );
  const title = before.title !== after.title;
  return { time, place, title, matters: time || place || title, notify: time || place };
}

/** Time zones for the select: Europe's first (alphabetically), then the rest. */
export function timeZoneOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Europe/Brussels", "UTC"];
  const europe = all.filter((zone) => zone.startsWith("Europe/")).sort();
  const rest = all.filter((zone) => !zone.startsWith("Europe/")).sort();
  return [...europe, ...(rest.includes("UTC") ? [] : ["UTC"]), ...rest];
}
