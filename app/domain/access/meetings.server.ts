// Who may do what with a roadshow's meetings: organisers run them, participants book them, hosts
// publish slots and mark whom they want to meet. In the vocabulary of permissions.ts, plus the
// two rows only meetings grant: an organiser's hosting grant and a host's published availability.
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import { hasPlatformRole, isAdmin, type Actor } from "./permissions";
import { isParticipant, participantCondition, requireOnEvent } from "./policy.server";
import { Prisma } from "~/generated/prisma/client";

type Client = Db | Tx;

/**
 * Who runs the meetings of a roadshow (scheduler, grid, CSV, no-shows, tables, hosting grants):
 * its owners and organisers (`event:manage`), like the agenda editors and registration managers;
 * moderators and check-in staff may not. Platform admins always may.
 */
export async function requireOrganiser(actor: Actor, eventId: string, client: Client = db()): Promise<void> {
  await requireOnEvent(actor, "event:manage", eventId, "Only the organisers of this roadshow can do that.", client);
}

/** Booking meetings: participants (a confirmed registration, or one of the team) and admins. */
export async function requireParticipant(actor: Actor, eventId: string, client: Client = db()): Promise<void> {
  if (isAdmin(actor)) return;
  if (!(await isParticipant(actor.id, eventId, client))) throw notParticipant();
}

/** requireParticipant's question as an SQL condition, for a query that reads several facts at once. */
export function participantSql(actor: Actor, eventId: string): Prisma.Sql {
  return isAdmin(actor) ? Prisma.sql`true` : participantCondition(actor.id, eventId);
}

/** requireParticipant's refusal. */
export function notParticipant(): DomainError {
  return new DomainError("FORBIDDEN", "Only people registered for this roadshow can book meetings. Register first.");
}

/** Hosts: investors, and any participant an organiser allowed to host at this event. */
export async function canHost(actor: Actor, eventId: string, client: Client = db()): Promise<boolean> {
  if (hasPlatformRole(actor, "INVESTOR")) return true;
  return (await client.meetingHostGrant.count({ where: { eventId, userId: actor.id } })) > 0;
}

/**
 * A host at this roadshow: someone who may host and takes part in it, with availability
 * published at one of its stops or a confirmed registration. Hosts mark the cities and
 * projects they want to meet; an investor with no tie to the roadshow may not (nor see who is
 * registered).
 */
export async function hostsAt(actor: Actor, eventId: string, client: Client = db()): Promise<boolean> {
  if (!(await canHost(actor, eventId, client))) return false;
  if ((await client.meetingAvailability.count({ where: { eventId, hostId: actor.id } })) > 0) return true;
  return isParticipant(actor.id, eventId, client);
}

export async function requireHost(actor: Actor, eventId: string, client: Client = db()): Promise<void> {
  if (!(await canHost(actor, eventId, client))) {
    throw new DomainError("FORBIDDEN", "Only investors and participants the organisers invited to host can publish meeting slots.");
  }
}
