// Timed and background work, on pg-boss (a job queue stored in PostgreSQL, schema "pgboss"):
//
// - registration-sweep: every minute, expire lapsed waiting-list offers and seat holds
//   (app/domain/registration/waitlist.server.ts). pg-boss's cron inserts one job per minute
//   across all nodes (singleton key + 60 s slot), and the queue's "singleton" policy keeps two
//   sweeps from running at once; the sweeps themselves lock rows with SKIP LOCKED, so even an
//   overlapping run would not handle a registration twice.
// - payments-refund: retries of refunds Stripe could not be asked for right after a webhook
//   (refund-queue.server.ts), with exponential backoff; the idempotency key makes retries safe.
// - housekeeping: hourly, delete expired sessions and rate-limit buckets that no longer count,
//   so neither table grows without bound, sent or failed emails older than 90 days (the privacy
//   notice's promise), API idempotency keys older than a day, webhook deliveries older than 90
//   days and fanned-out integration events older than 30.
// - answer-retention: daily, delete answers to custom registration questions of events that ended
//   more than ANSWER_RETENTION_MONTHS ago (app/domain/privacy/retention.server.ts, one statement).
// - webhook-delivery: one job per webhook delivery (app/domain/integrations/deliver.server.ts),
//   retried with exponential backoff from WEBHOOK_RETRY_DELAY_SECONDS; the last retry marks the
//   delivery FAILED. A fan-out loop (every few seconds, SKIP LOCKED, safe on any node) turns the
//   integration outbox that triggers fill into deliveries; the minutely sweep requeues deliveries
//   whose job was lost between fan-out and queueing.
// - feedback-invitations: every 5 minutes, email each participant of an ended event or session
//   its feedback survey's single-use link once the organiser's delay has passed
//   (app/domain/engagement/surveys.server.ts; the invitation's unique (survey, person) makes it
//   safe on every node and on every run).
// - the outbox worker: a polling loop (mailer.server.ts) whose claims are safe on any number of
//   nodes. It runs only when SMTP_URL is set; otherwise emails stay PENDING in the outbox and
//   /admin/outbox shows them.
import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { RefundToIssue } from "../../app/domain/payments/refund-queue.server";
import { REFUND_QUEUE, registerRefundJobSender } from "../../app/domain/payments/refund-queue.server";
import { createMailTransport, startOutboxWorker, type OutboxWorker } from "../../app/domain/notifications/mailer.server";
import { drawEmailDraft } from "../../app/domain/admin/email-drafts.server";

export const SWEEP_QUEUE = "registration-sweep";
export const SWEEP_CRON = "* * * * *";

export interface SweepReport {
  expiredOffers: number;
  expiredHolds: number;
}

/** The minutely sweep; exported so tests (and an operator's script) can run it directly. */
export async function runRegistrationSweep(now: Date = new Date()): Promise<SweepReport> {
  // Imported lazily: the job runner must not pull the registration module into its start-up.
  const { expireStaleHolds, expireStaleOffers } = await import("../../app/domain/registration/waitlist.server");
  const expiredHolds = await expireStaleHolds(now);
  const expiredOffers = await expireStaleOffers(now);
  return { expiredOffers, expiredHolds };
}

export const HOUSEKEEPING_QUEUE = "housekeeping";
export const HOUSEKEEPING_CRON = "17 * * * *";

/** Rate-limit windows are at most an hour; a day's margin keeps every bucket that still counts. */
const RATE_LIMIT_BUCKETS_KEPT_MS = 24 * 60 * 60 * 1000;

