// The words every capability shares about events: kinds, smart-city themes, Q&A modes and their
// labels, and country names. String-literal unions mirror the Prisma enums, so pure rules use
// them without importing generated client types and Prisma rows stay assignable to them.

export const EVENT_KINDS = ["ROADSHOW", "WORKSHOP", "WEBINAR", "CONFERENCE", "NETWORKING"] as const;
export const THEMES = ["MOBILITY", "SMART_BUILDINGS", "SMART_INFRASTRUCTURE", "CITIZEN_ENGAGEMENT", "DATA_PLATFORMS", "GOVERNANCE", "ENERGY"] as const;

export type EventKindName = (typeof EVENT_KINDS)[number];
export type ThemeName = (typeof THEMES)[number];

export const KIND_LABELS: Record<EventKindName, string> = {
  ROADSHOW: "Roadshow",
  WORKSHOP: "Workshop",
  WEBINAR: "Webinar",
  CONFERENCE: "Conference",
  NETWORKING: "Networking",
};

export const THEME_LABELS: Record<ThemeName, string> = {
  MOBILITY: "Mobility",
  SMART_BUILDINGS: "Smart buildings",
  SMART_INFRASTRUCTURE: "Smart infrastructure",
  CITIZEN_ENGAGEMENT: "Citizen engagement",
  DATA_PLATFORMS: "Data platforms",
  GOVERNANCE: "Holistic steering & governance",
  ENERGY: "Energy",
};

/** How a session's live Q&A treats new questions (mirrors the QaMode enum). */
export const QA_MODES = ["OPEN", "PREMODERATED"] as const;
export type QaModeName = (typeof QA_MODES)[number];

const countryNames = new Map<string, Intl.DisplayNames>();

/** The country's name in an Intl locale ("DE" → "Germany"; in "fr-FR" → "Allemagne"). */
export function countryName(code: string | null | undefined, locale = "en"): string {
  if (!code) return "";
  try {
    let names = countryNames.get(locale);
    if (!names) countryNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
