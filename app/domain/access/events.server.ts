// Who may manage an event (its registrations, tickets, agenda, team) or check people in at it,
// in the vocabulary of permissions.ts. The scope is part of every query: an organiser's pages load
// the event through `requireManagedEvent` (or `requireAgendaEvent`), and every later query
// filters by its id.
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import type { UserRole } from "~/generated/prisma/enums";
import { EVENT_PERMISSIONS, hasPlatformRole, type Actor, type EventPermission } from "./permissions";
import { eventScope, loadEventFor, mayOnEvent } from "./policy.server";

/** Event roles that manage tickets, questions, registrations and the agenda. */
export const MANAGER_ROLES = EVENT_PERMISSIONS["event:manage"];
/** Event roles that may check people in (door staff included). */
export const CHECK_IN_ROLES = EVENT_PERMISSIONS["event:check-in"];

/** Site roles that may create events. */
export const CREATOR_ROLES: UserRole[] = ["ORGANISER", "ADMIN"];

export function canCreateEvents(actor: Pick<Actor, "roles"> | null | undefined): boolean {
  return hasPlatformRole(actor, ...CREATOR_ROLES);
}

/** Whether the header shows "Organise": creators, admins and anyone with a role at an event. */
export async function seesOrganiseArea(actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (canCreateEvents(actor)) return true;
  return (await db().eventOrganiser.count({ where: { userId: actor.id } })) > 0;
}

/** What an organiser page asks of the actor: to manage the event, or to check people in at it. */
export type Capability = "manage" | "check-in";

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

function permissionFor(capability: Capability): EventPermission {
  return capability === "manage" ? "event:manage" : "event:check-in";
}

/**
 * The event, if `actor` may manage it (or check people in). Anybody else gets NOT_FOUND for
 * drafts (their existence is private) and FORBIDDEN for public events.
 */
export async function requireManagedEvent(actor: Actor, slug: string, capability: Capability = "manage", client: Tx | Db = db()) {
  return loadEventFor(
    actor,
    permissionFor(capability),
    { slug },
    { select: managedEventSelect, forbidden: "Only this event's organisers can manage its registrations." },
    client,
  );
}

export type ManagedEvent = Awaited<ReturnType<typeof requireManagedEvent>>;

/** Whether `actor` may manage (or check people in at) an event, for "Manage" links; admins always may. */
export async function canManageEvent(actor: Actor | null, eventId: string, capability: Capability = "manage"): Promise<boolean> {
  return mayOnEvent(actor, permissionFor(capability), eventId);
}

/**
 * The event an organiser is editing the agenda of, scoped in the query: only events where the
 * actor is an owner/organiser (admins: any). A published event the actor does not organise is
 * FORBIDDEN; a draft or missing one is NOT_FOUND, so drafts do not leak their existence.
 */
export async function requireAgendaEvent(actor: Actor, where: { slug: string } | { id: string }, client: Tx | Db = db()) {
  const event = await client.event.findFirst({ where: { ...where, ...eventScope(actor, "event:manage") } });
  if (event) return event;
  const exists = await client.event.findFirst({ where, select: { status: true } });
  if (exists && exists.status !== "DRAFT") throw new DomainError("FORBIDDEN", "Only this event's organisers can edit its agenda.");
  throw new DomainError("NOT_FOUND", "This event does not exist.");
}
