// Form schemas of the account pages (verification, reset, settings, two-factor, erasure).
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password-rules";
import { emailSchema } from "./validation";

/** A password typed to prove who one is (not a new one: no rules beyond presence). */
export const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH * 4, "That is not your password.");

/** A new password; its NIST rules are checked by the domain, which knows the account's email. */
export const newPasswordSchema = z.string({ error: "Choose a new password." }).min(1, "Choose a new password.").max(PASSWORD_MAX_LENGTH * 4, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ password: newPasswordSchema });
