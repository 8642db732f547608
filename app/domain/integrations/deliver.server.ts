// Webhook deliveries. Triggers write an IntegrationEvent in the same transaction as each change
// (see the migration "integrations"); the job runner fans each one out to the endpoints that
// asked for its type (one WebhookDelivery each) and queues one job per delivery on pg-boss, which
// retries a failed attempt with exponential backoff. Every attempt is logged; an endpoint that
// fails WEBHOOK_DISABLE_AFTER times in a row is disabled and its creator is emailed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Actor } from "~/domain/access/permissions";
import { webhookDisabledEmail } from "~/domain/notifications/emails/integrations";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { DomainError } from "~/domain/kernel/errors";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import { env, publicUrl } from "~/platform/env.server";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";
import { isForbiddenAddress } from "./ssrf";
import { endpointFor, privateUrlsAllowed } from "./webhooks.server";

export const WEBHOOK_QUEUE = "webhook-delivery";
export const WEBHOOK_TIMEOUT_MS = 10_000;
const RESPONSE_KEPT = 500;

type DeliverySender = (deliveryId: string) => Promise<void>;
const SENDERS = Symbol.for("scale-events.webhook-senders");
function senders(): DeliverySender[] {
  const holder = globalThis as typeof globalThis & { [SENDERS]?: DeliverySender[] };
  return (holder[SENDERS] ??= []);
}

/** server/jobs registers how a delivery is queued; returns how to withdraw exactly that sender. */
export function registerWebhookSender(sender: DeliverySender): () => void {
  senders().push(sender);
  return () => {
    const list = senders();
    const index = list.lastIndexOf(sender);
    if (index >= 0) list.splice(index, 1);
  };
}

async function queue(deliveryIds: string[]): Promise<void> {
  const sender = senders().at(-1);
  // Without a runner the deliveries stay PENDING; requeueStalledDeliveries picks them up later.
  if (!sender) return;
  for (const id of deliveryIds) await sender(id);
}

/**
 * Turns pending IntegrationEvents into deliveries, oldest first, for the endpoints that existed
 * when the change happened (a new endpoint does not receive the past). Rows are claimed with SKIP
 * LOCKED, so any number of nodes can run this at once without fanning an event out twice.
 */
export async function fanOutIntegrationEvents(limit = 100): Promise<string[]> {
  const created = await db().$transaction(async (tx) => {
    const events = await tx.$queryRaw<{ id: bigint; type: string; eventId: string; data: Prisma.JsonValue; createdAt: Date }[]>`
      SELECT "id", "type", "eventId", "data", "createdAt" FROM "IntegrationEvent"
      WHERE "fannedOutAt" IS NULL ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    if (events.length === 0) return [];
    const ids: string[] = [];
    for (const event of events) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "WebhookDelivery" ("endpointId", "integrationEventId", "type", "payload")
        SELECT w."id", ${event.id}, ${event.type},
               jsonb_build_object('id', 'evt_' || ${event.id}::text, 'type', ${event.type}::text, 'createdAt', ${event.createdAt.toISOString()}::text, 'data', ${JSON.stringify(event.data)}::jsonb)
        FROM "WebhookEndpoint" w
        WHERE w."disabledAt" IS NULL AND ${event.type} = ANY(w."types") AND w."createdAt" <= ${event.createdAt}
          AND (w."eventId" = ${event.eventId}::uuid
               OR w."organisationId" = (SELECT "organisationId" FROM "Event" WHERE "id" = ${event.eventId}::uuid))
        RETURNING "id"`;
      ids.push(...rows.map((row) => row.id));
    }
    await tx.$executeRaw`UPDATE "IntegrationEvent" SET "fannedOutAt" = now() WHERE "id" = ANY(${events.map((e) => e.id)}::bigint[])`;
    return ids;
  });
  await queue(created);
  return created;
}

/** Deliveries whose job was lost (the process died between fan-out and queueing): queued again. */
export async function requeueStalledDeliveries(olderThanMs = 5 * 60_000, now = new Date()): Promise<number> {
  const rows = await db().webhookDelivery.findMany({
    where: { status: "PENDING", attempts: 0, createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    select: { id: true },
    take: 500,
  });
  await queue(rows.map((row) => row.id));
  return rows.length;
}

interface AttemptOutcome {
  ok: boolean;
  responseCode: number | null;
  response: string;
}

/** A lookup that hands the socket only addresses it has vetted: DNS is checked when connecting. */
function vettedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const addresses = allowPrivate ? found : found.filter((entry) => !isForbiddenAddress(entry.address));
      if (addresses.length === 0 || addresses.length !== found.length) {
        const refused = Object.assign(new Error(`refused: ${hostname} resolves to a private or local address`), { code: "ESSRF" });
        return callback(refused, "", 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function post(url: URL, body: string, headers: Record<string, string>): Promise<AttemptOutcome> {
  const allowPrivate = privateUrlsAllowed();
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && /^[\d.]+$|:/.test(literal) && isForbiddenAddress(literal))
    return Promise.resolve({ ok: false, responseCode: null, response: `refused: ${literal} is a private or local address` });
  const client = url.protocol === "https:" ? https : url.protocol === "http:" && allowPrivate ? http : null;
  if (!client) return Promise.resolve({ ok: false, responseCode: null, response: "refused: only https:// addresses receive webhooks" });
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": Buffer.byteLength(body).toString() },
        lookup: vettedLookup(allowPrivate),
        timeout: WEBHOOK_TIMEOUT_MS,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < RESPONSE_KEPT) text += chunk;
        });
        response.on("end", () => {
          const code = response.statusCode ?? 0;
          resolve({ ok: code >= 200 && code < 300, responseCode: code, response: text.slice(0, RESPONSE_KEPT) });
        });
        response.on("error", (error) => resolve({ ok: false, responseCode: response.statusCode ?? null, response: error.message.slice(0, RESPONSE_KEPT) }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => resolve({ ok: false, responseCode: null, response: error.message.slice(0, RESPONSE_KEPT) }));
    request.end(body);
  });
}

