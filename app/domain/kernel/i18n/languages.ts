// The interface languages we ship, and reading a language out of what people and browsers send
// (an account setting, a cookie, `?lang=`, an Accept-Language header). Everything here is total:
// any string in, a shipped language or null out — never an exception.

export const LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "pl"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

/** Each language in its own words, for the switcher and the account setting. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  es: "Español",
  it: "Italiano",
  pt: "Português",
  pl: "Polski",
};

/** The Intl locale used to format dates, numbers and money for a language (en → en-GB: 24-hour clock, day first). */
const INTL_LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", es: "es-ES", it: "it-IT", pt: "pt-PT", pl: "pl-PL" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** "fr", "FR", "fr-CA", "fr_BE" → "fr"; anything else (garbage, unshipped languages, non-strings) → null. */
export function toLanguage(value: unknown): Language | null {
  if (typeof value !== "string" || value.length > 35) return null;
  const tag = value.trim();
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  return isLanguage(primary) ? primary : null;
}

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language] ?? INTL_LOCALES.en;
}

/**
 * The best shipped language of an Accept-Language header (RFC 9110 §12.5.4): ranges are ordered
 * by q-value (default 1, ties keep the header's order), q=0 means "not this one", `*` matches
 * nothing in particular, and malformed entries are skipped rather than trusted.
 */
export function parseAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranges: Array<{ language: Language; q: number; index: number }> = [];
  const refused = new Set<Language>();
  header
    .slice(0, 1000)
    .split(",")
    .forEach((entry, index) => {
      const [range, ...params] = entry.trim().split(";");
      if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(range.trim())) return;
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(param);
        if (!match) return; // a malformed weight: ignore the whole entry
        q = Math.min(1, Number(match[1]));
      }
      const language = toLanguage(range.trim());
      if (!language) return;
      if (q === 0) refused.add(language);
      else ranges.push({ language, q, index });
    });
  const best = ranges.filter((range) => !refused.has(range.language)).sort((a, b) => b.q - a.q || a.index - b.index)[0];
  return best?.language ?? null;
}

/** The language switcher's cookie (app/web/i18n.server.ts sets it). */
export const LANGUAGE_COOKIE = "lang";

/** The pure precedence, for tests and for callers that already know the user. */
export function chooseLanguage(sources: { query?: string | null; account?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Language {
  return (
    toLanguage(sources.query) ?? toLanguage(sources.account) ?? toLanguage(sources.cookie) ?? parseAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LANGUAGE
  );
}
