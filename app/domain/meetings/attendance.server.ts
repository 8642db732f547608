// Which stops of a roadshow each city or project attends. The auto-scheduler of a stop only
// considers guests who attend it (hosts show up at a stop by publishing availability there).
// A participant replaces their whole set with one form post, in one transaction serialised on
// their registration row; requesting a meeting at a stop marks it too (booking implies
// attending, see request.server.ts). Only confirmed registrants choose stops, and only among
// the stops of that roadshow: any other id is refused before anything is written.
import { DomainError } from "~/domain/kernel/errors";
import type { Db, Tx } from "~/platform/db.server";
import { db } from "~/platform/db.server";
import { findRoadshow } from "./roadshow.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { lockStopBookings } from "./tables.server";

type Client = Db | Tx;

export { attendanceFormSchema } from "./meeting-forms";

export const NOT_REGISTERED_MESSAGE = "Only people with a confirmed registration for this roadshow can choose the stops they attend.";

/** Normalises the form's value to a list of distinct strings. */
export function stopIdList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((v) => (typeof v === "string" ? v : "")))];
}

/**
 * Replaces the actor's attended stops of the roadshow with `stopIds` (all or nothing). Refuses
 * someone without a confirmed registration (403), an id that is not one of this roadshow's
 * stops (400, nothing written), and dropping a stop where they still have a live meeting or
 * request (400: cancel it first, or the schedule would say they are not there).
 */
export async function setStopAttendance(actor: Actor, slug: string, stopIds: unknown, now = new Date()): Promise<{ id: string; city: string }[]> {
  const event = await findRoadshow(slug, actor);
  const wanted = stopIdList(stopIds);
  const known = new Map(event.stops.map((s) => [s.id, s]));
  if (wanted.some((id) => !isUuid(id) || !known.has(id))) {
    throw new DomainError("VALIDATION", "Choose stops of this roadshow only.", {
      fieldErrors: { stopIds: "One of the chosen stops is not part of this roadshow. Reload the page and try again." },
    });
  }
  const chosenStops = event.stops.filter((s) => wanted.includes(s.id));
  const chosen = chosenStops.map((s) => s.id);
  return db().$transaction(async (tx) => {
    // The registration row is the lock: two posts of the same person apply one after the other.
    const registration = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Registration" WHERE "eventId" = ${event.id}::uuid AND "userId" = ${actor.id}::uuid AND "status" = 'CONFIRMED' LIMIT 1 FOR UPDATE`;
    if (registration.length === 0) throw new DomainError("FORBIDDEN", NOT_REGISTERED_MESSAGE);
    const dropped = event.stops.filter((s) => !chosen.includes(s.id)).map((s) => s.id);
    // Bookings at a dropped stop queue on the same lock, so a request cannot slip in between the
    // check below and the delete (it would leave a meeting at a stop its guest does not attend).
    for (const stopId of [...dropped].sort()) await lockStopBookings(tx, stopId);
    if (dropped.length > 0) {
      const live = await tx.meeting.findFirst({
        where: {
          stopId: { in: dropped },
          OR: [{ guestId: actor.id }, { hostId: actor.id }],
          endsAt: { gt: now },
          AND: [{ OR: [{ status: "CONFIRMED" }, { status: "REQUESTED", OR: [{ requestExpiresAt: null }, { requestExpiresAt: { gt: now } }] }] }],
        },
        select: { stop: { select: { city: true } } },
        orderBy: { startsAt: "asc" },
      });
      if (live) {
        const city = live.stop?.city ?? "that stop";
        throw new DomainError("VALIDATION", `You have a meeting or request in ${city}: cancel it before you stop attending ${city}.`, {
          fieldErrors: { stopIds: `You have a meeting or request in ${city}; keep ${city} ticked or cancel it first.` },
        });
      }
    }
    await tx.stopAttendance.deleteMany({ where: { userId: actor.id, stopId: { in: dropped } } });
    if (chosen.length > 0) await tx.stopAttendance.createMany({ data: chosen.map((stopId) => ({ stopId, userId: actor.id })), skipDuplicates: true });
    return chosenStops.map((s) => ({ id: s.id, city: s.city }));
  });
}

/** Marks one stop as attended (idempotent): called inside the booking transaction. */
export async function markAttending(tx: Tx, stopId: string, userId: string): Promise<void> {
  await tx.stopAttendance.createMany({ data: [{ stopId, userId }], skipDuplicates: true });
}

/** The ids of the stops `userId` attends, among `stopIds`. */
export async function attendedStops(userId: string, stopIds: readonly string[], client: Client = db()): Promise<string[]> {
  const rows = await client.stopAttendance.findMany({ where: { userId, stopId: { in: [...stopIds] } }, select: { stopId: true } });
  return rows.map((r) => r.stopId);
}

/** For each of `userIds`, the ids of the stops (among `stopIds`) they attend. */
export async function attendanceByUser(userIds: readonly string[], stopIds: readonly string[], client: Client = db()): Promise<Map<string, string[]>> {
  const rows = await client.stopAttendance.findMany({
    where: { userId: { in: [...userIds] }, stopId: { in: [...stopIds] } },
    select: { stopId: true, userId: true },
  });
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.stopId]);
  return byUser;
}

/**
 * The guests of a stop for the scheduler: confirmed registrants of the roadshow who attend that
 * stop, minus the given hosts.
 */
export async function stopGuestIds(eventId: string, stopId: string, hostIds: Iterable<string>, client: Client = db()): Promise<string[]> {
  const rows = await client.registration.findMany({
    where: { eventId, status: "CONFIRMED", user: { stopAttendances: { some: { stopId } } } },
    select: { userId: true },
  });
  const hosts = new Set(hostIds);
  return [...new Set(rows.map((r) => r.userId))].filter((id) => !hosts.has(id));
}
