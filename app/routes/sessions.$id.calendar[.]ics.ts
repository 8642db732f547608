// GET /sessions/:id/calendar.ics — one published (or cancelled) session of a public event.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sessionDownload } from "~/domain/calendar/feeds.server";
import { calendarNotFound, calendarResponse } from "~/domain/calendar/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const document = await sessionDownload(params.id ?? "");
  if (!document) return calendarNotFound("This session does not exist or is not published.");
  return calendarResponse(request, document, "download");
}
