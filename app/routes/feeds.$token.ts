// GET /feeds/:token.ics — a person's private feed. The token is the only credential (calendar
// apps send no cookies); app/web/redact-path.ts keeps it out of the request log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarNotFound, calendarResponse } from "~/domain/calendar/http.server";
import { personalFeedByToken } from "~/domain/calendar/personal-feed.server";

const NOT_FOUND =
  "This calendar link does not work (any more). It may have been replaced by a newer link: " +
  "sign in to SCALE Events and open Calendar to get your current link.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const segment = params.token ?? "";
  if (!segment.endsWith(".ics")) return calendarNotFound(NOT_FOUND);
  const document = await personalFeedByToken(segment.slice(0, -".ics".length));
  if (!document) return calendarNotFound(NOT_FOUND);
  return calendarResponse(request, document, "personal-feed");
}
