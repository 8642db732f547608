// Who may do what with an organisation and with the platform console, in the vocabulary of
// permissions.ts: organisation admins run their organisation's members and invitations,
// representatives and admins answer introductions addressed to it, platform admins run the
// console (and may act for any organisation).
import type { MembershipRole } from "~/generated/prisma/enums";
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import { isAdmin, type Actor } from "./permissions";

type Client = Db | Tx;

/** What a membership role grants inside its organisation. */
export const ORGANISATION_PERMISSIONS = {
  /** Invite, approve or refuse requests, change roles, remove members. */
  "organisation:manage": ["ADMIN"],
  /** Answer introductions addressed to the organisation. */
  "organisation:represent": ["REPRESENTATIVE", "ADMIN"],
} as const satisfies Record<string, readonly MembershipRole[]>;

export type OrganisationPermission = keyof typeof ORGANISATION_PERMISSIONS;

export function membershipGrants(role: MembershipRole | null | undefined, permission: OrganisationPermission): boolean {
  return !!role && (ORGANISATION_PERMISSIONS[permission] as readonly MembershipRole[]).includes(role);
}

export async function membershipOf(actor: Actor, organisationId: string, client: Client = db()): Promise<MembershipRole | null> {
  const row = await client.membership.findUnique({ where: { userId_organisationId: { userId: actor.id, organisationId } }, select: { role: true } });
  return row?.role ?? null;
}

/** May the actor do `permission` for this organisation? Platform admins always may. */
export async function mayOnOrganisation(
  actor: Actor | null,
  permission: OrganisationPermission,
  organisationId: string,
  client: Client = db(),
): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return membershipGrants(await membershipOf(actor, organisationId, client), permission);
}

/** The organisation by slug, for someone who may `permission` there; NOT_FOUND hides it otherwise. */
export async function requireOnOrganisation(actor: Actor, permission: OrganisationPermission, slug: string, client: Client = db()) {
  const organisation = await client.organisation.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, kind: true } });
  if (!organisation) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
  if (!(await mayOnOrganisation(actor, permission, organisation.id, client))) {
    throw new DomainError("FORBIDDEN", "Only the administrators of this organisation can do that.");
  }
  return organisation;
}

/** The platform console (/admin…): platform admins only (their second factor is checked at the edge). */
export function requirePlatformAdmin(actor: Actor | null): asserts actor is Actor {
  if (!isAdmin(actor)) throw new DomainError("FORBIDDEN", "Only platform administrators can do that.");
}
