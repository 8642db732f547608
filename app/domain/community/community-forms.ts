// The community's forms as zod schemas (one per intent) and its pure rules: membership roles and
// the last-admin rule, the platform roles a person may ask for, introduction limits. Pure, so
// pages bind their fields to these schemas in the browser too.
import { z } from "zod";
import { listField, optionalTextField, textField } from "~/domain/kernel/form-fields";
import { WEB_ADDRESS_MESSAGE, isWebAddress } from "~/domain/kernel/web-address";

// ───────────────────────────── membership ─────────────────────────────

export const MEMBERSHIP_ROLES = ["MEMBER", "REPRESENTATIVE", "ADMIN"] as const;
export type MembershipRoleName = (typeof MEMBERSHIP_ROLES)[number];

export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRoleName, string> = {
  MEMBER: "Member",
  REPRESENTATIVE: "Representative",
  ADMIN: "Administrator",
};

export const INVITATION_TTL_MS = 14 * 24 * 3_600_000;
export const LAST_ADMIN_MESSAGE = "An organisation always keeps at least one administrator — make someone else an administrator first.";

/** Whether a change leaves the organisation without an administrator (it has `admins` now). */
export function losesLastAdmin(from: MembershipRoleName, to: MembershipRoleName | null, admins: number): boolean {
  return from === "ADMIN" && to !== "ADMIN" && admins <= 1;
}

const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like name@city.eu.")
  .transform((value) => value.toLowerCase());

const membershipRole = z.enum(MEMBERSHIP_ROLES, { error: "Choose a role." });

export const inviteSchema = z.object({ intent: z.literal("invite"), email, role: membershipRole });

export const membersFormSchema = z.discriminatedUnion(
  "intent",
  [
    inviteSchema,
    z.object({ intent: z.literal("approve"), requestId: z.string({ error: "Choose a request." }) }),
    z.object({ intent: z.literal("refuse"), requestId: z.string({ error: "Choose a request." }) }),
    z.object({ intent: z.literal("role"), userId: z.string({ error: "Choose a person." }), role: membershipRole }),
    z.object({ intent: z.literal("remove"), userId: z.string({ error: "Choose a person." }) }),
    z.object({ intent: z.literal("revoke"), invitationId: z.string({ error: "Choose an invitation." }) }),
    z.object({ intent: z.literal("leave") }),
  ],
  { error: "Reload the page and try again." },
);
export type MembersForm = z.infer<typeof membersFormSchema>;

export const joinSchema = z.object({
  message: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : undefined),
    z.string().max(500, "Keep the message under 500 characters.").optional(),
  ),
});

// ───────────────────────────── roles on request ─────────────────────────────

export const REQUESTABLE_ROLES = ["INVESTOR", "REPRESENTATIVE", "EXPERT", "ORGANISER"] as const;
export type RequestableRole = (typeof REQUESTABLE_ROLES)[number];

export const REQUESTABLE_ROLE_LABELS: Record<RequestableRole, string> = {
  INVESTOR: "Investor",
  REPRESENTATIVE: "City or project representative",
  EXPERT: "Expert (Call for Experts)",
  ORGANISER: "Organiser",
};

export const EXPERTISE_AREAS = [
  "Mobility",
  "Smart buildings",
  "Energy",
  "Data platforms",
  "Citizen engagement",
  "Governance",
  "Financing and procurement",
  "Replication",
] as const;

export const roleRequestSchema = z
  .object({
    role: z.enum(REQUESTABLE_ROLES, { error: "Choose the role you are asking for." }),
    organisationName: textField.pipe(
      z.string().trim().min(2, "Name the organisation you act for.").max(200, "Keep the organisation's name under 200 characters."),
    ),
    reason: textField.pipe(z.string().trim().min(10, "Tell the admins in a sentence or two why.").max(2000, "Keep the reason under 2,000 characters.")),
    expertise: listField.pipe(z.array(z.enum(EXPERTISE_AREAS, { error: "Choose areas from the list." })).max(EXPERTISE_AREAS.length)),
    cvUrl: optionalTextField.transform((value) => value?.trim() || undefined),
  })
  .superRefine((data, ctx) => {
    if (data.role !== "EXPERT") return;
    if (data.expertise.length === 0) ctx.addIssue({ code: "custom", path: ["expertise"], message: "Choose at least one area of expertise." });
    if (!data.cvUrl) ctx.addIssue({ code: "custom", path: ["cvUrl"], message: "Give a link to your CV (https://…)." });
    else if (!isWebAddress(data.cvUrl) || !data.cvUrl.startsWith("https://")) ctx.addIssue({ code: "custom", path: ["cvUrl"], message: WEB_ADDRESS_MESSAGE });
  });
export type RoleRequestInput = z.infer<typeof roleRequestSchema>;

export const roleDecisionSchema = z.object({
  intent: z.enum(["approve", "refuse"], { error: "Choose approve or refuse." }),
  requestId: z.string({ error: "Choose a request." }),
  note: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || undefined : undefined),
    z.string().max(1000, "Keep the note under 1,000 characters.").optional(),
  ),
});

// ───────────────────────────── introductions ─────────────────────────────

export const INTRODUCTION_MESSAGE_MAX = 600;
/** Introductions one person may send per day (a sliding window in PostgreSQL). */
export const INTRODUCTIONS_PER_DAY = 10;

export const introductionSchema = z.object({
  message: textField.pipe(
    z
      .string()
      .trim()
      .min(20, "Say in a sentence or two who you are and why you would like to meet (at least 20 characters).")
      .max(INTRODUCTION_MESSAGE_MAX, `Keep the message under ${INTRODUCTION_MESSAGE_MAX} characters.`),
  ),
});

export const introductionAnswerSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept"), introductionId: z.string() }),
    z.object({ intent: z.literal("decline"), introductionId: z.string() }),
    z.object({ intent: z.literal("block"), introductionId: z.string() }),
    z.object({
      intent: z.literal("report"),
      introductionId: z.string(),
      reason: textField.pipe(z.string().trim().min(5, "Tell the admins what is wrong.").max(1000, "Keep it under 1,000 characters.")),
    }),
  ],
  { error: "Reload the page and try again." },
);
