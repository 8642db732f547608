// GET /events/:slug/feed.ics — the public agenda of an event as a subscription (webcal://).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventFeed } from "~/domain/calendar/feeds.server";
import { calendarNotFound, calendarResponse } from "~/domain/calendar/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const document = await eventFeed(params.slug ?? "");
  if (!document) return calendarNotFound("This event does not exist or is not published.");
  return calendarResponse(request, document, "public-feed");
}
