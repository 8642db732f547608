// The outbox sender: takes due emails from the durable outbox and hands them to SMTP.
//
// Claiming is a lease, taken with one statement that is safe with any number of workers on any
// number of nodes:
//
//   UPDATE "OutboxEmail" SET "nextAttemptAt" = <lease end>
//   WHERE id IN (SELECT id … WHERE status = 'PENDING' AND "nextAttemptAt" <= now
//                ORDER BY "nextAttemptAt" LIMIT n FOR UPDATE SKIP LOCKED)
//   RETURNING …
//
// SKIP LOCKED lets concurrent claimers pass over each other's rows instead of waiting, and the
// lease (nextAttemptAt moved past the SMTP timeouts) keeps a claimed email out of every other
// claim after the statement commits, without holding a transaction open during the SMTP
// conversation. The lease end doubles as a claim token: the result is written only
// `WHERE "nextAttemptAt" = <lease end>`, so an email re-queued meanwhile under the same dedupe key
// (new content) is not marked sent with the old content. A worker that dies mid-send leaves the
// email to be retried when its lease runs out: delivery is at least once, never lost; the
// Message-ID is stable per outbox row so receiving servers can spot the rare duplicate.
//
// Failures: a temporary one (connection refused, 4xx) counts an attempt, records lastError and
// waits per backoff.ts; a permanent rejection (5xx, e.g. unknown mailbox) or the last allowed
// attempt marks the email FAILED for an admin to look at on /admin/outbox.
import nodemailer, { type Transporter } from "nodemailer";
import { nextAttemptAt } from "~/domain/notifications/backoff";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import { env, publicUrl } from "~/platform/env.server";
import { attachmentBytes, attachmentsOf } from "./attachments";
import { draftOf, type EmailDrafter } from "./drafts";

/** Longer than every SMTP timeout below together, so a live send never loses its lease. */
export const CLAIM_LEASE_MS = 3 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attachments: unknown;
  /** Extra headers, e.g. List-Unsubscribe (a JSON object of strings). */
  headers?: unknown;
  /** Set while the email is still to be drawn (drafts.ts). */
  draft?: unknown;
  attempts: number;
  /** The claim token (the lease end written by the claim). */
  leaseUntil: Date;
}

export interface SendReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Rows whose result was not written because they changed during the send. */
  superseded: number;
  /** Drafts with nothing to send any more (their registration was cancelled or erased): deleted. */
  withdrawn: number;
}

export type MailTransport = Pick<Transporter, "sendMail"> & { close?: () => void };

export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
}

/** Claims up to `limit` due emails for this worker (see the top of the file). */
export async function claimDueEmails(limit: number, now: Date = new Date()): Promise<ClaimedEmail[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db().$queryRaw<Omit<ClaimedEmail, "leaseUntil">[]>`
    UPDATE "OutboxEmail" AS o SET "nextAttemptAt" = ${leaseUntil}
    WHERE o."id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o."id", o."toAddress", o."subject", o."textBody", o."htmlBody", o."attachments", o."headers", o."draft", o."attempts"`;
  return rows.map((row) => ({ ...row, leaseUntil }));
}

/** Only string values under header-safe names (no CR/LF), so a stored row cannot inject headers. */
function extraHeadersOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(([name, text]) => /^[A-Za-z][A-Za-z0-9-]{0,63}$/.test(name) && typeof text === "string" && !/[\r\n]/.test(text)),
  );
}

function messageIdFor(emailId: string): string {
  let host = "scale-events.local";
  try {
    host = new URL(publicUrl()).hostname || host;
  } catch {
    // keep the default
  }
  return `<outbox-${emailId}@${host}>`;
}

/** 5xx SMTP replies are permanent: retrying an unknown mailbox only delays the admin's look. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

async function deliver(transport: MailTransport, email: ClaimedEmail, from: string): Promise<void> {
  await transport.sendMail({
    from,
    to: email.toAddress,
    subject: email.subject,
    text: email.textBody,
    html: email.htmlBody ?? undefined,
    messageId: messageIdFor(email.id),
    headers: { ...extraHeadersOf(email.headers), "X-Outbox-Id": email.id },
    attachments: attachmentsOf(email.attachments).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachmentBytes(attachment),
    })),
  });
}

/**
 * Draws a claimed draft (drafts.ts) and stores what was drawn on its row, so that retries send
 * the same email and the admin outbox shows it; only while this worker's claim stands.
 * A drafter's failure (or a missing drafter) counts as a failed attempt, like an SMTP failure.
 */
