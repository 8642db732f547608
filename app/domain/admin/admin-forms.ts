// The admin console's forms (one schema per intent) and pure helpers. Pure: pages bind to them.
import { z } from "zod";
import { listField, textField } from "~/domain/kernel/form-fields";
import { optionalWebAddress } from "~/domain/kernel/web-address";

export const PLATFORM_ROLES = ["ATTENDEE", "ORGANISER", "INVESTOR", "REPRESENTATIVE", "EXPERT", "ADMIN"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const ORGANISATION_KINDS = ["LIGHTHOUSE_CITY", "FELLOW_CITY", "PROJECT", "INVESTOR", "COMPANY", "RESEARCH", "ASSOCIATION"] as const;

export const userActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("roles"),
      userId: z.string(),
      roles: listField.pipe(z.array(z.enum(PLATFORM_ROLES, { error: "Choose roles from the list." }))),
    }),
    z.object({ intent: z.literal("suspend"), userId: z.string() }),
    z.object({ intent: z.literal("restore"), userId: z.string() }),
  ],
  { error: "Reload the page and try again." },
);

export const organisationFieldsSchema = z.object({
  name: textField.pipe(z.string().trim().min(2, "Enter the organisation's name.").max(200, "Keep the name under 200 characters.")),
  slug: textField.pipe(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(2, "Enter a short address name (letters, digits, dashes).")
      .max(80, "Keep it under 80 characters.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, like city-of-porto."),
  ),
  kind: z.enum(ORGANISATION_KINDS, { error: "Choose a kind." }),
  country: textField.pipe(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Enter a two-letter country code, like PT."),
  ),
  website: optionalWebAddress,
});
export type OrganisationFields = z.infer<typeof organisationFieldsSchema>;

export const organisationActionSchema = z.discriminatedUnion(
  "intent",
  [
    organisationFieldsSchema.extend({ intent: z.literal("create") }),
    organisationFieldsSchema.extend({ intent: z.literal("edit"), organisationId: z.string() }),
    z.object({
      intent: z.literal("merge"),
      duplicateId: z.string({ error: "Choose the duplicate." }).min(1, "Choose the duplicate."),
      survivorId: z.string({ error: "Choose the organisation to keep." }).min(1, "Choose the organisation to keep."),
    }),
  ],
  { error: "Reload the page and try again." },
);
