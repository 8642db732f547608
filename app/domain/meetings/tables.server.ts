// Where a meeting happens: a free table of the stop, or the host's online room for an online
// window. The choice is only a first guess: Meeting_point_excl decides under concurrency, and
// the callers retry with the next table when they lose it.
import type { Tx } from "~/utils/db.server";
import type { TimeInterval } from "./slots";

export type TableChoice = { kind: "none" } | { kind: "point"; id: string } | { kind: "full" };

/**
 * A meeting point for `interval` at the stop: the host's online room when the window is online,
 * else the first physical table with no live meeting then (skipping `exclude`); "none" when the
 * stop has no tables at all (people meet at the host's stand), "full" when every table is busy.
 */
export async function chooseMeetingPoint(
  tx: Tx,
  input: { eventId: string; stopId: string; hostName: string; onlineUrl: string | null; interval: TimeInterval; now: Date; exclude?: readonly string[]; ignoreMeetingId?: string },
): Promise<TableChoice> {
  if (input.onlineUrl) {
    const name = `Online room of ${input.hostName}`.slice(0, 80);
    const existing = await tx.meetingPoint.findFirst({ where: { eventId: input.eventId, stopId: input.stopId, name } });
    const point = existing ?? (await tx.meetingPoint.create({ data: { eventId: input.eventId, stopId: input.stopId, name, onlineUrl: input.onlineUrl } }));
    if (existing && existing.onlineUrl !== input.onlineUrl) await tx.meetingPoint.update({ where: { id: existing.id }, data: { onlineUrl: input.onlineUrl } });
    return { kind: "point", id: point.id };
  }
  const tables = await tx.meetingPoint.findMany({ where: { eventId: input.eventId, stopId: input.stopId, onlineUrl: null }, orderBy: { name: "asc" }, select: { id: true } });
  if (tables.length === 0) return { kind: "none" };
  const busy = await tx.meeting.findMany({
    where: {
      meetingPointId: { in: tables.map((t) => t.id) },
      startsAt: { lt: input.interval.endsAt },
      endsAt: { gt: input.interval.startsAt },
      OR: [{ status: "CONFIRMED" }, { status: "REQUESTED" }],
      ...(input.ignoreMeetingId ? { NOT: { id: input.ignoreMeetingId } } : {}),
    },
    select: { meetingPointId: true },
  });
  const taken = new Set([...busy.map((m) => m.meetingPointId), ...(input.exclude ?? [])]);
  const free = tables.find((t) => !taken.has(t.id));
  return free ? { kind: "point", id: free.id } : { kind: "full" };
}

/**
 * Serialises the writes that take time at one stop (requests, moves, scheduler confirmations)
 * for the rest of the transaction. Not for correctness — the exclusion constraints are the
 * guarantee — but because two inserts that each conflict with the other through different
 * constraints (a host's slot and a table) can wait on each other for a long time; queued on one
 * lock they simply go one after the other (a few ms each). lock_timeout turns any unexpected
 * wait into an error instead of a hung request.
 */
export async function lockStopBookings(tx: Tx, stopId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '15s'`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`meeting-bookings:${stopId}`}))`;
}
