// Translating outside React: emails, calendar entries, server-made messages. One i18next
// instance per language, made once and kept; a key missing in a language falls back to English,
// an unknown language to English. Pages use react-i18next over the same resources (app/root.tsx).
import i18next, { type i18n } from "i18next";
import { DEFAULT_LANGUAGE, toLanguage, type Language } from "./languages";
import { i18nextOptions } from "./options";
import { RESOURCES, type Messages } from "./resources";

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];

/** Every message key, e.g. "events.page.register". */
export type MessageKey = Paths<Messages>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const instances = new Map<Language, i18n>();

function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init(i18nextOptions(language, RESOURCES));
    instances.set(language, instance);
  }
  return instance;
}

/** The text of `key` in `language` (anything unknown → English), with {{variables}} filled in. */
export function translate(language: string | null | undefined, key: MessageKey, vars?: TranslateVars): string {
  const lang = toLanguage(language) ?? DEFAULT_LANGUAGE;
  return instanceFor(lang).t(key, (vars ?? {}) as Record<string, unknown>) as string;
}

/** A `t` bound to one language, for templates that say many things. */
export function createT(language: string | null | undefined): Translate {
  return (key, vars) => translate(language, key, vars);
}
