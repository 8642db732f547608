// An event's team: the roles, what each one may do, the forms of the Team page as zod schemas,
// and the rule deciding who may change whom. Pure; team.server.ts applies it under a lock.
import { z } from "zod";

export const TEAM_ROLES = ["OWNER", "ORGANISER", "MODERATOR", "CHECKIN"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  OWNER: "Owner",
  ORGANISER: "Organiser",
  MODERATOR: "Moderator",
  CHECKIN: "Check-in staff",
};

/** One line per role, shown on the Team page and in the "you were added" email. */
export const TEAM_ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  OWNER: "Everything an organiser can do, and may add, change or remove owners.",
  ORGANISER: "Manages the event: settings, tickets, registrations, agenda, check-in and the team (except owners).",
  MODERATOR: "Moderates live Q&A and networking rooms during sessions; no access to registrations.",
  CHECKIN: "Door staff: checks tickets in on the check-in page, and nothing else.",
};

/** Roles that manage the event and its team. */
export const TEAM_MANAGER_ROLES: readonly TeamRole[] = ["OWNER", "ORGANISER"];

export function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === "string" && (TEAM_ROLES as readonly string[]).includes(value);
}

const role = z.enum(TEAM_ROLES, { error: "Choose a role." });

export const teamFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("add"),
      email: z
        .string({ error: "Enter the email address of their account." })
        .trim()
        .min(1, "Enter the email address of their account.")
        .max(254, "That email address is too long.")
        .email("Enter a valid email address, like name@city.eu.")
        .transform((email) => email.toLowerCase()),
      role,
    }),
    z.object({ intent: z.literal("role"), userId: z.string({ error: "Choose a person." }), role }),
    z.object({ intent: z.literal("remove"), userId: z.string({ error: "Choose a person." }) }),
  ],
  { error: "Reload the page and try again." },
);

export type TeamForm = z.infer<typeof teamFormSchema>;

// ───────────────────────────── the rule ─────────────────────────────

/** Where the person acting stands on the team: what judging a team change needs of the Actor. */
export interface TeamStanding {
  admin: boolean;
  /** Their current role at the event (read under the lock), null if not on the team. */
  role: TeamRole | null;
}

export type TeamChange =
  { kind: "add"; role: TeamRole } | { kind: "role"; from: TeamRole; to: TeamRole; self: boolean } | { kind: "remove"; from: TeamRole; self: boolean };

export type TeamVerdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "CONFLICT"; message: string };

export const LAST_OWNER_MESSAGE = "An event always keeps at least one owner — make someone else an owner first.";

/** Whether `actor` may make `change` while the event has `owners` owners. */
export function judgeTeamChange(actor: TeamStanding, change: TeamChange, owners: number): TeamVerdict {
  const manager = actor.admin || (actor.role !== null && TEAM_MANAGER_ROLES.includes(actor.role));
  if (!manager) return { ok: false, code: "FORBIDDEN", message: "Only this event's owners and organisers can change its team." };
  const ownerPower = actor.admin || actor.role === "OWNER";
  const touchesOwner = change.kind === "add" ? change.role === "OWNER" : change.from === "OWNER" || (change.kind === "role" && change.to === "OWNER");
  if (touchesOwner && !ownerPower) return { ok: false, code: "FORBIDDEN", message: "Only an owner can add, change or remove owners." };
  const losesOwner = change.kind !== "add" && change.from === "OWNER" && !(change.kind === "role" && change.to === "OWNER");
  if (losesOwner && owners <= 1) return { ok: false, code: "CONFLICT", message: LAST_OWNER_MESSAGE };
  return { ok: true };
}

/** The roles `actor` may give someone (owners only by an owner or admin). */
export function grantableRoles(actor: TeamStanding): TeamRole[] {
  return actor.admin || actor.role === "OWNER" ? [...TEAM_ROLES] : TEAM_ROLES.filter((r) => r !== "OWNER");
}
