import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { canManageEvent } from "~/domain/access/events.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireStaffEvent(request, params.slug, "check-in");
  const manage = await canManageEvent(user, event.id, "manage");
  throw redirect(`/organise/events/${event.slug}/${manage ? "dashboard" : "check-in"}`);
}
