// Who may manage an event (its registrations, tickets, agenda, team) or check people in at it.
// The scope is part of every query: an organiser's pages load the event through
// `requireManagedEvent`, and every later query filters by its id.
import { EVENT_PERMISSIONS, type EventPermission } from "~/domain/access/permissions";
import { eventScope, mayOnEvent } from "~/domain/access/policy.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";

/** Event roles that manage tickets, questions and registrations. */
export const MANAGER_ROLES = EVENT_PERMISSIONS["event:manage"];
/** Event roles that may check people in (door staff included). */
export const CHECK_IN_ROLES = EVENT_PERMISSIONS["event:check-in"];

export type Capability = "manage" | "check-in";

export type Staff = Pick<SessionUser, "id" | "roles">;

const managedEventSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  city: true,
  mode: true,
  onlineUrl: true,
  sequence: true,
  updatedAt: true,
} as const;

export type ManagedEvent = NonNullable<Awaited<ReturnType<typeof findManagedEvent>>>;

function permissionFor(capability: Capability): EventPermission {
  return capability === "manage" ? "event:manage" : "event:check-in";
}

function scopeFor(user: Staff, capability: Capability) {
  return eventScope(user, permissionFor(capability));
}

async function findManagedEvent(user: Staff, slug: string, capability: Capability, client: Tx | Db) {
  return client.event.findFirst({ where: { slug, ...scopeFor(user, capability) }, select: managedEventSelect });
}

/**
 * The event, if `user` may manage it (or check people in). Anybody else gets NOT_FOUND for
 * drafts (their existence is private) and FORBIDDEN for public events.
 */
export async function requireManagedEvent(user: Staff, slug: string, capability: Capability = "manage", client: Tx | Db = db()): Promise<ManagedEvent> {
  const event = await findManagedEvent(user, slug, capability, client);
  if (event) return event;
  const exists = await client.event.findFirst({ where: { slug }, select: { status: true } });
  if (exists && exists.status !== "DRAFT") throw new DomainError("FORBIDDEN", "Only this event's organisers can manage its registrations.");
  throw new DomainError("NOT_FOUND", "This event does not exist.");
}

/** Whether a user may manage (or check people in at) an event, for "Manage" links; admins always may. */
export async function canManageEvent(user: Staff | null, eventId: string, capability: Capability = "manage"): Promise<boolean> {
  return mayOnEvent(user, permissionFor(capability), eventId);
}