export async function runHousekeeping(now: Date = new Date()): Promise<{
  expiredSessions: number;
  staleRateLimitBuckets: number;
  expiredAccountTokens: number;
  prunedEmails: number;
  prunedIdempotencyKeys: number;
  prunedWebhookHistory: { events: number; deliveries: number };
}> {
  const { deleteExpiredSessions } = await import("../../app/domain/accounts/sessions.server");
  const { pruneRateLimitBuckets } = await import("../../app/domain/accounts/rate-limit.server");
  const { pruneAccountTokens } = await import("../../app/domain/kernel/tokens.server");
  const { pruneOutbox } = await import("../../app/domain/notifications/outbox.server");
  const expiredSessions = await deleteExpiredSessions(now);
  const staleRateLimitBuckets = await pruneRateLimitBuckets(new Date(now.getTime() - RATE_LIMIT_BUCKETS_KEPT_MS));
  const expiredAccountTokens = await pruneAccountTokens(new Date(now.getTime() - RATE_LIMIT_BUCKETS_KEPT_MS));
  const prunedEmails = await pruneOutbox(now);
  const { pruneIdempotencyKeys } = await import("../../app/domain/integrations/idempotency.server");
  const prunedIdempotencyKeys = await pruneIdempotencyKeys(new Date(now.getTime() - RATE_LIMIT_BUCKETS_KEPT_MS));
  const { pruneWebhookHistory } = await import("../../app/domain/integrations/deliver.server");
  const prunedWebhookHistory = await pruneWebhookHistory(now);
  return { expiredSessions, staleRateLimitBuckets, expiredAccountTokens, prunedEmails, prunedIdempotencyKeys, prunedWebhookHistory };
}

export const RETENTION_QUEUE = "answer-retention";
export const RETENTION_CRON = "41 3 * * *";

/** The daily retention run; exported so tests (and an operator's script) can run it directly. */
export async function runAnswerRetention(now: Date = new Date()): Promise<{ erasedAnswers: number }> {
  const { eraseExpiredAnswers } = await import("../../app/domain/privacy/retention.server");
  return { erasedAnswers: await eraseExpiredAnswers(now) };
}

export const FEEDBACK_QUEUE = "feedback-invitations";
export const FEEDBACK_CRON = "*/5 * * * *";

/** The feedback-invitation run; exported so tests (and an operator's script) can run it directly. */
export async function runFeedbackInvitations(now: Date = new Date()): Promise<{ invited: number }> {
  const { sendDueSurveyInvites } = await import("../../app/domain/engagement/surveys.server");
  return { invited: await sendDueSurveyInvites(now) };
}

/** One retry of a refund owed after a webhook. */
export async function runRefundJob(refund: RefundToIssue): Promise<void> {
  const { refundRegistration } = await import("../../app/domain/payments/refunds.server");
  await refundRegistration(refund.registrationId, refund.amountCents);
}

export interface JobRunner {
  boss: PgBoss;
  outbox: OutboxWorker | null;
  stop(): Promise<void>;
}

export interface JobOptions {
  databaseUrl: string;
  logger: Logger;
  smtpUrl?: string;
  /** Outbox polling interval; default 5 s. */
  outboxIntervalMs?: number;
  /** pg-boss timing knobs, lowered by tests so a scheduled job runs within seconds. */
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  sweepCron?: string;
  /** How often the webhook fan-out looks for new integration events; default 2 s. */
  webhookFanOutIntervalMs?: number;
}

export const WEBHOOK_RETRY_LIMIT = 8;

