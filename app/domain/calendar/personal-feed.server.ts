// Personal feed tokens and serving the personal feed fast.
//
// Tokens: only the SHA-256 is stored (feed-token.ts), so the plain link exists only in the
// response that created it. The account page therefore shows the link once, right after it
// is created or regenerated, and otherwise offers "Regenerate" (which revokes every older
// link). No encrypted copy is kept: nothing in the database can be turned back into a link.
//
// Speed: calendar apps poll every feed URL again and again, and most polls find nothing new.
// One prepared query checks the token and computes a cheap fingerprint (counts and latest
// updatedAt of every row the feed is built from); when it matches the cached copy the
// rendered body and its ETag are served without loading or rendering anything.
// Faster still, once that query has confirmed a cached copy it is served with no query at all
// until the database announces a change that may touch it (app/platform/changes.server.ts:
// the person's own rows, or any event, session or name change) — a poll that finds nothing new
// costs a map lookup (README "Speed").
import { changeFeedGeneration, changeSequence, onDataChange } from "~/platform/changes.server";
import { db, preparedQuery, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from "./links";
import { generateFeedToken, hashFeedToken, isWellFormedFeedToken } from "./feed-token";
import { renderPersonalFeed, type CalendarDocument } from "./feeds.server";

export interface FeedTokenStatus {
  active: boolean;
  createdAt: Date | null;
  lastUsedAt: Date | null;
}

export type GetOrCreateFeedTokenResult = { created: true; token: string; createdAt: Date } | { created: false; createdAt: Date; lastUsedAt: Date | null };

/** The URL path of a personal feed (token inside; never log it). */
export function personalFeedPath(token: string): string {
  return `/feeds/${token}.ics`;
}

export interface PersonalFeedLinks {
  feedUrl: string;
  webcalUrl: string;
  googleSubscribeUrl: string;
  outlookSubscribeUrl: string;
}

/** Every way to subscribe to the feed behind `token`; only ever built right after the token is made. */
export function personalFeedLinks(token: string): PersonalFeedLinks {
  const feedUrl = `${publicUrl()}${personalFeedPath(token)}`;
  return {
    feedUrl,
    webcalUrl: webcalUrl(feedUrl),
    googleSubscribeUrl: googleSubscribeUrl(feedUrl),
    outlookSubscribeUrl: outlookSubscribeUrl(feedUrl, "SCALE Events"),
  };
}

export async function feedTokenStatus(userId: string): Promise<FeedTokenStatus> {
  const active = await db().calendarFeedToken.findFirst({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, lastUsedAt: true },
  });
  return { active: Boolean(active), createdAt: active?.createdAt ?? null, lastUsedAt: active?.lastUsedAt ?? null };
}

/** Serialises token changes of one user (row lock on the user), so two clicks never leave two live links. */
async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/**
 * Creates the user's feed link if they have none. When one exists its plain token cannot be
 * recovered (only the hash is stored): the caller gets `created: false` and should offer
 * regenerateFeedToken instead.
 */
export async function getOrCreateFeedToken(userId: string): Promise<GetOrCreateFeedTokenResult> {
  return db().$transaction(async (tx) => {
    await lockUser(tx, userId);
    const existing = await tx.calendarFeedToken.findFirst({
      where: { userId, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, lastUsedAt: true },
    });
    if (existing) return { created: false, createdAt: existing.createdAt, lastUsedAt: existing.lastUsedAt };
    const { token, tokenHash } = generateFeedToken();
    const row = await tx.calendarFeedToken.create({ data: { userId, tokenHash }, select: { createdAt: true } });
    return { created: true, token, createdAt: row.createdAt };
  });
}

/** Revokes every live link of the user and creates a new one; the old URLs answer 404 from now on. */
export async function regenerateFeedToken(userId: string): Promise<{ token: string; createdAt: Date; revoked: number }> {
  return db().$transaction(async (tx) => {
    await lockUser(tx, userId);
    const now = new Date();
    const { count } = await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const { token, tokenHash } = generateFeedToken();
    const row = await tx.calendarFeedToken.create({ data: { userId, tokenHash }, select: { createdAt: true } });
    return { token, createdAt: row.createdAt, revoked: count };
  });
}

