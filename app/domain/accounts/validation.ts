import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "./password-rules";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@city.eu.")
  .transform((email) => email.toLowerCase());

/** A new password (NIST SP 800-63B rules in password-rules.ts); checked against the email where one is given. */
export const passwordSchema = z
  .string({ error: "Choose a password." })
  .max(PASSWORD_MAX_LENGTH * 4, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const signUpSchema = z
  .object({
    name: z.string({ error: "Enter your name." }).trim().min(2, "Enter your full name.").max(120, "Use at most 120 characters."),
    email: emailSchema,
    password: passwordSchema,
  })
  .superRefine((data, ctx) => {
    const problem = passwordProblem(data.password, { email: data.email });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
