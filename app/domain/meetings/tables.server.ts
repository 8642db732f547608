// Where a meeting happens: a free table of the stop, or the host's online room for an online
// window. The choice is only a first guess: Meeting_point_excl decides under concurrency, and
// the callers retry with the next table when they lose it.
import type { Tx } from "~/platform/db.server";
import type { TimeInterval } from "./slots";

export type TableChoice = { kind: "none" } | { kind: "point"; id: string } | { kind: "full" };

/**
 * A meeting point for `interval` at the stop: the host's online room when the window is online,
 * else the first physical table with no live meeting then (skipping `exclude`); "none" when the
 * stop has no tables at all (people meet at the host's stand), "full" when every table is busy.
 */
export async function chooseMeetingPoint(
  tx: Tx,
  input: {
    eventId: string;
    stopId: string;
    hostName: string;
    onlineUrl: string | null;
    interval: TimeInterval;
    now: Date;
    exclude?: readonly string[];
    ignoreMeetingId?: string;
  },
): Promise<TableChoice> {
  if (input.onlineUrl) {
    const name = `Online room of ${input.hostName}`.slice(0, 80);
    const existing = await tx.meetingPoint.findFirst({ where: { eventId: input.eventId, stopId: input.stopId, name } });
    const point = existing ?? (await tx.meetingPoint.create({ data: { eventId: input.eventId, stopId: input.stopId, name, onlineUrl: input.onlineUrl } }));
    if (existing && existing.onlineUrl !== input.onlineUrl) await tx.meetingPoint.update({ where: { id: existing.id }, data: { onlineUrl: input.onlineUrl } });
    return { kind: "point", id: point.id };
  }
  // One query: the stop's physical tables, each with whether a live meeting holds it then.
  const tables = await tx.$queryRaw<{ id: string; busy: boolean }[]>`
    SELECT p."id", EXISTS (
      SELECT 1 FROM "Meeting" m
      WHERE m."meetingPointId" = p."id" AND m."status" IN ('REQUESTED', 'CONFIRMED')
        AND tstzrange(m."startsAt", m."endsAt", '[)') && tstzrange(${input.interval.startsAt}::timestamptz, ${input.interval.endsAt}::timestamptz, '[)')
        AND m."id" IS DISTINCT FROM ${input.ignoreMeetingId ?? null}::uuid
    ) AS busy
    FROM "MeetingPoint" p
    WHERE p."eventId" = ${input.eventId}::uuid AND p."stopId" = ${input.stopId}::uuid AND p."onlineUrl" IS NULL
    ORDER BY p."name"`;
  if (tables.length === 0) return { kind: "none" };
  const excluded = new Set(input.exclude ?? []);
  const free = tables.find((t) => !t.busy && !excluded.has(t.id));
  return free ? { kind: "point", id: free.id } : { kind: "full" };
}

/**
 * Serialises the writes that take time at one stop (requests, moves, scheduler confirmations)
 * for the rest of the transaction. Not for correctness — the exclusion constraints are the
 * guarantee — but for throughput: two concurrent inserts that conflict each insert their index
 * entry, then wait for each other; PostgreSQL breaks that deadlock only after deadlock_timeout
 * (1 s) and a retry re-creates it, so a rush of requests crawled (30 people for 3 slots took
 * ~50 s). Queued on one lock they simply go one after the other, a few ms each. lock_timeout
 * turns any unexpected wait into an error instead of a hung request.
 */
export async function lockStopBookings(tx: Tx, stopId: string): Promise<void> {
  await tx.$queryRaw`SELECT set_config('lock_timeout', '15s', true), pg_advisory_xact_lock(hashtext(${`meeting-bookings:${stopId}`}))::text`;
}
