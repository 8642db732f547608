// The organiser's "API & webhooks" page of one event: its tokens and webhook endpoints and those
// of its organisation, the embed snippet, and the page's actions. Managing the event is required
// to see the page; organisation-wide tokens and webhooks also need an ADMIN membership.
import { requireManagedEvent } from "~/domain/access/events.server";
import { mayAdministerOrganisation, type IntegrationScope } from "~/domain/access/integrations.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.server";
import { replayDelivery } from "./deliver.server";
import { embedSnippet } from "./embed.server";
import type { ApiPageForm } from "./webhook-forms";
import { createWebhookEndpoint, deleteWebhookEndpoint, enableWebhookEndpoint, listWebhookEndpoints } from "./webhooks.server";

async function pageEvent(actor: Actor, slug: string) {
  const managed = await requireManagedEvent(actor, slug);
  const row = await db().event.findUniqueOrThrow({
    where: { id: managed.id },
    select: { organisationId: true, kind: true, themes: true, organisation: { select: { name: true } } },
  });
  return { ...managed, organisationId: row.organisationId, organisationName: row.organisation?.name ?? null, kind: row.kind, themes: row.themes };
}

export async function loadApiPage(actor: Actor, slug: string) {
  const event = await pageEvent(actor, slug);
  const [tokens, endpoints, organisationAdmin] = await Promise.all([
    listApiTokens(event),
    listWebhookEndpoints(event),
    event.organisationId ? mayAdministerOrganisation(actor, event.organisationId) : Promise.resolve(false),
  ]);
  // Organisation-wide tokens and endpoints (whose deliveries speak of the organisation's other
  // events) are shown only to the organisation's admins.
  const visible = <Row extends { eventId: string | null }>(rows: Row[]) => (organisationAdmin ? rows : rows.filter((row) => row.eventId === event.id));
  return {
    event: { slug: event.slug, title: event.title, timeZone: event.timeZone, organisationName: event.organisationName },
    organisationAdmin,
    tokens: visible(tokens),
    endpoints: visible(endpoints),
    snippet: embedSnippet({ kind: event.kind, theme: event.themes[0] }),
  };
}

function scopeFor(event: { id: string; organisationId: string | null }, choice: "event" | "organisation"): IntegrationScope {
  if (choice === "event") return { eventId: event.id, organisationId: null };
  if (!event.organisationId)
    throw new DomainError("VALIDATION", "This event belongs to no organisation.", { fieldErrors: { scope: "This event belongs to no organisation." } });
  return { eventId: null, organisationId: event.organisationId };
}

export type ApiPageOutcome = { done: string; token?: string; secret?: string };

/** Runs one intent of the page; a new token or webhook secret is returned once, never stored. */
export async function runApiPageIntent(actor: Actor, slug: string, form: ApiPageForm): Promise<ApiPageOutcome> {
  const event = await pageEvent(actor, slug);
  switch (form.intent) {
    case "create-token": {
      const { token } = await createApiToken(actor, { name: form.name, access: form.access, scope: scopeFor(event, form.scope) });
      return { done: "token-created", token };
    }
    case "revoke-token":
      await revokeApiToken(actor, form.tokenId, event);
      return { done: "token-revoked" };
    case "create-webhook": {
      const { secret } = await createWebhookEndpoint(actor, { url: form.url, types: form.types, scope: scopeFor(event, form.scope) });
      return { done: "webhook-created", secret };
    }
    case "delete-webhook":
      await deleteWebhookEndpoint(actor, form.endpointId, event);
      return { done: "webhook-deleted" };
    case "enable-webhook":
      await enableWebhookEndpoint(actor, form.endpointId, event);
      return { done: "webhook-enabled" };
    case "replay":
      await replayDelivery(actor, form.deliveryId, event);
      return { done: "replayed" };
  }
}
