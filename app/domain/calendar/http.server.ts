// HTTP answers for calendar documents: the right media type, validators (ETag, Last-Modified),
// 304 for a matching If-None-Match, and caching rules that keep personal feeds private.
// Plain web-standard Responses, so routes stay one line and tests need no Remix.
import type { CalendarDocument } from "./feeds.server";
import { httpDate, ifNoneMatchMatches } from "./etag";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

export type CalendarResponseKind =
  /** A one-off .ics file: offered as an attachment. */
  | "download"
  /** A public subscription (event agenda): shared caches may keep it briefly. */
  | "public-feed"
  /** A personal feed behind a secret token: never in shared caches, never indexed. */
  | "personal-feed";

function cacheControl(kind: CalendarResponseKind): string {
  if (kind === "personal-feed") return "private, no-cache";
  if (kind === "public-feed") return "public, max-age=300";
  return "private, max-age=0, must-revalidate";
}

export function calendarResponse(request: Request, document: CalendarDocument, kind: CalendarResponseKind): Response {
  const headers = new Headers({
    "Content-Type": CALENDAR_CONTENT_TYPE,
    ETag: document.etag,
    "Cache-Control": cacheControl(kind),
  });
  if (document.lastModified) headers.set("Last-Modified", httpDate(document.lastModified));
  if (kind === "download") headers.set("Content-Disposition", `attachment; filename="${document.filename}"`);
  else headers.set("Content-Disposition", `inline; filename="${document.filename}"`);
  if (kind === "personal-feed") {
    headers.set("X-Robots-Tag", "noindex, nofollow");
    // The URL is the secret: do not hand it to other sites as a referrer.
    headers.set("Referrer-Policy", "no-referrer");
  }
  // If-None-Match is the only validator honoured: Last-Modified cannot see an item that
  // dropped out of the feed, so If-Modified-Since could wrongly answer 304.
  if (ifNoneMatchMatches(request.headers.get("If-None-Match"), document.etag)) {
    headers.delete("Content-Type");
    headers.delete("Content-Disposition");
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(document.bytes.byteLength));
  return new Response(document.bytes, { status: 200, headers });
}

/** A clear, plain-text 404 (calendar apps show the body, if anything). */
export function calendarNotFound(message: string): Response {
  return new Response(message, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
