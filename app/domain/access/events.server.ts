// Who may manage an event (its registrations, tickets, agenda, team) or check people in at it,
// in the vocabulary of permissions.ts. The scope is part of every query: an organiser's pages load
// the event through `requireManagedEvent` (or `requireAgendaEvent`), and every later query
// filters by its id.
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import { changeFeedGeneration, changeSequence, onDataChange } from "~/platform/changes.server";
import type { EventRole, UserRole } from "~/generated/prisma/enums";
import { EVENT_PERMISSIONS, eventRoleGrants, hasPlatformRole, isAdmin, type Actor, type EventPermission } from "./permissions";
import { eventScope, loadEventFor } from "./policy.server";

/** Event roles that manage tickets, questions, registrations and the agenda. */
export const MANAGER_ROLES = EVENT_PERMISSIONS["event:manage"];
/** Event roles that may check people in (door staff included). */
export const CHECK_IN_ROLES = EVENT_PERMISSIONS["event:check-in"];

/** Site roles that may create events. */
export const CREATOR_ROLES: UserRole[] = ["ORGANISER", "ADMIN"];

export function canCreateEvents(actor: Pick<Actor, "roles"> | null | undefined): boolean {
  return hasPlatformRole(actor, ...CREATOR_ROLES);
}

/**
 * Each person's roles at events, kept per process for what pages show (the header's "Organise",
 * an event page's check-in link): two queries fewer on every signed-in page. Kept only while the
 * change feed is connected and dropped on any change of an event's rows (EventOrganiser notifies
 * `event:`) or of the person (`user:`), like the public-event cache (README "Speed"). Writes
 * still check in their own query (requireManagedEvent, requireOnEvent).
 */
const memberships = new Map<string, { generation: number; roles: { eventId: string; role: EventRole }[] }>();
const MEMBERSHIPS_MAX = 5000;
onDataChange((change) => {
  if (change.scope === "user") memberships.delete(change.id);
  else if (change.scope === "event" || change.scope === "all") memberships.clear();
});

async function eventRolesOf(userId: string): Promise<{ eventId: string; role: EventRole }[]> {
  const generation = changeFeedGeneration();
  const kept = generation === null ? undefined : memberships.get(userId);
  if (kept && kept.generation === generation) return kept.roles;
  const sequence = changeSequence();
  const roles = await db().eventOrganiser.findMany({ where: { userId }, select: { eventId: true, role: true } });
  if (generation !== null && changeSequence() === sequence && changeFeedGeneration() === generation) {
    if (memberships.size >= MEMBERSHIPS_MAX) memberships.delete(memberships.keys().next().value!);
    memberships.set(userId, { generation, roles });
  }
  return roles;
}

/** Whether the header shows "Organise": creators, admins and anyone with a role at an event. */
export async function seesOrganiseArea(actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (canCreateEvents(actor)) return true;
  return (await eventRolesOf(actor.id)).length > 0;
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
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  const permission = permissionFor(capability);
  return (await eventRolesOf(actor.id)).some((r) => r.eventId === eventId && eventRoleGrants(r.role, permission));
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
