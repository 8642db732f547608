// Who may do what with a roadshow's meetings, and the lookups every step starts with. An id that
// is malformed, unknown, or belongs to another event is "not found" (never a 500, never a hint
// that the row exists elsewhere).
import type { Actor } from "~/domain/access/permissions";
import { isParticipant, mayOnEvent } from "~/domain/access/policy.server";
import { DomainError } from "~/domain/kernel/errors";
import type { Db, Tx } from "~/platform/db.server";
import { db } from "~/platform/db.server";
import { isUuid } from "~/domain/kernel/ids";

export type { Actor };

type Client = Db | Tx;

export { isUuid };

export function notFound(what = "This page"): DomainError {
  return new DomainError("NOT_FOUND", `${what} does not exist.`);
}

export const roadshowSelect = {
  id: true, slug: true, title: true, status: true, kind: true, timeZone: true, startsAt: true, endsAt: true, sequence: true, updatedAt: true,
  stops: { orderBy: { position: "asc" as const }, select: { id: true, city: true, country: true, timeZone: true, venueName: true, startsAt: true, endsAt: true, position: true } },
} as const;

export type RoadshowStopRow = { id: string; city: string; country: string; timeZone: string; venueName: string | null; startsAt: Date; endsAt: Date; position: number };

/** A roadshow everybody may see (published), or any status for its staff (any event role). */
export async function findRoadshow(slug: string, actor: Actor | null, client: Client = db()) {
  const event = await client.event.findUnique({ where: { slug }, select: roadshowSelect });
  if (!event || event.kind !== "ROADSHOW") throw notFound("This roadshow");
  if (event.status !== "PUBLISHED" && !(actor && (await isStaff(actor, event.id, client)))) throw notFound("This roadshow");
  return event;
}

export function findStopOf<T extends { stops: RoadshowStopRow[] }>(event: T, stopId: unknown): RoadshowStopRow {
  const stop = isUuid(stopId) ? event.stops.find((s) => s.id === stopId) : undefined;
  if (!stop) throw notFound("This roadshow stop");
  return stop;
}

/** Any event role (moderators and check-in staff too): may see a draft roadshow, nothing more. */
async function isStaff(actor: Actor, eventId: string, client: Client): Promise<boolean> {
  return mayOnEvent(actor, "event:staff", eventId, client);
}

/**
 * Who runs the meetings of a roadshow (scheduler, grid, CSV, no-shows, tables, hosting grants):
 * its owners and organisers, like the agenda editors and registration managers; moderators and
 * check-in staff may not. Platform admins always may.
 */
export async function isOrganiser(actor: Actor, eventId: string, client: Client = db()): Promise<boolean> {
  return mayOnEvent(actor, "event:manage", eventId, client);
}

export async function requireOrganiser(actor: Actor, eventId: string, client: Client = db()): Promise<void> {
  if (!(await isOrganiser(actor, eventId, client))) throw new DomainError("FORBIDDEN", "Only the organisers of this roadshow can do that.");
}

/** Participants: a confirmed registration for the event, or one of its team. */
export { isParticipant };

export async function requireParticipant(actor: Actor, eventId: string, client: Client = db()): Promise<void> {
  if (actor.roles.includes("ADMIN")) return;
  if (!(await isParticipant(actor.id, eventId, client))) {
    throw new DomainError("FORBIDDEN", "Only people registered for this roadshow can book meetings. Register first.");
  }
}

/** Hosts: investors, and any participant an organiser allowed to host at this event. */
export async function canHost(actor: Actor, eventId: string, client: Client = db()): Promise<boolean> {
  if (actor.roles.includes("INVESTOR") || actor.roles.includes("ADMIN")) return true;
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

/** The organiser lets a registered participant (found by e-mail) host meetings at the event. */
export async function grantHosting(actor: Actor, slug: string, email: string): Promise<string> {
  const event = await findRoadshow(slug, actor);
  await requireOrganiser(actor, event.id);
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true } });
  if (!user || !(await isParticipant(user.id, event.id))) {
    throw new DomainError("VALIDATION", "Only people registered for this roadshow can be allowed to host.", { fieldErrors: { email: "No registered participant with this e-mail." } });
  }
  await db().meetingHostGrant.upsert({ where: { eventId_userId: { eventId: event.id, userId: user.id } }, create: { eventId: event.id, userId: user.id, grantedById: actor.id }, update: {} });
  return user.name;
}
