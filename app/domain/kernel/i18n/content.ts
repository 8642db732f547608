// Organisers' own words in several languages: an event's title, summary and description, and
// a session's title, stored beside the row as JSONB ({ "fr": { "title": … } }) and checked here
// on the way in and on the way out (a row written by hand or by an older version never breaks a
// page: anything that does not parse is ignored). Visitors see their language where the
// organiser wrote it, else the event's own language.
import { z } from "zod";
import { isLanguage, LANGUAGES, type Language } from "./languages";

export const TRANSLATION_LIMITS = { title: 160, summary: 280, description: 20_000 } as const;

const text = (max: number) => z.string().trim().max(max);

export const eventTranslationSchema = z.object({
  title: text(TRANSLATION_LIMITS.title).min(3),
  summary: text(TRANSLATION_LIMITS.summary).default(""),
  description: text(TRANSLATION_LIMITS.description).default(""),
});
export type EventTranslation = z.infer<typeof eventTranslationSchema>;

export const sessionTranslationSchema = z.object({ title: text(TRANSLATION_LIMITS.title).min(1) });
export type SessionTranslation = z.infer<typeof sessionTranslationSchema>;

export type Translations<T> = Partial<Record<Language, T>>;

function readTranslations<T>(value: unknown, schema: z.ZodType<T>): Translations<T> {
  const out: Translations<T> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [language, entry] of Object.entries(value)) {
    if (!isLanguage(language)) continue;
    const parsed = schema.safeParse(entry);
    if (parsed.success) out[language] = parsed.data;
  }
  return out;
}

export const readEventTranslations = (value: unknown) => readTranslations(value, eventTranslationSchema);
export const readSessionTranslations = (value: unknown) => readTranslations(value, sessionTranslationSchema);

/** The languages an event can be read in: its own first, then its translations in our order. */
export function eventLanguages(event: { defaultLanguage: string; translations: unknown }): Language[] {
  const own = isLanguage(event.defaultLanguage) ? event.defaultLanguage : "en";
  const translated = Object.keys(readEventTranslations(event.translations)) as Language[];
  return [own, ...LANGUAGES.filter((language) => language !== own && translated.includes(language))];
}

export interface LocalizedEventText {
  title: string;
  summary: string;
  description: string;
  /** The language the text is in (for a `lang` attribute). */
  language: Language;
}

/**
 * The event's text in `language` where the organiser wrote it, else in the event's own
 * language. A translation's empty summary or description falls back to the original's.
 */
export function localizeEvent(
  event: { title: string; summary?: string; description?: string; defaultLanguage: string; translations: unknown },
  language: Language,
): LocalizedEventText {
  const own: Language = isLanguage(event.defaultLanguage) ? event.defaultLanguage : "en";
  const original = { title: event.title, summary: event.summary ?? "", description: event.description ?? "", language: own };
  if (language === own) return original;
  const translation = readEventTranslations(event.translations)[language];
  if (!translation) return original;
  return {
    title: translation.title,
    summary: translation.summary || original.summary,
    description: translation.description || original.description,
    language,
  };
}

/** A session's title in `language` where given, else its own. */
export function localizeSessionTitle(session: { title: string; translations?: unknown }, language: Language): string {
  return readSessionTranslations(session.translations)[language]?.title ?? session.title;
}

/**
 * A row with its text in `language` and without its translations (pages send one language to the
 * browser, not all of them). `contentLanguage` says which language the text is in.
 */
export function localizeRow<T extends { title: string; summary?: string; description?: string; defaultLanguage: string; translations: unknown }>(
  row: T,
  language: Language,
): Omit<T, "translations" | "defaultLanguage"> & { contentLanguage: Language } {
  const { translations: _translations, defaultLanguage: _defaultLanguage, ...rest } = row;
  const text = localizeEvent(row, language);
  return {
    ...rest,
    title: text.title,
    ...(row.summary !== undefined ? { summary: text.summary } : {}),
    ...(row.description !== undefined ? { description: text.description } : {}),
    contentLanguage: text.language,
  };
}
