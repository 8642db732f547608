// HTTP validators for calendar responses. Calendar apps poll feeds every few minutes to
// hours; answering an unchanged feed with 304 saves rendering bandwidth on both sides.
// Because renderCalendar is byte-stable, a hash of the body is a correct strong ETag.
import { createHash } from "node:crypto";

/** Strong ETag (quoted, per RFC 9110) from the exact bytes that will be sent. */
export function calendarEtag(body: string): string {
  return `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
}

/**
 * Latest updatedAt among the items, for Last-Modified; null for an empty feed (send no
 * header then). The ETag stays the primary validator: an item dropping out of a feed can
 * change the body without moving this date forward.
 */
export function lastModified(items: ReadonlyArray<{ updatedAt: Date }>): Date | null {
  let latest: number | null = null;
  for (const { updatedAt } of items) {
    const time = updatedAt.getTime();
    if (!Number.isNaN(time) && (latest === null || time > latest)) latest = time;
  }
  return latest === null ? null : new Date(latest);
}

/** Last-Modified header value (IMF-fixdate, whole seconds). */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

/**
 * Whether an If-None-Match header matches our ETag, so the route can answer 304.
 * RFC 9110 §13.1.2: weak comparison ("W/" prefixes ignored), a list of tags, or "*".
 */
export function ifNoneMatchMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const ours = opaque(etag);
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === ours);
}
