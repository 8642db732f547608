// Applies the permission tables (permissions.ts) to the database. Every answer is scoped in the
// query itself, so an id in a URL never reaches a row the actor may not see: a draft the actor
// may not see is NOT_FOUND (its existence is private), a public event is FORBIDDEN.
import { DomainError } from "~/domain/kernel/errors";
import { Prisma } from "~/generated/prisma/client";
import { db, type Db, type Tx } from "~/platform/db.server";
import { eventRolesGranting, isAdmin, type Actor, type EventPermission } from "./permissions";

type Client = Db | Tx;

/** A Prisma `where` that keeps only events on which `actor` holds `permission`. */
export function eventScope(actor: Actor, permission: EventPermission) {
  if (isAdmin(actor)) return {};
  return { organisers: { some: { userId: actor.id, role: { in: eventRolesGranting(permission) } } } };
}

/** Whether `actor` holds `permission` on the event. */
export async function mayOnEvent(actor: Actor | null, permission: EventPermission, eventId: string, client: Client = db()): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  const row = await client.eventOrganiser.findFirst({
    where: { eventId, userId: actor.id, role: { in: eventRolesGranting(permission) } },
    select: { eventId: true },
  });
  return row !== null;
}

export async function requireOnEvent(actor: Actor, permission: EventPermission, eventId: string, message: string, client: Client = db()): Promise<void> {
  if (!(await mayOnEvent(actor, permission, eventId, client))) throw new DomainError("FORBIDDEN", message);
}

/**
 * Loads the event found by `where` if `actor` holds `permission` on it. Otherwise: NOT_FOUND for
 * a draft or a missing event, FORBIDDEN (with `forbidden` as the message) for a public one.
 */
export async function loadEventFor<Select extends Record<string, unknown>>(
  actor: Actor,
  permission: EventPermission,
  where: { slug: string } | { id: string },
  options: { select: Select; forbidden: string },
  client: Client = db(),
) {
  const event = await client.event.findFirst({ where: { ...where, ...eventScope(actor, permission) }, select: options.select });
  if (event) return event;
  const exists = await client.event.findFirst({ where, select: { status: true } });
  if (exists && exists.status !== "DRAFT") throw new DomainError("FORBIDDEN", options.forbidden);
  throw new DomainError("NOT_FOUND", "This event does not exist.");
}

/** A CONFIRMED registration for the event; pending, waitlisted or cancelled ones do not count. */
export async function isConfirmedAttendee(userId: string, eventId: string, client: Client = db()): Promise<boolean> {
  const row = await client.registration.findFirst({ where: { userId, eventId, status: "CONFIRMED" }, select: { id: true } });
  return row !== null;
}

/** Taking part in an event: a confirmed registration, or a place on its team. */
export async function isParticipant(userId: string, eventId: string, client: Client = db()): Promise<boolean> {
  const [row] = await client.$queryRaw<{ ok: boolean }[]>`SELECT ${participantCondition(userId, eventId)} AS ok`;
  return Boolean(row?.ok);
}

/** isParticipant as an SQL condition, for a caller that reads it within a query of its own. */
export function participantCondition(userId: string, eventId: string): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Registration" WHERE "eventId" = ${eventId}::uuid AND "userId" = ${userId}::uuid AND "status" = 'CONFIRMED')
        OR EXISTS (SELECT 1 FROM "EventOrganiser" WHERE "eventId" = ${eventId}::uuid AND "userId" = ${userId}::uuid))`;
}