// ───────────────────────────── serving ─────────────────────────────

interface FeedLookup {
  tokenId: string;
  userId: string;
  lastUsedAt: Date | null;
  fingerprint: string;
}

/**
 * The live token by its hash, and a fingerprint of everything the user's feed is built from:
 * per kind of item, the number of rows and the latest updatedAt over the item's row and the
 * rows it shows (event, session, other participant, stop). Any insert, update or delete of
 * those rows changes a count or a latest updatedAt (Prisma's @updatedAt moves on every
 * update), so an equal fingerprint means equal data — except for rows without updatedAt
 * (room, track, speaker, meeting point names), whose edits show once the cached copy reaches
 * FEED_CACHE_MAX_AGE_MS.
 */
const LOOKUP_SQL = `
SELECT t.id AS "tokenId", t."userId"::text AS "userId", t."lastUsedAt" AS "lastUsedAt",
  concat_ws('|', u."updatedAt",
    (SELECT count(*) || ':' || coalesce(max(greatest(r."updatedAt", e."updatedAt"))::text, '')
       FROM "Registration" r JOIN "Event" e ON e.id = r."eventId"
      WHERE r."userId" = t."userId"),
    (SELECT count(*) || ':' || coalesce(max(greatest(p."createdAt", s."updatedAt", e."updatedAt"))::text, '')
       FROM "AgendaPick" p JOIN "AgendaSession" s ON s.id = p."sessionId" JOIN "Event" e ON e.id = s."eventId"
      WHERE p."userId" = t."userId"),
    (SELECT count(*) || ':' || coalesce(sum(x."removals"), 0) || ':' || coalesce(max(x."removedAt")::text, '')
       FROM "AgendaPickRemoval" x WHERE x."userId" = t."userId"),
    (SELECT count(*) || ':' || coalesce(max(greatest(m."updatedAt", e."updatedAt", h."updatedAt", g."updatedAt", st."updatedAt"))::text, '')
       FROM "Meeting" m JOIN "Event" e ON e.id = m."eventId"
       JOIN "User" h ON h.id = m."hostId" JOIN "User" g ON g.id = m."guestId"
       LEFT JOIN "RoadshowStop" st ON st.id = m."stopId"
      WHERE m."hostId" = t."userId" OR m."guestId" = t."userId")
  ) AS fingerprint
FROM "CalendarFeedToken" t JOIN "User" u ON u.id = t."userId"
WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL`;

async function lookupFeed(tokenHash: string): Promise<FeedLookup | null> {
  // Every calendar poll runs this one query: a prepared statement (preparedQuery says why).
  const [row] = await preparedQuery<FeedLookup>(LOOKUP_SQL, [tokenHash]);
  return row ?? null;
}

/**
 * How long a cached feed may be reused while its fingerprint matches. Bounds staleness for
 * what the fingerprint cannot see: renamed rooms/tracks/meeting points/speakers, and items
 * aging out of the retention or history windows.
 */
export const FEED_CACHE_MAX_AGE_MS = 60_000;
/** Memory bound of the cache (UTF-16 string sizes): a 300-item feed is ~130 K characters. */
const FEED_CACHE_MAX_CHARS = 32 * 1024 * 1024;
/** lastUsedAt is bookkeeping: write it at most this often per token, not on every poll. */
const LAST_USED_WRITE_INTERVAL_MS = 60 * 60_000;

interface CachedFeed {
  fingerprint: string;
  document: CalendarDocument;
  expiresAt: number;
  userId: string;
  tokenId: string;
  lastUsedAt: Date | null;
  /** The change-feed generation in which the lookup query last confirmed this copy; null once a change may touch it. */
  verified: number | null;
}

// Keyed by token hash (never the token); Map order doubles as least-recently-refreshed order.
const feedCache = new Map<string, CachedFeed>();
let cachedChars = 0;

function cacheDelete(key: string): void {
  const entry = feedCache.get(key);
  if (!entry) return;
  cachedChars -= entry.document.body.length;
  feedCache.delete(key);
}
/** Renders in flight, so a burst of polls for the same changed feed renders it once. */
const rendering = new Map<string, Promise<CalendarDocument>>();

