// GET /feeds/:token.ics — a person's private feed. The token is the only credential (calendar
// apps send no cookies); app/web/redact-path.ts keeps it out of the request log. server/app.ts
// answers this URL with the same personalFeedReply before Remix (README "Speed").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalFeedReply, toResponse } from "~/domain/calendar/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return toResponse(await personalFeedReply(params.token ?? "", request.headers.get("If-None-Match")));
}
