// Webhook endpoints: organisers register HTTPS receivers for an event or their organisation.
// Addresses are vetted when registered (and again, with DNS, at every delivery: deliver.server.ts)
// so a webhook can never be pointed at the platform's own network (SSRF).
import { lookup } from "node:dns/promises";
import { mayIntegrate, type IntegrationScope } from "~/domain/access/integrations.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { scopeOf } from "./api-tokens.server";
import { newWebhookSecret } from "./signature";
import { isForbiddenAddress } from "./ssrf";
import type { WebhookType } from "./webhook-forms";

export function privateUrlsAllowed(): boolean {
  return env().WEBHOOK_ALLOW_PRIVATE_URLS === "true";
}

const urlError = (message: string) => new DomainError("VALIDATION", message, { fieldErrors: { url: message } });

/**
 * The URL if deliveries may go there: https (http only where private addresses are allowed, i.e.
 * development and tests), no credentials, and every address its host resolves to public.
 * Returns the addresses it vetted, so a delivery connects to exactly those (no DNS rebinding).
 */
export async function vetWebhookUrl(raw: string, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<{ url: URL; addresses: string[] }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlError("Enter a full address, starting with https://.");
  }
  const allowPrivate = privateUrlsAllowed();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) throw urlError("Webhook addresses must start with https://.");
  if (url.username || url.password) throw urlError("Leave user names and passwords out of the address; deliveries are signed instead.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw urlError(`The host ${host} could not be found.`);
  }
  if (addresses.length === 0) throw urlError(`The host ${host} could not be found.`);
  if (!allowPrivate && addresses.some(isForbiddenAddress))
    throw urlError("This address points into a private or local network; webhooks must reach a public server.");
  return { url, addresses };
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
}

export async function createWebhookEndpoint(
  actor: Actor,
  input: { url: string; types: WebhookType[]; scope: IntegrationScope },
): Promise<{ id: string; secret: string }> {
  if (!(await mayIntegrate(actor, input.scope))) throw new DomainError("FORBIDDEN", "You may not add webhooks for this scope.");
  const { url } = await vetWebhookUrl(input.url);
  const secret = newWebhookSecret();
  const row = await db().webhookEndpoint.create({
    data: {
      url: url.toString(),
      secret,
      types: [...new Set(input.types)],
      eventId: input.scope.eventId,
      organisationId: input.scope.organisationId,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { id: row.id, secret };
}

function eventOrOrganisation(event: { id: string; organisationId: string | null }) {
  return { OR: [{ eventId: event.id }, ...(event.organisationId ? [{ organisationId: event.organisationId }] : [])] };
}

/** Endpoints of the event and its organisation, with their latest deliveries (never the secret). */
export async function listWebhookEndpoints(event: { id: string; organisationId: string | null }) {
  return db().webhookEndpoint.findMany({
    where: eventOrOrganisation(event),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      url: true,
      types: true,
      eventId: true,
      organisationId: true,
      disabledAt: true,
      consecutiveFailures: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 10,
        select: {
          id: true,
          type: true,
          status: true,
          attempts: true,
          createdAt: true,
          log: { orderBy: { at: "desc" }, take: 1, select: { at: true, responseCode: true, durationMs: true, ok: true, response: true } },
        },
      },
    },
  });
}

/** An endpoint of the event or its organisation that `actor` may change. */
export async function endpointFor(actor: Actor, endpointId: string, event: { id: string; organisationId: string | null }) {
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { id: endpointId, ...eventOrOrganisation(event) },
    select: { id: true, eventId: true, organisationId: true },
  });
  if (!endpoint) throw new DomainError("NOT_FOUND", "This webhook endpoint does not exist.");
  if (!(await mayIntegrate(actor, scopeOf(endpoint)))) throw new DomainError("FORBIDDEN", "Only the organisation's admins can change its webhooks.");
  return endpoint;
}

export async function deleteWebhookEndpoint(actor: Actor, endpointId: string, event: { id: string; organisationId: string | null }): Promise<void> {
  const endpoint = await endpointFor(actor, endpointId, event);
  await db().webhookEndpoint.delete({ where: { id: endpoint.id } });
}

/** Turns a disabled endpoint on again, with a clean failure count. */
export async function enableWebhookEndpoint(actor: Actor, endpointId: string, event: { id: string; organisationId: string | null }): Promise<void> {
  const endpoint = await endpointFor(actor, endpointId, event);
  await db().webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: null, consecutiveFailures: 0 } });
}
