// The organiser's "Languages" page: the event's own language, its text in other languages, and
// its sessions' titles in those languages. Pure, for the browser bundle too.
import { z } from "zod";
import { optionalTextField, textField } from "~/domain/kernel/form-fields";
import { isLanguage, type Language } from "~/domain/kernel/i18n/languages";

const languageField = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z
    .string({ error: "Choose a language." })
    .refine((value) => isLanguage(value), "Choose a language from the list.")
    .transform((value) => value as Language),
);

/** Session title fields are named `session-<id>`. */
export const SESSION_FIELD_PREFIX = "session-";

export const eventLanguagesForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("default-language"), defaultLanguage: languageField }),
  z.object({ intent: z.literal("translation"), language: languageField, title: textField, summary: optionalTextField, description: optionalTextField }),
  z.object({ intent: z.literal("remove"), language: languageField }),
  z.object({ intent: z.literal("session-titles"), language: languageField }).catchall(optionalTextField),
]);

/** The session titles a "session-titles" post carries: session id → title ("" removes it). */
export function sessionTitlesOf(data: Record<string, unknown>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [name, value] of Object.entries(data)) {
    if (name.startsWith(SESSION_FIELD_PREFIX) && typeof value === "string") titles.set(name.slice(SESSION_FIELD_PREFIX.length), value);
  }
  return titles;
}
