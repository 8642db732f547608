// The directory's forms: my profile, an organisation's page, and the two directories' filters
// (read from the query string, tolerant of junk so shared links never break). Pure, so pages
// bind their fields to these schemas in the browser bundle too.
import { z } from "zod";
import { timeZoneSchema } from "~/domain/accounts/account-forms";
import { listField, textField } from "~/domain/kernel/form-fields";
import { THEMES, type ThemeName } from "~/domain/kernel/vocabulary";
import { optionalWebAddress } from "~/domain/kernel/web-address";
import { stripInvisible, tidyTypedText } from "~/domain/kernel/text";
import {
  COUNTRIES,
  DIRECTORY_ROLES,
  INTENTS,
  LANGUAGES,
  ORGANISATION_KINDS,
  STAGES,
  type DirectoryRoleName,
  type IntentName,
  type OrganisationKindName,
} from "./vocabulary";

export const BIO_MAX = 1_000;
export const DESCRIPTION_MAX = 2_000;
export const LIST_ITEM_MAX = 60;
export const LIST_MAX = 12;

/** A one-line text field: invisible characters dropped, trimmed; blank → null. */
function line(max: number, label: string) {
  return textField
    .transform((value) => stripInvisible(value).replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, `Use at most ${max} characters for ${label}.`))
    .transform((value) => (value === "" ? null : value));
}

function paragraph(max: number) {
  return textField
    .transform((value) => stripInvisible(tidyTypedText(value)))
    .pipe(z.string().max(max, `Use at most ${max} characters.`))
    .transform((value) => (value === "" ? null : value));
}

/** Checkboxes over a fixed vocabulary: anything else is refused, duplicates dropped. */
function choices<const T extends readonly string[]>(values: T, message: string) {
  return listField
    .refine((list) => list.every((value) => (values as readonly string[]).includes(value)), message)
    .transform((list) => [...new Set(list)] as T[number][]);
}

/** A comma- or line-separated list ("Smart street lighting, Open data"), each item tidied. */
function typedList(label: string) {
  return textField
    .transform((value) =>
      stripInvisible(value)
        .split(/[,;\n]/)
        .map((item) => item.replace(/\s+/g, " ").trim())
        .filter((item) => item.length > 0),
    )
    .pipe(
      z
        .array(z.string().max(LIST_ITEM_MAX, `Keep each ${label} under ${LIST_ITEM_MAX} characters.`))
        .max(LIST_MAX, `List at most ${LIST_MAX} ${label}s, separated by commas.`),
    )
    .transform((list) => [...new Map(list.map((item) => [item.toLowerCase(), item])).values()]);
}

const country = textField
  .refine((value) => value === "" || (COUNTRIES as readonly string[]).includes(value), "Choose a country from the list.")
  .transform((value) => (value === "" ? null : value));
const checkbox = z.preprocess((value) => value === "on" || value === "true" || (Array.isArray(value) && value.includes("on")), z.boolean());

export const profileForm = z.object({
  name: textField.pipe(z.string().trim().min(2, "Enter your full name.").max(120, "Use at most 120 characters.")),
  jobTitle: line(120, "the job title"),
  organisationId: textField.pipe(z.union([z.literal(""), z.uuid({ error: "Choose one of your organisations." })])).transform((v) => v || null),
  organisationName: line(160, "the organisation"),
  bio: paragraph(BIO_MAX),
  country,
  city: line(100, "the city"),
  languages: choices(LANGUAGES, "Choose languages from the list."),
  timeZone: z.preprocess((value) => (typeof value === "string" ? value : ""), timeZoneSchema),
  themes: choices(THEMES, "Choose themes from the list."),
  intents: choices(INTENTS, "Choose from the list."),
  expertise: typedList("expertise area"),
  listed: checkbox,
  openToIntroductions: checkbox,
});
export type ProfileInput = z.infer<typeof profileForm>;

/** Whole euros as typed ("2 000 000", "2,000,000", "2000000"); blank → null. */
const euros = textField
  .transform((value) => value.replace(/[€\s,.'_]/g, ""))
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,12}$/, "Enter a whole number of euros, e.g. 2 000 000.")]))
  .transform((value) => (value === "" ? null : BigInt(value)));

export const organisationForm = z
  .object({
    name: textField.pipe(z.string().trim().min(2, "Enter the organisation's name.").max(160, "Use at most 160 characters.")),
    kind: textField.pipe(z.enum(ORGANISATION_KINDS, { error: "Choose a kind from the list." })),
    country: textField.pipe(z.enum(COUNTRIES, { error: "Choose a country from the list." })),
    city: line(100, "the city"),
    website: optionalWebAddress,
    description: paragraph(DESCRIPTION_MAX),
    themes: choices(THEMES, "Choose themes from the list."),
    solutionsOffered: typedList("solution"),
    solutionsWanted: typedList("solution"),
    ticketMinEur: euros,
    ticketMaxEur: euros,
    investmentSoughtEur: euros,
    stages: choices(STAGES, "Choose stages from the list."),
    focusCountries: choices(COUNTRIES, "Choose countries from the list."),
  })
  .superRefine((data, context) => {
    if (data.ticketMinEur !== null && data.ticketMaxEur !== null && data.ticketMinEur > data.ticketMaxEur) {
      context.addIssue({ code: "custom", path: ["ticketMaxEur"], message: "The largest ticket must be at least the smallest." });
    }
  });
export type OrganisationInput = z.infer<typeof organisationForm>;

export const imageForm = z.discriminatedUnion("intent", [z.object({ intent: z.literal("upload") }), z.object({ intent: z.literal("remove") })], {
  error: "Unknown action.",
});

// ───────────────────────────── directory filters ─────────────────────────────

function pick<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const countryParam = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const queryParam = z.string().trim().min(1).max(100);
const pageParam = z.coerce.number().int().min(1).max(100_000);

export interface PeopleFilters {
  q?: string;
  role?: DirectoryRoleName;
  kind?: OrganisationKindName;
  theme?: ThemeName;
  intent?: IntentName;
  country?: string;
  language?: string;
  page: number;
}

export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  return {
    q: pick(queryParam, params.get("q")),
    role: pick(z.enum(DIRECTORY_ROLES), params.get("role")),
    kind: pick(z.enum(ORGANISATION_KINDS), params.get("kind")),
    theme: pick(z.enum(THEMES), params.get("theme")),
    intent: pick(z.enum(INTENTS), params.get("intent")),
    country: pick(countryParam, params.get("country")),
    language: pick(z.enum(LANGUAGES), params.get("language")),
    page: pick(pageParam, params.get("page")) ?? 1,
  };
}

export interface OrganisationFilters {
  q?: string;
  kind?: OrganisationKindName;
  theme?: ThemeName;
  country?: string;
  page: number;
}

export function parseOrganisationFilters(params: URLSearchParams): OrganisationFilters {
  return {
    q: pick(queryParam, params.get("q")),
    kind: pick(z.enum(ORGANISATION_KINDS), params.get("kind")),
    theme: pick(z.enum(THEMES), params.get("theme")),
    country: pick(countryParam, params.get("country")),
    page: pick(pageParam, params.get("page")) ?? 1,
  };
}

/** The query string of a filtered directory page (empty filters left out), for pager links. */
export function filtersQuery(filters: Record<string, string | number | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
