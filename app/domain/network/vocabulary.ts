// The directory's own words: organisation kinds, intents, investment stages, languages and the
// countries of the network, with their labels. String-literal unions mirror the Prisma enums so
// pure rules and pages use them without the generated client.
import { countryName } from "~/domain/kernel/vocabulary";

export const ORGANISATION_KINDS = ["LIGHTHOUSE_CITY", "FELLOW_CITY", "PROJECT", "INVESTOR", "COMPANY", "RESEARCH", "ASSOCIATION"] as const;
export type OrganisationKindName = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKindName, string> = {
  LIGHTHOUSE_CITY: "Lighthouse city",
  FELLOW_CITY: "Fellow city",
  PROJECT: "Lighthouse project",
  INVESTOR: "Investor",
  COMPANY: "Company",
  RESEARCH: "Research",
  ASSOCIATION: "Association",
};

export const INTENTS = ["REPLICATE", "PILOT", "INVEST", "CO_FUND", "PARTNER", "ADVISE"] as const;
export type IntentName = (typeof INTENTS)[number];

export const INTENT_LABELS: Record<IntentName, string> = {
  REPLICATE: "Replicate a solution",
  PILOT: "Run a pilot",
  INVEST: "Invest",
  CO_FUND: "Co-fund",
  PARTNER: "Find partners",
  ADVISE: "Advise",
};

/** Platform roles a directory visitor may filter by (ATTENDEE and ADMIN say nothing useful). */
export const DIRECTORY_ROLES = ["INVESTOR", "REPRESENTATIVE", "EXPERT", "ORGANISER"] as const;
export type DirectoryRoleName = (typeof DIRECTORY_ROLES)[number];

export const DIRECTORY_ROLE_LABELS: Record<DirectoryRoleName, string> = {
  INVESTOR: "Investor",
  REPRESENTATIVE: "City or project representative",
  EXPERT: "Expert",
  ORGANISER: "Organiser",
};

/** Stages an investor funds (Organisation.stages; the matchmaking compares them as text). */
export const STAGES = ["pilot", "pilot-to-scale", "scale-up", "infrastructure"] as const;
export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  pilot: "Pilot",
  "pilot-to-scale": "Pilot to scale",
  "scale-up": "Scale-up",
  infrastructure: "Infrastructure",
};

/** The 24 official languages of the EU, and a few more spoken across the network (ISO 639-1). */
export const LANGUAGES = [
  "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
  "no", "is", "uk", "tr",
] as const; // prettier-ignore

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });

export function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** EU and EEA members, the United Kingdom, Switzerland and candidate countries (ISO 3166-1). */
export const COUNTRIES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK",
  "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB", "AL", "BA", "ME", "MK", "RS", "TR", "UA", "MD", "GE",
] as const; // prettier-ignore

/** [code, name] options sorted by name, for selects and checkbox groups. */
export const COUNTRY_OPTIONS: ReadonlyArray<readonly [string, string]> = COUNTRIES.map((code) => [code, countryName(code)] as const).sort((a, b) =>
  a[1].localeCompare(b[1], "en"),
);

export const LANGUAGE_OPTIONS: ReadonlyArray<readonly [string, string]> = LANGUAGES.map((code) => [code, languageName(code)] as const).sort((a, b) =>
  a[1].localeCompare(b[1], "en"),
);
