// Who may hold API tokens and webhooks (issue 18). A token or webhook is scoped to one event
// (managed by its creator: event:manage) or one organisation (its creator is an ADMIN member of
// it, or a platform admin). A token acts for its creator, so it stops working the moment its
// creator loses that right, without anyone having to remember to revoke it.
import { db, type Db, type Tx } from "~/platform/db.server";
import { isAdmin, type Actor } from "./permissions";
import { mayOnEvent } from "./policy.server";

type Client = Db | Tx;

export type IntegrationScope = { eventId: string; organisationId: null } | { eventId: null; organisationId: string };

/** Whether `actor` administers the organisation (ADMIN membership, or a platform admin). */
export async function mayAdministerOrganisation(actor: Actor | null, organisationId: string, client: Client = db()): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  const row = await client.membership.findFirst({ where: { userId: actor.id, organisationId, role: "ADMIN" }, select: { userId: true } });
  return row !== null;
}

/** Whether `actor` may create or use tokens and webhooks of this scope. */
export async function mayIntegrate(actor: Actor | null, scope: IntegrationScope, client: Client = db()): Promise<boolean> {
  return scope.eventId ? mayOnEvent(actor, "event:manage", scope.eventId, client) : mayAdministerOrganisation(actor, scope.organisationId as string, client);
}

/** The creator of a token, as an Actor, if they still may integrate with its scope; else null. */
export async function tokenActor(createdById: string | null, scope: IntegrationScope, client: Client = db()): Promise<Actor | null> {
  if (!createdById) return null;
  const user = await client.user.findFirst({ where: { id: createdById, deletedAt: null }, select: { id: true, roles: true } });
  if (!user) return null;
  return (await mayIntegrate(user, scope, client)) ? user : null;
}
