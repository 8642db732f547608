// The organiser's session form: validation with messages meant for the form, and conversion of
// the typed local times (in the event's zone) to UTC instants. Whether a session lies outside
// the event or clashes with another is not an input error: it is a conflict the timetable shows
// and the organiser may accept (see conflicts.ts).
import { z } from "zod";
import { resolveLocalDateTime } from "~/domain/kernel/time/local-time";
import { SESSION_FORMATS, type SessionFormatName } from "./types";
import { QA_MODES, THEMES, type QaModeName, type ThemeName } from "~/domain/kernel/vocabulary";
import { optionalWebAddress } from "~/domain/kernel/web-address";

export interface SessionInput {
  title: string;
  description: string;
  format: SessionFormatName;
  startsAt: Date;
  endsAt: Date;
  trackId: string | null;
  roomId: string | null;
  onlineUrl: string | null;
  speakerIds: string[];
  themes: ThemeName[];
  capacity: number | null;
  /** Live Q&A: questions appear at once (OPEN) or after a moderator approves them. */
  qaMode: QaModeName;
  /** The version the organiser edited, for optimistic locking; null when creating. */
  version: number | null;
}

export type SessionInputResult = { ok: true; data: SessionInput } | { ok: false; fieldErrors: Record<string, string> };

/** Form fields that may be sent several times (multi-selects, checkboxes). */
const LIST_FIELDS = ["speakerIds", "themes"] as const;
const SCALAR_FIELDS = ["title", "description", "format", "startsAt", "endsAt", "trackId", "roomId", "onlineUrl", "capacity", "qaMode", "version"] as const;

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };
export type SessionFormValues = FormData | URLSearchParams | Record<string, unknown>;

function isFormLike(values: SessionFormValues): values is FormLike & SessionFormValues {
  return typeof (values as Partial<FormLike>).getAll === "function" && typeof (values as Partial<FormLike>).get === "function";
}

/**
 * One plain object from FormData, URLSearchParams or an already-plain object. List fields are
 * always arrays (a single checked box arrives as one string); file uploads are not text and are
 * dropped.
 */
function normaliseFormValues(values: SessionFormValues): Record<string, unknown> {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const normalised: Record<string, unknown> = {};
  if (isFormLike(values)) {
    for (const field of SCALAR_FIELDS) normalised[field] = text(values.get(field) ?? undefined);
    for (const field of LIST_FIELDS) normalised[field] = values.getAll(field).filter((value) => typeof value === "string");
    return normalised;
  }
  for (const field of SCALAR_FIELDS) normalised[field] = values[field];
  for (const field of LIST_FIELDS) {
    const value = values[field];
    normalised[field] = value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value];
  }
  return normalised;
}

/** Blank form fields mean "not set"; strings are trimmed so " 12 " is 12. */
function blankToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  return value;
}

/** Numbers arrive as text from forms; non-numeric text becomes NaN so z.number rejects it. */
function blankOrNumber(value: unknown): unknown {
  const blank = blankToNull(value);
  return typeof blank === "string" ? (/^[+-]?\d+(\.\d+)?$/.test(blank) ? Number(blank) : NaN) : blank;
}

const optionalId = (message: string) => z.preprocess(blankToNull, z.guid({ error: message }).nullable());

function localTime(timeZone: string, missingMessage: string) {
  return z
    .string({ error: missingMessage })
    .trim()
    .min(1, missingMessage)
    .transform((value, context) => {
      const resolved = resolveLocalDateTime(value, timeZone);
      if (!resolved.ok) {
        context.addIssue({ code: "custom", message: resolved.message });
        return z.NEVER;
      }
      return resolved.instant;
    });
}

/**
 * The schema for one event: times are read in `event.timeZone`, so the schema is built per
 * event. Input is the plain object produced from the form (see parseSessionInput).
 */
export function sessionInputSchema(event: { timeZone: string }) {
  return z
    .object({
      title: z.string({ error: "Give the session a title." }).trim().min(1, "Give the session a title.").max(200, "Keep the title under 200 characters."),
      description: z.preprocess(
        (value) => blankToNull(value) ?? "",
        z.string({ error: "The description must be text." }).max(10_000, "Keep the description under 10,000 characters."),
      ),
      format: z.enum(SESSION_FORMATS, { error: "Choose a format from the list." }),
      startsAt: localTime(event.timeZone, "Enter when the session starts."),
      endsAt: localTime(event.timeZone, "Enter when the session ends."),
      trackId: optionalId("Choose a track from the list."),
      roomId: optionalId("Choose a room from the list."),
      onlineUrl: optionalWebAddress,
      speakerIds: z
        .array(z.guid({ error: "Choose speakers from the list." }), { error: "Choose speakers from the list." })
        .max(50, "A session can have at most 50 speakers.")
        .transform((ids) => [...new Set(ids)]),
      themes: z
        .array(z.enum(THEMES, { error: "Choose themes from the list." }), { error: "Choose themes from the list." })
        .transform((themes) => [...new Set(themes)]),
      capacity: z.preprocess(
        blankOrNumber,
        z
          .number({ error: "Enter the number of seats as a whole number, or leave it empty." })
          .int("Enter the number of seats as a whole number, or leave it empty.")
          .min(1, "Capacity must be at least 1 seat; leave it empty for no limit.")
          .max(100_000, "Capacity must be at most 100,000 seats.")
          .nullable(),
      ),
      qaMode: z.preprocess((value) => blankToNull(value) ?? "OPEN", z.enum(QA_MODES, { error: "Choose how questions are moderated." })),
      version: z.preprocess(
        blankOrNumber,
        z
          .number({ error: "The form is out of date; reload the page." })
          .int("The form is out of date; reload the page.")
          .min(0, "The form is out of date; reload the page.")
          .nullable(),
      ),
    })
    .refine((input) => input.endsAt.getTime() > input.startsAt.getTime(), {
      path: ["endsAt"],
      message: "The session must end after it starts.",
      // Compare only two real instants: if either time is missing or invalid, its own message
      // is the one to show.
      when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "startsAt" || issue.path?.[0] === "endsAt"),
    });
}

/**
 * Validates the organiser's session form for `event`: either the clean input (times as UTC
 * instants) or one message per field, keyed by form field name, first problem first.
 */
export function parseSessionInput(formValues: SessionFormValues, event: { timeZone: string }): SessionInputResult {
  const parsed = sessionInputSchema(event).safeParse(normaliseFormValues(formValues));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
