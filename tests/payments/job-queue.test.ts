// The job queue (server/jobs) on pg-boss against this file's database: the scheduled sweep
// really runs through pg-boss's cron and releases a lapsed seat hold; a refund Stripe could not
// be asked for is retried by a job; the outbox worker it starts sends over SMTP.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, hashSessionToken } from "~/domain/accounts/sessions.server";
import { startCheckout } from "~/domain/payments/checkout.server";
import { issueRefundsAfterCommit } from "~/domain/payments/refund-queue.server";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { db } from "~/platform/db.server";
import { runHousekeeping, runRegistrationSweep, startJobs, type JobRunner } from "../../server/jobs/index";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startStripeDouble, type StripeDouble } from "../support/stripe-double";
import { makeUser } from "../support/factories";
import { PRICE_CENTS, configureStripe, makePaidEvent, makePendingPayment, takenSeats } from "./fixtures";

let stripe: StripeDouble;
let sink: SmtpSink;
let jobs: JobRunner;
/** Lapsed before the runner starts: pg-boss's first scheduled sweep (within seconds) must expire it. */
let lapsed: { registrationId: string; ticketTypeId: string };

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  stripe = await startStripeDouble();
  configureStripe(stripe);
  sink = await startSmtpSink();
  const { ticketType } = await makePaidEvent();
  const registration = await makePendingPayment(ticketType, { now: new Date(Date.now() - 2 * 3_600_000) });
  lapsed = { registrationId: registration.id, ticketTypeId: ticketType.id };
  jobs = await startJobs({
    databaseUrl: process.env.DATABASE_URL!,
    logger: pino({ level: "silent" }),
    smtpUrl: sink.url,
    outboxIntervalMs: 200,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
    pollingIntervalSeconds: 1,
  });
});

afterAll(async () => {
  await jobs?.stop();
  await sink?.close();
  await stripe?.close();
});

