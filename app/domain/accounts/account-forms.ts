// Form schemas of the account pages (verification, reset, settings, two-factor, erasure).
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-rules";
import { emailSchema } from "./validation";
import { isLanguage, type Language } from "~/domain/kernel/i18n/languages";

/** A password typed to prove who one is (not a new one: no rules beyond presence). */
export const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH * 4, "That is not your password.");

/** A new password; its NIST rules are checked by the domain, which knows the account's email. */
export const newPasswordSchema = z
  .string({ error: "Choose a new password." })
  .min(1, "Choose a new password.")
  .max(PASSWORD_MAX_LENGTH * 4, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ password: newPasswordSchema });

const nameSchema = z.string({ error: "Enter your name." }).trim().min(2, "Enter your full name.").max(120, "Use at most 120 characters.");

/** An IANA zone the runtime knows, or empty for "the event's own zone". */
export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine((zone) => zone === "" || isTimeZone(zone), "Choose a time zone from the list.")
  .transform((zone) => (zone === "" ? null : zone));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The interface language: a shipped one, "" for "as my browser" (null), absent for "unchanged". */
export const localeSchema = z
  .string()
  .trim()
  .max(35)
  .refine((value) => value === "" || isLanguage(value), "Choose a language from the list.")
  .transform((value): Language | null => (isLanguage(value) ? value : null))
  .optional();

/** A checkbox group: absent, one value or several. */
const checkboxes = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().max(40)).max(10));

export const accountSettingsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("profile"), name: nameSchema, timeZone: timeZoneSchema, locale: localeSchema }),
    z.object({ intent: z.literal("email"), email: emailSchema, currentPassword: currentPasswordSchema }),
    z.object({ intent: z.literal("password"), currentPassword: currentPasswordSchema, newPassword: newPasswordSchema }),
    z.object({ intent: z.literal("notifications"), enabled: checkboxes }),
    z.object({ intent: z.literal("resend-verification") }),
  ],
  { error: "Unknown action." },
);

export const securitySchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("sign-out-others") })], { error: "Unknown action." });

const codeSchema = z
  .string({ error: "Enter the code." })
  .trim()
  .min(6, "Enter the 6-digit code from your app, or a recovery code.")
  .max(24, "That is not a code.");

export const secondStepSchema = z.object({ code: codeSchema });

export const twoFactorSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("confirm"), code: codeSchema }),
    z.object({ intent: z.literal("disable"), currentPassword: currentPasswordSchema, code: codeSchema }),
  ],
  { error: "Unknown action." },
);

/** The language switcher (GET for visitors, POST for signed-in people): a language and where to go back to. */
export const languageSwitchSchema = z.object({
  lang: z.string().trim().max(35).optional(),
  redirectTo: z.string().max(2000).optional(),
});
