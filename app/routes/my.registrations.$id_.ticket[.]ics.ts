// /my/registrations/:id/ticket.ics — the ticket as a calendar entry (same UID as the email
// invitation and the personal feed, so calendars update rather than duplicate it).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orResponse } from "~/components/registration/route-helpers.server";
import { myRegistration } from "~/domain/registration/attendee.server";
import { ticketCalendar } from "~/domain/calendar/invitations.server";
import { requireUser } from "~/web/auth.server";
import { resolveLanguage } from "~/web/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const registration = await orResponse(() => myRegistration(user.id, params.id ?? ""));
  if (registration.status !== "CONFIRMED") throw new Response("Only confirmed registrations have a ticket.", { status: 404 });
  const body = ticketCalendar(registration, registration.event, registration.user, "PUBLISH", await resolveLanguage(request));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="ticket-${registration.ticketCode}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