describe("the job queue", () => {
  it("pg-boss runs the scheduled sweep by itself", async () => {
    const status = await eventually(
      async () => (await db().registration.findUniqueOrThrow({ where: { id: lapsed.registrationId } })).status,
      (value) => value === "EXPIRED",
    );
    expect(status).toBe("EXPIRED");
    expect(await takenSeats(lapsed.ticketTypeId)).toBe(0);
    // pg-boss marks the job completed only after the sweep's transaction committed: wait for it too.
    const completedRuns = await eventually(
      async () => {
        const rows = await db().$queryRaw<{ count: bigint }[]>`
          SELECT count(*) AS count FROM (
            SELECT id FROM pgboss.job WHERE name = 'registration-sweep' AND state = 'completed'
            UNION ALL SELECT id FROM pgboss.archive WHERE name = 'registration-sweep'
          ) AS runs`;
        return Number(rows[0].count);
      },
      (count) => count >= 1,
    );
    expect(completedRuns).toBeGreaterThanOrEqual(1);
  });

  it("with two nodes running the queue, the sweep still runs at most once per minute", async () => {
    const second = await startJobs({
      databaseUrl: process.env.DATABASE_URL!,
      logger: pino({ level: "silent" }),
      cronMonitorIntervalSeconds: 1,
      cronWorkerIntervalSeconds: 1,
      pollingIntervalSeconds: 1,
    });
    try {
      // Both nodes' clocks tick every second for a few seconds.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    } finally {
      await second.stop();
    }
    const perMinute = await db().$queryRaw<{ minute: Date; runs: bigint }[]>`
      SELECT date_trunc('minute', created_on) AS minute, count(*) AS runs FROM (
        SELECT created_on FROM pgboss.job WHERE name = 'registration-sweep'
        UNION ALL SELECT created_on FROM pgboss.archive WHERE name = 'registration-sweep'
      ) AS sweeps GROUP BY 1`;
    expect(perMinute.length).toBeGreaterThanOrEqual(1);
    for (const minute of perMinute) expect(Number(minute.runs)).toBe(1);
  });

  it("the sweep can also be called directly: a lapsed hold is expired and its seat released", async () => {
    const { ticketType } = await makePaidEvent();
    const registration = await makePendingPayment(ticketType, { now: new Date(Date.now() - 2 * 3_600_000) });
    const fresh = await makePendingPayment(ticketType);
    expect(await takenSeats(ticketType.id)).toBe(2);
    const report = await runRegistrationSweep(new Date());
    expect(report).toEqual({ expiredHolds: expect.any(Number), expiredOffers: expect.any(Number) });
    expect((await db().registration.findUniqueOrThrow({ where: { id: registration.id } })).status).toBe("EXPIRED");
    expect((await db().registration.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("PENDING_PAYMENT");
    expect(await takenSeats(ticketType.id)).toBe(1);
  });

  it("housekeeping deletes expired sessions and rate-limit buckets that no longer count, and nothing else", async () => {
    const now = new Date();
    const user = await makeUser({ name: "Housekeeping" });
    const live = await createSession(user.id, 30);
    const expired = await createSession(user.id, 30);
    await db().session.update({ where: { id: hashSessionToken(expired.token) }, data: { expiresAt: new Date(now.getTime() - 1000) } });
    const windowStart = (msAgo: number) => new Date(Math.floor((now.getTime() - msAgo) / 60_000) * 60_000);
    await db().rateLimitBucket.createMany({
      data: [
        { key: "housekeeping:stale", windowStart: windowStart(3 * 86_400_000), hits: 4 },
        { key: "housekeeping:counting", windowStart: windowStart(60_000), hits: 4 },
      ],
    });
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const outbox = await Promise.all(
      [
        { subject: "housekeeping: old sent", status: "SENT" as const, createdAt: days(91) },
        { subject: "housekeeping: old pending", status: "PENDING" as const, createdAt: days(91) },
        { subject: "housekeeping: recent sent", status: "SENT" as const, createdAt: days(10) },
      ].map((data) => db().outboxEmail.create({ data: { ...data, toAddress: "housekeeping@example.test", textBody: "-" } })),
    );
    const report = await runHousekeeping(now);
    expect(report.prunedEmails).toBeGreaterThanOrEqual(1);
    expect((await db().outboxEmail.findMany({ where: { id: { in: outbox.map((e) => e.id) } }, orderBy: { subject: "asc" } })).map((e) => e.subject)).toEqual([
      "housekeeping: old pending",
      "housekeeping: recent sent",
    ]);
    expect(report.expiredSessions).toBeGreaterThanOrEqual(1);
    expect(report.staleRateLimitBuckets).toBeGreaterThanOrEqual(1);
    expect(await db().session.findUnique({ where: { id: hashSessionToken(expired.token) } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: hashSessionToken(live.token) } })).not.toBeNull();
    expect((await db().rateLimitBucket.findMany({ where: { key: { startsWith: "housekeeping:" } } })).map((b) => b.key)).toEqual(["housekeeping:counting"]);
  });

  it("a refund Stripe refused right after the webhook is retried by a job until it goes through", async () => {
    const { ticketType } = await makePaidEvent();
    const registration = await makePendingPayment(ticketType);
    const started = await startCheckout(registration.id);
    const session = stripe.pay(started.sessionId);
    await db().payment.update({ where: { id: started.paymentId }, data: { state: "PAID", paidAt: new Date(), stripePaymentIntentId: session.payment_intent } });

    stripe.failNext(503, 1);
    await issueRefundsAfterCommit([{ registrationId: registration.id, paymentId: started.paymentId, amountCents: PRICE_CENTS }]);
    expect(stripe.refunds.filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(0);
    const refunds = await eventually(
      async () => stripe.refunds.filter((r) => r.payment_intent === session.payment_intent),
      (list) => list.length > 0,
    );
    expect(refunds.map((r) => r.amount)).toEqual([PRICE_CENTS]);
  });

  it("starts the outbox worker when SMTP_URL is set", async () => {
    await enqueueEmail(db(), { to: "jobs@city.example", subject: "From the worker", text: "Sent by the job runner's outbox worker." });
    const messages = await eventually(
      async () => sink.messages.filter((m) => m.to.includes("jobs@city.example")),
      (list) => list.length > 0,
    );
    expect(messages).toHaveLength(1);
  });
});
