// HTTP answers for calendar documents: the right media type, validators (ETag, Last-Modified),
// 304 for a matching If-None-Match, and caching rules that keep personal feeds private.
// Plain web-standard Responses, so routes stay one line and tests need no Remix.
import { eventFeed, type CalendarDocument } from "./feeds.server";
import { personalFeedByToken } from "./personal-feed.server";
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

/** A calendar answer as plain parts, for a web Response or a Node response alike. */
export interface CalendarReply {
  status: number;
  headers: Record<string, string>;
  body: CalendarDocument["bytes"] | string | null;
}

export function calendarResponse(request: Request, document: CalendarDocument, kind: CalendarResponseKind): Response {
  return toResponse(calendarReply(request.headers.get("If-None-Match"), document, kind));
}

export function calendarReply(ifNoneMatch: string | null | undefined, document: CalendarDocument, kind: CalendarResponseKind): CalendarReply {
  const headers: Record<string, string> = {
    ETag: document.etag,
    "Cache-Control": cacheControl(kind),
  };
  if (document.lastModified) headers["Last-Modified"] = httpDate(document.lastModified);
  if (kind === "personal-feed") {
    headers["X-Robots-Tag"] = "noindex, nofollow";
    // The URL is the secret: do not hand it to other sites as a referrer.
    headers["Referrer-Policy"] = "no-referrer";
  }
  // If-None-Match is the only validator honoured: Last-Modified cannot see an item that
  // dropped out of the feed, so If-Modified-Since could wrongly answer 304.
  if (ifNoneMatchMatches(ifNoneMatch, document.etag)) return { status: 304, headers, body: null };
  headers["Content-Type"] = CALENDAR_CONTENT_TYPE;
  headers["Content-Disposition"] = `${kind === "download" ? "attachment" : "inline"}; filename="${document.filename}"`;
  headers["Content-Length"] = String(document.bytes.byteLength);
  return { status: 200, headers, body: document.bytes };
}

const PERSONAL_FEED_NOT_FOUND =
  "This calendar link does not work (any more). It may have been replaced by a newer link: " +
  "sign in to SCALE Events and open Calendar to get your current link.";

/** GET /feeds/<token>.ics: `segment` is the last path segment as received. */
export async function personalFeedReply(segment: string, ifNoneMatch: string | null | undefined): Promise<CalendarReply> {
  if (!segment.endsWith(".ics")) return calendarNotFoundReply(PERSONAL_FEED_NOT_FOUND);
  const document = await personalFeedByToken(segment.slice(0, -".ics".length));
  if (!document) return calendarNotFoundReply(PERSONAL_FEED_NOT_FOUND);
  return calendarReply(ifNoneMatch, document, "personal-feed");
}

/** GET /events/<slug>/feed.ics. */
export async function eventFeedReply(slug: string, ifNoneMatch: string | null | undefined): Promise<CalendarReply> {
  const document = await eventFeed(slug);
  if (!document) return calendarNotFoundReply("This event does not exist or is not published.");
  return calendarReply(ifNoneMatch, document, "public-feed");
}

export function toResponse(reply: CalendarReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

function calendarNotFoundReply(message: string): CalendarReply {
  return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }, body: message };
}

/** A clear, plain-text 404 (calendar apps show the body, if anything). */
export function calendarNotFound(message: string): Response {
  return toResponse(calendarNotFoundReply(message));
}
