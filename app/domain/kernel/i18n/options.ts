// i18next's options, shared by the server's instances (translate.ts) and the browser's
// (app/components/ui/i18n.tsx). Kept apart from the resources so the browser bundle holds only
// the languages it is given.
import { DEFAULT_LANGUAGE, type Language } from "./languages";
import type { Messages } from "./resources/types";

/**
 * i18next options shared by the server and the browser. Values are not HTML-escaped here:
 * React escapes what it renders and the email renderer escapes what it writes, so escaping
 * here too would show "&amp;" to people.
 */
export function i18nextOptions(language: Language, resources: Partial<Record<Language, Messages>>) {
  return {
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Object.keys(resources),
    resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // No advertisement in the server's logs or the visitor's console.
    showSupportNotice: false,
  } as const;
}