export async function startJobs(options: JobOptions): Promise<JobRunner> {
  const { logger } = options;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: "pgboss",
    application_name: "scale-events-jobs",
    max: 4,
    ...(options.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds } : {}),
    ...(options.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds } : {}),
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();

  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;

  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton", expireInSeconds: 5 * 60, retryLimit: 0 });
  await boss.schedule(SWEEP_QUEUE, options.sweepCron ?? SWEEP_CRON, {}, { tz: "UTC" });
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    const report = await runRegistrationSweep(new Date());
    if (report.expiredHolds || report.expiredOffers) logger.info(report, "registration sweep");
    // Roadshow meetings (issue 5): lapsed meeting requests free their slots (SKIP LOCKED, safe on any node).
    const { expireStaleMeetingRequests } = await import("../../app/domain/meetings/expire.server");
    const expiredMeetingRequests = await expireStaleMeetingRequests(new Date());
    if (expiredMeetingRequests) logger.info({ expiredMeetingRequests }, "meeting request sweep");
    // Refunds decided but not yet reported by Stripe (e.g. the process died before asking).
    const { requestOwedRefunds } = await import("../../app/domain/payments/refund-queue.server");
    const owedRefundsRequested = await requestOwedRefunds();
    if (owedRefundsRequested) logger.info({ owedRefundsRequested }, "owed refunds requested again");
    const { requeueStalledDeliveries } = await import("../../app/domain/integrations/deliver.server");
    const requeuedDeliveries = await requeueStalledDeliveries();
    if (requeuedDeliveries) logger.info({ requeuedDeliveries }, "stalled webhook deliveries queued again");
  });

  await boss.createQueue(HOUSEKEEPING_QUEUE, { name: HOUSEKEEPING_QUEUE, policy: "singleton", expireInSeconds: 10 * 60, retryLimit: 0 });
  await boss.schedule(HOUSEKEEPING_QUEUE, HOUSEKEEPING_CRON, {}, { tz: "UTC" });
  await boss.work(HOUSEKEEPING_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    logger.info(await runHousekeeping(new Date()), "housekeeping");
  });

  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: "singleton", expireInSeconds: 10 * 60, retryLimit: 2 });
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: "UTC" });
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    logger.info(await runAnswerRetention(new Date()), "answer retention");
  });

  await boss.createQueue(FEEDBACK_QUEUE, { name: FEEDBACK_QUEUE, policy: "singleton", expireInSeconds: 10 * 60, retryLimit: 2 });
  await boss.schedule(FEEDBACK_QUEUE, FEEDBACK_CRON, {}, { tz: "UTC" });
  await boss.work(FEEDBACK_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    const report = await runFeedbackInvitations(new Date());
    if (report.invited) logger.info(report, "feedback invitations");
  });

  await boss.createQueue(REFUND_QUEUE, { name: REFUND_QUEUE, retryLimit: 12, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 });
  await boss.work<RefundToIssue>(REFUND_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    await runRefundJob(job.data);
    logger.info({ ...job.data }, "refund retried successfully");
  });
  const unregisterRefunds = registerRefundJobSender(async (refund) => {
    await boss.send(REFUND_QUEUE, refund, { singletonKey: `${refund.registrationId}:${refund.amountCents}` });
  });

  const webhooks = await startWebhookDelivery(boss, options, pollingIntervalSeconds);

  let outbox: OutboxWorker | null = null;
  if (options.smtpUrl) {
    outbox = startOutboxWorker({
      transport: createMailTransport(options.smtpUrl),
      intervalMs: options.outboxIntervalMs,
      onError: (error) => logger.error({ err: error }, "outbox pass failed"),
      onPass: (report) => logger.info(report, "outbox pass"),
      drafter: drawEmailDraft,
    });
  } else {
    logger.info("SMTP_URL is not set: emails stay in the outbox (see /admin/outbox)");
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    outbox,
    stop() {
      stopping ??= (async () => {
        unregisterRefunds();
        webhooks.stop();
        await outbox?.stop();
        await boss.stop({ graceful: true, wait: true, timeout: 8_000 });
      })();
      return stopping;
    },
  };
}

/** Webhook deliveries on pg-boss (retries with backoff) and the fan-out loop that feeds them. */
async function startWebhookDelivery(boss: PgBoss, options: JobOptions, pollingIntervalSeconds: number): Promise<{ stop(): void }> {
  const { logger } = options;
  const { WEBHOOK_QUEUE, attemptDelivery, fanOutIntegrationEvents, registerWebhookSender } = await import("../../app/domain/integrations/deliver.server");
  const { env } = await import("../../app/platform/env.server");
  await boss.createQueue(WEBHOOK_QUEUE, {
    name: WEBHOOK_QUEUE,
    retryLimit: WEBHOOK_RETRY_LIMIT,
    retryDelay: env().WEBHOOK_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: 60,
  });
  await boss.work<{ deliveryId: string }>(WEBHOOK_QUEUE, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
    const result = await attemptDelivery(job.data.deliveryId, { final: job.retryCount >= job.retryLimit });
    logger.info({ deliveryId: job.data.deliveryId, result, attempt: job.retryCount + 1 }, "webhook delivery");
  });
  const unregister = registerWebhookSender(async (deliveryId) => {
    await boss.send(WEBHOOK_QUEUE, { deliveryId });
  });
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const created = await fanOutIntegrationEvents();
      if (created.length) logger.info({ deliveries: created.length }, "webhook deliveries queued");
    } catch (error) {
      logger.error({ err: error }, "webhook fan-out failed");
    } finally {
      running = false;
    }
  }, options.webhookFanOutIntervalMs ?? 2_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      unregister();
    },
  };
}
