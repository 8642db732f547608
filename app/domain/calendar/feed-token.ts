// Secret tokens for personal calendar feeds. The feed URL carries the token (calendar apps
// cannot send cookies or headers), so the database keeps only its SHA-256: a leaked database
// dump or log of hashes does not give anyone a working feed URL.
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits: well above the 128 the feature requires, and still a short URL segment. */
const FEED_TOKEN_BYTES = 32;
const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface GeneratedFeedToken {
  /** Shown to the user once, inside the feed URL; never stored or logged. */
  token: string;
  /** Stored in CalendarFeedToken; lowercase hex SHA-256 of the token. */
  tokenHash: string;
}

export function generateFeedToken(): GeneratedFeedToken {
  const token = randomBytes(FEED_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashFeedToken(token) };
}

/** The value to look a presented token up by. A plain hash is enough: the token is random, not a password. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Cheap shape check so obviously wrong URLs get their 404 without a database query.
 * Tokens from generateFeedToken always pass.
 */
export function isWellFormedFeedToken(candidate: string): boolean {
  return FEED_TOKEN_PATTERN.test(candidate);
}
