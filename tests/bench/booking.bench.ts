// Meeting bookings per second under contention, through requestMeeting (checks, lazy expiry,
// table choice, the REQUESTED insert guarded by the exclusion constraints, the host's email in
// the outbox), beside the raw-SQL ceiling measured in the same run: per attempt one transaction
// with the same per-stop advisory lock and the same INSERT into "Meeting" (trigger and
// constraints included), issued directly with `pg` at the same concurrency (a pool of
// DATABASE_POOL_SIZE connections). Two shapes: a rush (ATTEMPTS = 1 000 people for 12 slots, almost all
// lose) and a spread (ATTEMPTS people for ATTEMPTS/2 slots of 40 hosts, half win).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { benchDatabase, figure, percentile, type Benchmark } from "./harness";

const ATTEMPTS = Number(process.env.BENCH_BOOKINGS ?? 1000);
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 20);
const NOW = new Date("2030-03-01T08:00:00Z");
let dayNumber = 9;

interface Run {
  perSecond: number;
  latencies: number[];
  won: number;
  taken: number;
  errors: number;
}

export const benchmarks: Benchmark[] = [
  {
    name: "booking-rush",
    async run() {
      const database = await benchDatabase("book");
      const databaseUrl = database.url;
      process.env.DATABASE_POOL_SIZE = String(POOL);
      const { db, disconnectDb } = await import("../../app/platform/db.server");
      const { requestMeeting } = await import("../../app/domain/meetings/request.server");
      const { isDomainError } = await import("../../app/domain/kernel/errors");
      const raw = new pg.Pool({ connectionString: databaseUrl, max: POOL });
      try {
        const tag = randomUUID().slice(0, 6);
        await db().user.createMany({
          data: Array.from({ length: ATTEMPTS }, (_, i) => ({ email: `g${i}.${tag}@example.eu`, name: `Guest ${i}`, passwordHash: "x" })),
        });
        await db().user.createMany({
          data: Array.from({ length: 40 }, (_, i) => ({ email: `h${i}.${tag}@example.eu`, name: `Host ${i}`, passwordHash: "x", roles: ["INVESTOR"] })),
        });
        const guests = await db().user.findMany({
          where: { email: { startsWith: "g", endsWith: `.${tag}@example.eu` } },
          select: { id: true, roles: true },
          orderBy: { email: "asc" },
        });
        const hosts = await db().user.findMany({
          where: { email: { startsWith: "h", endsWith: `.${tag}@example.eu` } },
          select: { id: true },
          orderBy: { email: "asc" },
        });

        /** A roadshow stop where `hostCount` hosts each offer `slotsPerHost` 15-minute slots from 08:00 UTC. */
        async function makeStop(label: string, hostCount: number, slotsPerHost: number, tables: number) {
          // Every run on its own day: the same people book again, and must not clash with their earlier runs.
          const DAY = `2030-03-${String(++dayNumber).padStart(2, "0")}`;
          const event = await db().event.create({
            data: {
              slug: `book-${label}-${tag}`,
              title: `Booking ${label}`,
              summary: "Bench",
              description: "Bench",
              kind: "ROADSHOW",
              status: "PUBLISHED",
              timeZone: "Europe/Lisbon",
              startsAt: new Date(`${DAY}T06:00:00Z`),
              endsAt: new Date(`${DAY}T22:00:00Z`),
              ticketTypes: { create: [{ name: "Delegate" }] },
              stops: {
                create: [
                  { city: "Lisbon", country: "PT", timeZone: "Europe/Lisbon", startsAt: new Date(`${DAY}T06:00:00Z`), endsAt: new Date(`${DAY}T22:00:00Z`) },
                ],
              },
            },
            include: { stops: true, ticketTypes: true },
          });
          const stop = event.stops[0];
          if (tables > 0)
            await db().meetingPoint.createMany({
              data: Array.from({ length: tables }, (_, i) => ({ eventId: event.id, stopId: stop.id, name: `Table ${i + 1}` })),
            });
          await db().registration.createMany({
            data: guests.map((g) => ({
              eventId: event.id,
              userId: g.id,
              ticketTypeId: event.ticketTypes[0].id,
              status: "CONFIRMED" as const,
              ticketCode: randomUUID(),
            })),
          });
          const start = new Date(`${DAY}T08:00:00Z`).getTime();
          await db().meetingAvailability.createMany({
            data: hosts.slice(0, hostCount).map((h) => ({
              eventId: event.id,
              stopId: stop.id,
              hostId: h.id,
              startsAt: new Date(start),
              endsAt: new Date(start + slotsPerHost * 15 * 60_000),
              slotMinutes: 15,
              bufferMinutes: 0,
            })),
          });
          const slots = hosts
            .slice(0, hostCount)
            .flatMap((h) => Array.from({ length: slotsPerHost }, (_, i) => ({ hostId: h.id, startsAt: new Date(start + i * 15 * 60_000) })));
          return { event, stop, slots };
        }

        async function viaDomain(label: string, hostCount: number, slotsPerHost: number, tables: number): Promise<Run> {
          const { event, stop, slots } = await makeStop(`d-${label}`, hostCount, slotsPerHost, tables);
          const latencies: number[] = [];
          let won = 0,
            taken = 0,
            errors = 0;
          const started = performance.now();
          await Promise.all(
            guests.map(async (guest, i) => {
              const slot = slots[i % slots.length];
              const t = performance.now();
              try {
                await requestMeeting(guest, { slug: event.slug, stopId: stop.id, hostId: slot.hostId, startsAt: slot.startsAt.toISOString() }, NOW);
                won++;
              } catch (error) {
                if (isDomainError(error) && error.code === "SLOT_TAKEN") taken++;
                else errors++;
              }
              latencies.push(performance.now() - t);
            }),
          );
          return { perSecond: guests.length / ((performance.now() - started) / 1000), latencies, won, taken, errors };
        }

        async function viaRawSql(label: string, hostCount: number, slotsPerHost: number, tables: number): Promise<Run> {
          const { event, stop, slots } = await makeStop(`r-${label}`, hostCount, slotsPerHost, tables);
          const latencies: number[] = [];
          let won = 0,
            taken = 0,
            errors = 0;
          const started = performance.now();
          await Promise.all(
            guests.map(async (guest, i) => {
              const slot = slots[i % slots.length];
              const t = performance.now();
              const client = await raw.connect();
              try {
                await client.query("BEGIN");
                await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`meeting-bookings:${stop.id}`]);
                await client.query(
                  `INSERT INTO "Meeting" ("eventId","stopId","hostId","guestId","startsAt","endsAt","status","requestExpiresAt","updatedAt")
                 VALUES ($1,$2,$3,$4,$5,$6,'REQUESTED',$7,now())`,
                  [
                    event.id,
                    stop.id,
                    slot.hostId,
                    guest.id,
                    slot.startsAt,
                    new Date(slot.startsAt.getTime() + 15 * 60_000),
                    new Date(NOW.getTime() + 48 * 3_600_000),
                  ],
                );
                await client.query("COMMIT");
                won++;
              } catch (error) {
                await client.query("ROLLBACK").catch(() => {});
                if ((error as { code?: string }).code === "23P01") taken++;
                else errors++;
              } finally {
                client.release();
              }
              latencies.push(performance.now() - t);
            }),
          );
          return { perSecond: guests.length / ((performance.now() - started) / 1000), latencies, won, taken, errors };
        }

        async function doubleBookings(): Promise<number> {
          const { rows } = await raw.query(`
            SELECT count(*)::int AS n FROM "Meeting" a JOIN "Meeting" b ON a."id" < b."id"
            WHERE a."status" IN ('REQUESTED','CONFIRMED') AND b."status" IN ('REQUESTED','CONFIRMED')
              AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")
              AND (a."hostId" IN (b."hostId", b."guestId") OR a."guestId" IN (b."hostId", b."guestId")
                   OR (a."meetingPointId" IS NOT NULL AND a."meetingPointId" = b."meetingPointId"))`);
          return rows[0].n;
        }

        // Warm both paths, then measure. Rush: 3 hosts × 4 slots, 4 tables. Spread: 40 hosts, half as many slots as people, no tables.
        const perHost = Math.ceil(ATTEMPTS / 2 / 40);
        await viaDomain("warm", 3, 4, 4);
        await viaRawSql("warm", 3, 4, 4);
        const rush = await viaDomain("rush", 3, 4, 4);
        const rushRaw = await viaRawSql("rush", 3, 4, 4);
        const spread = await viaDomain("spread", 40, perHost, 0);
        const spreadRaw = await viaRawSql("spread", 40, perHost, 0);
        const overlaps = await doubleBookings();
        for (const [label, run, expectWon] of [
          ["requestMeeting rush", rush, 12],
          ["raw SQL rush", rushRaw, 12],
          ["requestMeeting spread", spread, 40 * perHost],
          ["raw SQL spread", spreadRaw, 40 * perHost],
        ] as const) {
          console.log(
            `  ${label}: ${run.perSecond.toFixed(0)} attempts/s, ${run.won} booked, ${run.taken} slot taken, ${run.errors} errors, p95 ${percentile(run.latencies, 95).toFixed(0)} ms`,
          );
          if (run.errors || run.won !== expectWon || run.won + run.taken !== ATTEMPTS)
            throw new Error(`${label}: wrong outcome ${JSON.stringify({ ...run, latencies: undefined })}`);
        }
        if (overlaps !== 0) throw new Error(`${overlaps} double bookings`);
        return [
          figure(
            `booking attempts, ${ATTEMPTS} concurrent for 12 slots`,
            rush.perSecond,
            "att/s",
            rushRaw.perSecond,
            `raw pg: advisory lock + INSERT per tx, pool ${POOL}`,
          ),
          figure("booking p95 latency in the rush", percentile(rush.latencies, 95), "ms", percentile(rushRaw.latencies, 95), "raw pg, same rush"),
          figure(
            `booking attempts, ${ATTEMPTS} concurrent for ${40 * perHost} slots (half win)`,
            spread.perSecond,
            "att/s",
            spreadRaw.perSecond,
            "raw pg, no checks, no email",
          ),
          figure("double bookings after all runs", overlaps, "rows", 0, "must be 0"),
        ];
      } finally {
        await raw.end();
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
