// GET /meetings/:id/calendar.ics — a meeting, for its host or guest only (sign-in required).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingDownload } from "~/domain/calendar/feeds.server";
import { calendarNotFound, calendarResponse } from "~/domain/calendar/http.server";
import { requireUser } from "~/web/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Same answer for "no such meeting" and "not yours": ids of other people's meetings stay secret.
  const document = await meetingDownload(params.id ?? "", user.id);
  if (!document) return calendarNotFound("This meeting does not exist or you are not taking part in it.");
  return calendarResponse(request, document, "download");
}
