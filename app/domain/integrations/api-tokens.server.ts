// Organiser API tokens: long-lived and multi-use, so they get their own table (AccountToken's
// tokens are single use), but they are made and stored the same way (kernel/tokens.server): 256
// random bits shown once, only the SHA-256 kept, compared in constant time after the lookup.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { mayIntegrate, tokenActor, type IntegrationScope } from "~/domain/access/integrations.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { hashToken, TOKEN_BYTES } from "~/domain/kernel/tokens.server";
import type { ApiAccess } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";

/** Tokens start with this, so secret scanners (and people) recognise a leaked one. */
export const API_TOKEN_PREFIX = "scale_";
const API_TOKEN_SHAPE = /^scale_[A-Za-z0-9_-]{43}$/;

export interface ApiPrincipal {
  tokenId: string;
  access: ApiAccess;
  scope: IntegrationScope;
  /** The organiser the token acts for. */
  actor: Actor;
}

export interface ScopeChoice {
  scope: IntegrationScope;
  label: string;
}

/** Creates a token; the plain token is returned once and never stored. */
export async function createApiToken(
  actor: Actor,
  input: { name: string; access: ApiAccess; scope: IntegrationScope },
): Promise<{ id: string; token: string }> {
  if (!(await mayIntegrate(actor, input.scope))) throw new DomainError("FORBIDDEN", "You may not create tokens for this scope.");
  const token = API_TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString("base64url");
  const row = await db().apiToken.create({
    data: {
      name: input.name,
      access: input.access,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 4),
      eventId: input.scope.eventId,
      organisationId: input.scope.organisationId,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Tokens of the event and of its organisation, for the organiser page (never the secret). */
export async function listApiTokens(event: { id: string; organisationId: string | null }) {
  return db().apiToken.findMany({
    where: { OR: [{ eventId: event.id }, ...(event.organisationId ? [{ organisationId: event.organisationId }] : [])] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true, prefix: true, access: true, eventId: true, organisationId: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiToken(actor: Actor, tokenId: string, event: { id: string; organisationId: string | null }): Promise<void> {
  const token = await db().apiToken.findFirst({
    where: { id: tokenId, OR: [{ eventId: event.id }, ...(event.organisationId ? [{ organisationId: event.organisationId }] : [])] },
    select: { id: true, eventId: true, organisationId: true },
  });
  if (!token) throw new DomainError("NOT_FOUND", "This token does not exist.");
  if (!(await mayIntegrate(actor, scopeOf(token)))) throw new DomainError("FORBIDDEN", "Only the organisation's admins can revoke its tokens.");
  await db().apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
}

export function scopeOf(row: { eventId: string | null; organisationId: string | null }): IntegrationScope {
  return row.eventId ? { eventId: row.eventId, organisationId: null } : { eventId: null, organisationId: row.organisationId as string };
}

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The principal behind `Authorization: Bearer <token>`: UNAUTHENTICATED for a malformed, unknown
 * or revoked token, or one whose creator no longer may use it. Counts one hit against the
 * token's rate limit, and notes when it was last used (at most once a minute, one UPDATE).
 */
export async function authenticateApiToken(token: string, limitPerMinute: number, now = new Date()): Promise<ApiPrincipal> {
  const refused = new DomainError("UNAUTHENTICATED", "This API token is not valid (unknown, revoked, or its organiser no longer manages its scope).");
  if (!API_TOKEN_SHAPE.test(token)) throw refused;
  const tokenHash = hashToken(token);
  const row = await db().apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, tokenHash: true, access: true, eventId: true, organisationId: true, createdById: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt || !sameHash(row.tokenHash, tokenHash)) throw refused;
  const scope = scopeOf(row);
  const actor = await tokenActor(row.createdById, scope);
  if (!actor) throw refused;
  await hitRateLimit({ key: `api:token:${row.id}`, limit: limitPerMinute, windowSeconds: 60 }, now);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, access: row.access, scope, actor };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