export type DeliveryResult = "delivered" | "failed" | "skipped";

/**
 * One attempt of one delivery: sign, send, log. Throws after a failed attempt so the job queue
 * retries it with backoff; `final` marks the delivery FAILED instead (the last retry).
 */
export async function attemptDelivery(deliveryId: string, options: { final?: boolean } = {}): Promise<DeliveryResult> {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true,
      type: true,
      status: true,
      payload: true,
      endpoint: { select: { id: true, url: true, secret: true, disabledAt: true, createdById: true } },
    },
  });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  if (delivery.endpoint.disabledAt) {
    await db().webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED" } });
    return "skipped";
  }
  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  const outcome = await post(new URL(delivery.endpoint.url), body, {
    "Content-Type": "application/json",
    "User-Agent": "SCALE-Events-Webhooks/1.0",
    [SIGNATURE_HEADER]: signatureHeader(delivery.endpoint.secret, body),
    "Scale-Event": delivery.type,
    "Scale-Delivery": delivery.id,
  });
  const durationMs = Date.now() - started;
  await db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: { deliveryId: delivery.id, responseCode: outcome.responseCode, durationMs, ok: outcome.ok, response: outcome.response },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { attempts: { increment: 1 }, lastAttemptAt: new Date(), status: outcome.ok ? "SUCCEEDED" : options.final ? "FAILED" : "PENDING" },
    });
    if (outcome.ok) {
      await tx.webhookEndpoint.update({ where: { id: delivery.endpoint.id }, data: { consecutiveFailures: 0 } });
      return;
    }
    const limit = env().WEBHOOK_DISABLE_AFTER;
    const [endpoint] = await tx.$queryRaw<{ consecutiveFailures: number; disabled: boolean }[]>`
      UPDATE "WebhookEndpoint" SET "consecutiveFailures" = "consecutiveFailures" + 1,
        "disabledAt" = CASE WHEN "consecutiveFailures" + 1 >= ${limit} AND "disabledAt" IS NULL THEN now() ELSE "disabledAt" END
      WHERE "id" = ${delivery.endpoint.id}::uuid
      RETURNING "consecutiveFailures", ("consecutiveFailures" = ${limit}) AS "disabled"`;
    if (endpoint?.disabled) await tellDisabled(tx, delivery.endpoint, endpoint.consecutiveFailures, outcome);
  });
  if (outcome.ok) return "delivered";
  if (!options.final) throw new Error(`webhook delivery ${delivery.id} failed: ${outcome.responseCode ?? outcome.response}`);
  return "failed";
}

async function tellDisabled(
  tx: Prisma.TransactionClient,
  endpoint: { id: string; url: string; createdById: string | null },
  failures: number,
  outcome: AttemptOutcome,
): Promise<void> {
  const owner = endpoint.createdById ? await tx.user.findFirst({ where: { id: endpoint.createdById, deletedAt: null }, select: { email: true } }) : null;
  if (!owner) return;
  const scope = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id }, select: { eventId: true } });
  const event = scope.eventId ? await tx.event.findUnique({ where: { id: scope.eventId }, select: { slug: true } }) : null;
  const pageUrl = event ? `${publicUrl()}/organise/events/${event.slug}/api` : `${publicUrl()}/organise`;
  const content = webhookDisabledEmail({
    url: endpoint.url,
    failures,
    lastProblem: outcome.responseCode ? `HTTP ${outcome.responseCode}` : outcome.response,
    pageUrl,
  });
  await enqueueEmail(tx, { to: owner.email, ...content, dedupeKey: `webhook-disabled:${endpoint.id}:${Date.now()}` });
}

/** The organiser replays a delivery: a new delivery of the same payload, queued now. */
export async function replayDelivery(actor: Actor, deliveryId: string, event: { id: string; organisationId: string | null }): Promise<string> {
  const original = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { endpointId: true, integrationEventId: true, type: true, payload: true },
  });
  if (!original) throw new DomainError("NOT_FOUND", "This delivery does not exist.");
  await endpointFor(actor, original.endpointId, event);
  const copy = await db().webhookDelivery.create({
    data: {
      endpointId: original.endpointId,
      integrationEventId: original.integrationEventId,
      type: original.type,
      payload: original.payload as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await queue([copy.id]);
  return copy.id;
}

/** Housekeeping: fanned-out events after 30 days, deliveries (and their attempts) after 90. */
export async function pruneWebhookHistory(now = new Date()): Promise<{ events: number; deliveries: number }> {
  const day = 86_400_000;
  const { count: deliveries } = await db().webhookDelivery.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 90 * day) } } });
  const { count: events } = await db().integrationEvent.deleteMany({ where: { fannedOutAt: { lt: new Date(now.getTime() - 30 * day) } } });
  return { events, deliveries };
}
