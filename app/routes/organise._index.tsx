// /organise — "My events": the events the signed-in person organises (any role at the event;
// admins see all), with a way to create one for people with the organiser role.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/registration/status";
import { EventStatusBadge } from "~/components/events/status-badge";
import { KIND_LABELS, countryName, type EventKindName } from "~/domain/kernel/vocabulary";
import { canCreateEvents } from "~/domain/access/events.server";
import { listMyEvents, type MyEvent } from "~/domain/events/manage.server";
import { formatRange } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "My events — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { upcoming, past } = await orErrorResponse(listMyEvents(user));
  return { upcoming, past, canCreate: canCreateEvents(user) };
}

const ROLE_LABELS: Record<string, string> = { OWNER: "Owner", ORGANISER: "Organiser", MODERATOR: "Moderator", CHECKIN: "Check-in staff" };

type Row = Omit<MyEvent, "startsAt" | "endsAt"> & { startsAt: string | Date; endsAt: string | Date };

function EventRow({ event }: { event: Row }) {
  const where = event.mode === "ONLINE" ? "Online" : [event.city, countryName(event.country)].filter(Boolean).join(", ");
  const home = event.canManage
    ? `/organise/events/${event.slug}/dashboard`
    : event.role === "MODERATOR"
      ? `/events/${event.slug}`
      : `/organise/events/${event.slug}/check-in`;
  return (
    <li className="card my-events__row">
      <div className="my-events__main">
        <div className="badges">
          <EventStatusBadge status={event.status} />
          <span className={`badge badge--kind-${event.kind}`}>{KIND_LABELS[event.kind as EventKindName] ?? event.kind}</span>
          {event.role ? <span className="badge badge--theme">{ROLE_LABELS[event.role] ?? event.role}</span> : null}
        </div>
        <h3>
          <Link to={home}>{event.title}</Link>
        </h3>
        <p className="tz-note">
          {formatRange(new Date(event.startsAt), new Date(event.endsAt), event.timeZone)}
          {where ? ` · ${where}` : ""}
          {` · ${event.registrations} registered`}
        </p>
      </div>
      <div className="button-row my-events__actions">
        {event.canManage ? (
          <>
            <Link className="button button--small" to={`/organise/events/${event.slug}/settings`}>
              Settings
            </Link>
            <Link className="button button--small button--ghost" to={`/organise/events/${event.slug}/dashboard`}>
              Manage
            </Link>
          </>
        ) : (
          <Link className="button button--small button--ghost" to={home}>
            Open
          </Link>
        )}
        {event.status !== "DRAFT" ? (
          <Link className="button button--small button--ghost" to={`/events/${event.slug}`}>
            Public page
          </Link>
        ) : null}
      </div>
    </li>
  );
}

export default function MyEvents() {
  const { upcoming, past, canCreate } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="stack">
      <div className="section-head section-head--top">
        <h1>My events</h1>
        {canCreate ? (
          <Link className="button" to="/organise/events/new">
            Create an event
          </Link>
        ) : null}
      </div>
      {params.get("deleted") === "1" ? <Notice tone="success">The draft was deleted.</Notice> : null}
      {upcoming.length === 0 && past.length === 0 ? (
        <section className="empty-state">
          <h2>No events yet</h2>
          <p>
            {canCreate
              ? "Create your first event: it starts as a draft that only you can see until you publish it."
              : "When an organiser adds you to an event's team, it will appear here."}
          </p>
          {canCreate ? (
            <p>
              <Link className="button" to="/organise/events/new">
                Create an event
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="upcoming-title" className="stack">
            <h2 id="upcoming-title">Upcoming and drafts</h2>
            {upcoming.length === 0 ? (
              <p className="tz-note">Nothing coming up.</p>
            ) : (
              <ul className="my-events">
                {upcoming.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </ul>
            )}
          </section>
          {past.length > 0 ? (
            <section aria-labelledby="past-title" className="stack">
              <h2 id="past-title">Past</h2>
              <ul className="my-events">
                {past.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