async function drawClaimed(email: ClaimedEmail, drafter: EmailDrafter | undefined): Promise<ClaimedEmail | "withdrawn" | "superseded"> {
  const draft = draftOf(email.draft);
  if (!draft) return email;
  if (!drafter) throw new Error(`This process cannot draw "${draft.kind}" emails (no drafter given to the mail worker).`);
  const drawn = await drafter(draft);
  const claim = { id: email.id, status: "PENDING" as const, nextAttemptAt: email.leaseUntil };
  if (!drawn) {
    const withdrawn = await db().outboxEmail.deleteMany({ where: claim });
    return withdrawn.count === 1 ? "withdrawn" : "superseded";
  }
  const content = {
    subject: drawn.subject,
    textBody: drawn.text,
    htmlBody: drawn.html ?? null,
    attachments: (drawn.attachments ?? []) as unknown as object,
    headers: drawn.headers ?? {},
  };
  const written = await db().outboxEmail.updateMany({ where: claim, data: { ...content, draft: Prisma.DbNull } });
  if (written.count !== 1) return "superseded";
  return { ...email, ...content, draft: null };
}

/** Records the outcome of one attempt, only if this worker's claim still stands. */
async function recordOutcome(
  email: ClaimedEmail,
  error: unknown | null,
  now: Date,
  random: () => number,
): Promise<"sent" | "retrying" | "failed" | "superseded"> {
  let outcome: "sent" | "retrying" | "failed";
  let data: Record<string, unknown>;
  if (error === null) {
    outcome = "sent";
    data = { status: "SENT", sentAt: now, lastError: null };
  } else {
    const attempts = email.attempts + 1;
    const retryAt = isPermanentSmtpFailure(error) ? null : nextAttemptAt(now, attempts, random);
    outcome = retryAt ? "retrying" : "failed";
    data = { attempts, lastError: describeError(error), ...(retryAt ? { nextAttemptAt: retryAt } : { status: "FAILED" }) };
  }
  const written = await db().outboxEmail.updateMany({ where: { id: email.id, status: "PENDING", nextAttemptAt: email.leaseUntil }, data });
  return written.count === 1 ? outcome : "superseded";
}

/**
 * One pass of the worker: claim due emails, send them one by one, record each outcome.
 * Returns what happened; `claimed === limit` means there may be more waiting.
 */
export async function sendDueEmails(
  transport: MailTransport,
  options: { limit?: number; now?: () => Date; random?: () => number; from?: string; drafter?: EmailDrafter } = {},
): Promise<SendReport> {
  const now = options.now ?? (() => new Date());
  const from = options.from ?? env().MAIL_FROM;
  const report: SendReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, superseded: 0, withdrawn: 0 };
  const claimed = await claimDueEmails(options.limit ?? 20, now());
  report.claimed = claimed.length;
  for (const email of claimed) {
    let error: unknown | null = null;
    try {
      const drawn = await drawClaimed(email, options.drafter);
      if (typeof drawn === "string") {
        report[drawn] += 1;
        continue;
      }
      await deliver(transport, drawn, from);
    } catch (caught) {
      error = caught ?? new Error("unknown SMTP failure");
    }
    report[await recordOutcome(email, error, now(), options.random ?? Math.random)] += 1;
  }
  return report;
}

export interface OutboxWorker {
  /** Runs a pass now instead of waiting for the next tick (e.g. after queuing an email). */
  wake(): void;
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * The polling loop. Several nodes may each run one: claims never overlap. Passes run back to
 * back while full batches keep coming, then every `intervalMs`.
 */
export function startOutboxWorker(options: {
  transport: MailTransport;
  intervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  onPass?: (report: SendReport) => void;
  /** Draws the drafts queued by the capabilities above this one (drafts.ts). */
  drafter?: EmailDrafter;
}): OutboxWorker {
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
  };

  const tick = async () => {
    if (stopped || running) return;
    let full = false;
    running = (async () => {
      try {
        const report = await sendDueEmails(options.transport, { limit: batchSize, drafter: options.drafter });
        if (report.claimed > 0) options.onPass?.(report);
        full = report.claimed === batchSize;
      } catch (error) {
        options.onError?.(error);
      }
    })();
    await running;
    running = undefined;
    schedule(full ? 0 : intervalMs);
  };

  schedule(0);
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      options.transport.close?.();
    },
  };
}
