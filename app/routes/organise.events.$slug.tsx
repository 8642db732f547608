// /organise/events/:slug/* — the organiser's area of one event: a header and tabs around the
// dashboard, registrations, check-in, tickets and questions. Door staff (CHECKIN) see check-in only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { OrganiseNav } from "~/components/registration/organise-nav";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { canManageEvent } from "~/domain/access/events.server";
import { formatRange } from "~/domain/kernel/time/zoned";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Manage: ${data.event.title} — SCALE Events` : "Manage — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await requireStaffEvent(request, params.slug, "check-in");
  return { event, canManage: await canManageEvent(user, event.id, "manage") };
}

export default function OrganiseEvent() {
  const { event, canManage } = useLoaderData<typeof loader>();
  return (
    <div className="reg-organise">
      <header className="reg-organise__head">
        <p className="tz-note">Managing</p>
        <h1>
          <Link to={`/events/${event.slug}`}>{event.title}</Link>
        </h1>
        <p className="tz-note">
          {formatRange(new Date(event.startsAt), new Date(event.endsAt), event.timeZone)} · times in {event.timeZone.replace(/_/g, " ")}
          {event.status !== "PUBLISHED" ? ` · ${event.status.toLowerCase()}` : ""}
        </p>
        <OrganiseNav slug={event.slug} canManage={canManage} />
      </header>
      <Outlet />
    </div>
  );
}
