// GET /events/:slug/feed.ics — the public agenda of an event as a subscription (webcal://).
// server/app.ts answers this URL with the same eventFeedReply before Remix (README "Speed").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventFeedReply, toResponse } from "~/domain/calendar/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return toResponse(await eventFeedReply(params.slug ?? "", request.headers.get("If-None-Match")));
}
