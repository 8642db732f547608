// GET /events/:slug/calendar.ics — one public event as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventDownload } from "~/domain/calendar/feeds.server";
import { calendarNotFound, calendarResponse } from "~/domain/calendar/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const document = await eventDownload(params.slug ?? "");
  if (!document) return calendarNotFound("This event does not exist or is not published.");
  return calendarResponse(request, document, "download");
}