export interface PersonalFeedStats {
  hits: number;
  renders: number;
  /** Served from memory without any query. */
  memoryHits: number;
}
const stats: PersonalFeedStats = { hits: 0, renders: 0, memoryHits: 0 };

// A change of the person's own rows unconfirms their copies; anything wider unconfirms them all.
const subscribedKey = Symbol.for("scale-events.personal-feed-cache-subscribed");
const holder = globalThis as typeof globalThis & { [subscribedKey]?: boolean };
if (!holder[subscribedKey]) {
  holder[subscribedKey] = true;
  onDataChange((change) => {
    for (const entry of feedCache.values()) if (change.scope !== "user" || entry.userId === change.id) entry.verified = null;
  });
}

/** Counters for tests and benchmarks. */
export function personalFeedStats(): PersonalFeedStats {
  return { ...stats };
}

export function clearPersonalFeedCache(): void {
  feedCache.clear();
  cachedChars = 0;
}

async function renderOnce(cacheKey: string, found: FeedLookup): Promise<CalendarDocument> {
  const { userId, fingerprint } = found;
  const inFlightKey = `${cacheKey}\u0000${fingerprint}`;
  const pending = rendering.get(inFlightKey);
  if (pending) return pending;
  const promise = (async () => {
    stats.renders++;
    const document = await renderPersonalFeed(userId);
    cacheDelete(cacheKey);
    feedCache.set(cacheKey, {
      fingerprint,
      document,
      expiresAt: Date.now() + FEED_CACHE_MAX_AGE_MS,
      userId,
      tokenId: found.tokenId,
      lastUsedAt: found.lastUsedAt,
      verified: null,
    });
    cachedChars += document.body.length;
    while (cachedChars > FEED_CACHE_MAX_CHARS && feedCache.size > 1) cacheDelete(feedCache.keys().next().value!);
    return document;
  })();
  rendering.set(inFlightKey, promise);
  try {
    return await promise;
  } finally {
    rendering.delete(inFlightKey);
  }
}

/**
 * The personal feed behind a token, or null for a malformed, unknown or revoked token.
 * The token itself is hashed at once and never stored, logged or used as a cache key.
 */
export async function personalFeedByToken(token: string): Promise<CalendarDocument | null> {
  if (!isWellFormedFeedToken(token)) return null;
  const tokenHash = hashFeedToken(token);
  const generation = changeFeedGeneration();
  const remembered = feedCache.get(tokenHash);
  if (remembered && generation !== null && remembered.verified === generation && remembered.expiresAt > Date.now()) {
    stats.memoryHits++;
    if (!remembered.lastUsedAt || Date.now() - remembered.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
      remembered.lastUsedAt = new Date();
      void db()
        .calendarFeedToken.update({ where: { id: remembered.tokenId }, data: { lastUsedAt: remembered.lastUsedAt } })
        .catch(() => {});
    }
    return remembered.document;
  }

  const sequenceBefore = changeSequence();
  const found = await lookupFeed(tokenHash);
  if (!found) {
    cacheDelete(tokenHash);
    return null;
  }

  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
    // Does not touch any row the fingerprint reads, so it cannot invalidate the cache.
    found.lastUsedAt = new Date();
    await db().calendarFeedToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: found.lastUsedAt } });
  }

  const cached = feedCache.get(tokenHash);
  let document: CalendarDocument;
  if (cached && cached.fingerprint === found.fingerprint && cached.expiresAt > Date.now()) {
    stats.hits++;
    document = cached.document;
  } else {
    document = await renderOnce(tokenHash, found);
  }
  // Confirmed by the query: serve it from memory until a change may touch it — unless a change
  // arrived while we read (it may have been committed after the query's snapshot).
  const entry = feedCache.get(tokenHash);
  if (entry && entry.fingerprint === found.fingerprint && generation !== null && changeSequence() === sequenceBefore) {
    entry.verified = generation;
    entry.lastUsedAt = found.lastUsedAt;
  }
  return document;
}
