// Registrations per second into one capacity-limited ticket type (100 seats) under 2 000
// concurrent attempts through registerForEvent, beside the raw-SQL ceiling measured in the
// same run: the same conditional UPDATE of the seat counter + INSERT of the registration,
// issued directly with `pg`, one transaction per attempt, at the same concurrency (a pool of
// DATABASE_POOL_SIZE connections, 2 000 attempts queued on it). A second, informational pair
// gives everybody a seat, so every attempt also queues its ticket email (a draft, see
// notifications/drafts.ts); then the mail worker draws and "sends" those emails (a transport
// that accepts everything), beside the raw registration rate: how long after a rush its emails
// have all gone out.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { benchDatabase, figure, percentile, type Benchmark } from "./harness";

const ATTEMPTS = Number(process.env.BENCH_REGISTRATIONS ?? 2000);
const SEATS = 100;
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 20);

interface Run {
  perSecond: number;
  latencies: number[];
  seated: number;
  waitlisted: number;
  errors: number;
}

export const benchmarks: Benchmark[] = [
  {
    name: "registration-rush",
    async run() {
      const database = await benchDatabase("reg");
      const databaseUrl = database.url;
      process.env.DATABASE_POOL_SIZE = String(POOL);
      const { db, disconnectDb } = await import("../../app/platform/db.server");
      const { registerForEvent } = await import("../../app/domain/registration/register.server");
      const { sendDueEmails } = await import("../../app/domain/notifications/mailer.server");
      const { drawEmailDraft } = await import("../../app/domain/admin/email-drafts.server");
      const raw = new pg.Pool({ connectionString: databaseUrl, max: POOL });
      try {
        const tag = randomUUID().slice(0, 6);
        await db().user.createMany({
          data: Array.from({ length: ATTEMPTS }, (_, i) => ({ email: `rush${i}.${tag}@example.eu`, name: `Rush ${i}`, passwordHash: "x" })),
        });
        const users = await db().user.findMany({ where: { email: { endsWith: `.${tag}@example.eu` } }, select: { id: true, email: true, name: true } });
        const makeTicket = async (label: string, capacity = SEATS) => {
          const event = await db().event.create({
            data: {
              slug: `rush-${label}-${tag}`,
              title: `Rush ${label}`,
              summary: "Bench",
              description: "Bench",
              kind: "WORKSHOP",
              status: "PUBLISHED",
              timeZone: "Europe/Vienna",
              startsAt: new Date(Date.now() + 86_400_000 * 10),
              endsAt: new Date(Date.now() + 86_400_000 * 10 + 3_600_000),
              city: "Vienna",
              country: "AT",
            },
          });
          const ticket = await db().ticketType.create({ data: { eventId: event.id, name: "Seat", capacity } });
          return { event, ticket };
        };

        async function viaDomain(label: string, count: number, capacity = SEATS): Promise<Run> {
          const { event, ticket } = await makeTicket(label, capacity);
          const latencies: number[] = [];
          let errors = 0;
          const started = performance.now();
          await Promise.all(
            users.slice(0, count).map(async (user) => {
              const t = performance.now();
              try {
                await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
              } catch {
                errors++;
              }
              latencies.push(performance.now() - t);
            }),
          );
          const seconds = (performance.now() - started) / 1000;
          return { perSecond: count / seconds, latencies, errors, ...(await tally(ticket.id)) };
        }

        async function viaRawSql(label: string, count: number, capacity = SEATS): Promise<Run> {
          const { event, ticket } = await makeTicket(label, capacity);
          const latencies: number[] = [];
          let errors = 0;
          const started = performance.now();
          await Promise.all(
            users.slice(0, count).map(async (user) => {
              const t = performance.now();
              const client = await raw.connect();
              try {
                await client.query("BEGIN");
                const seat = await client.query(
                  `UPDATE "TicketType" SET "taken" = "taken" + 1 WHERE "id" = $1 AND ("capacity" IS NULL OR "taken" < "capacity")`,
                  [ticket.id],
                );
                await client.query(
                  `INSERT INTO "Registration" ("id", "eventId", "userId", "ticketTypeId", "status", "paymentStatus", "ticketCode", "createdAt", "updatedAt")
                 VALUES ($1, $2, $3, $4, $5, 'NONE', $6, now(), now())`,
                  [randomUUID(), event.id, user.id, ticket.id, seat.rowCount === 1 ? "CONFIRMED" : "WAITLISTED", randomUUID().slice(0, 11)],
                );
                await client.query("COMMIT");
              } catch {
                errors++;
                await client.query("ROLLBACK").catch(() => {});
              } finally {
                client.release();
              }
              latencies.push(performance.now() - t);
            }),
          );
          const seconds = (performance.now() - started) / 1000;
          return { perSecond: count / seconds, latencies, errors, ...(await tally(ticket.id)) };
        }

        async function tally(ticketTypeId: string) {
          const rows = await db().registration.groupBy({ by: ["status"], where: { ticketTypeId }, _count: { _all: true } });
          const of = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
          return { seated: of("CONFIRMED"), waitlisted: of("WAITLISTED") };
        }

        // Warm both paths (JIT, Prisma's compiled queries, PostgreSQL's plans and caches).
        await viaDomain("warm-domain", 300);
        await viaRawSql("warm-raw", 300);
        const domain = await viaDomain("domain", ATTEMPTS);
        const ceiling = await viaRawSql("raw", ATTEMPTS);
        // Everybody gets a seat, so every attempt queues its ticket email: raw SQL does not.
        const seatedDomain = await viaDomain("domain-seated", ATTEMPTS, ATTEMPTS);
        const seatedCeiling = await viaRawSql("raw-seated", ATTEMPTS, ATTEMPTS);
        // The mail worker then draws those emails (templates, calendar invitation, QR code) and
        // hands them to a transport that accepts everything.
        const mailStarted = performance.now();
        let mailed = 0;
        for (;;) {
          const pass = await sendDueEmails({ sendMail: async () => ({}) } as never, { limit: 50, drafter: drawEmailDraft, from: "bench@scale.test" });
          mailed += pass.sent;
          if (pass.claimed === 0) break;
          if (pass.failed || pass.retrying) throw new Error(`mail worker: ${JSON.stringify(pass)}`);
        }
        const mailPerSecond = mailed / ((performance.now() - mailStarted) / 1000);
        console.log(`  mail worker: ${mailed} emails drawn and sent at ${mailPerSecond.toFixed(0)}/s`);
        for (const [label, run, seats] of [
          ["registerForEvent", domain, SEATS],
          ["raw SQL", ceiling, SEATS],
          ["registerForEvent, all seated", seatedDomain, ATTEMPTS],
          ["raw SQL, all seated", seatedCeiling, ATTEMPTS],
        ] as const) {
          console.log(
            `  ${label}: ${run.perSecond.toFixed(0)}/s, ${run.seated} seated, ${run.waitlisted} waitlisted, ${run.errors} errors, p95 ${percentile(run.latencies, 95).toFixed(0)} ms`,
          );
          if (run.errors || run.seated !== seats || run.seated + run.waitlisted !== ATTEMPTS)
            throw new Error(`${label}: wrong outcome ${JSON.stringify({ ...run, latencies: undefined })}`);
        }
        return [
          figure(
            `registrations into ${SEATS} seats, ${ATTEMPTS} concurrent`,
            domain.perSecond,
            "reg/s",
            ceiling.perSecond,
            `raw pg: UPDATE+INSERT per tx, pool ${POOL}`,
          ),
          figure("registration p95 latency under the rush", percentile(domain.latencies, 95), "ms", percentile(ceiling.latencies, 95), "raw pg, same rush"),
          figure(
            `registrations, ${ATTEMPTS} concurrent, all seated (ticket email queued each)`,
            seatedDomain.perSecond,
            "reg/s",
            seatedCeiling.perSecond,
            "raw pg, no email",
          ),
          figure("ticket emails drawn and sent by the mail worker", mailPerSecond, "emails/s", seatedCeiling.perSecond, "raw pg registrations/s, same run"),
        ];
      } finally {
        await raw.end();
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
