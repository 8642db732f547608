// Form schema of /account/delete: the password always, a second-factor code when two-factor is on
// (the domain decides whether it is needed, since only it knows the account).
import { z } from "zod";
import { currentPasswordSchema } from "~/domain/accounts/account-forms";

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordSchema,
  code: z
    .string()
    .trim()
    .max(24, "That is not a code.")
    .optional()
    .transform((code) => (code ? code : undefined)),
});

export interface DeleteAccountInput {
  currentPassword: string;
  code?: string;
}
