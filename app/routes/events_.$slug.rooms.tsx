// An event's matchmaking rooms. Standalone route (events_) so it does not nest in the event page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { THEME_LABELS } from "~/domain/kernel/vocabulary";
import { listRooms } from "~/domain/rooms/rooms.server";
import { formatRange } from "~/domain/kernel/time/zoned";
import { getUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Rooms — ${data.event.title} — SCALE Events` }] : [{ title: "Rooms not found — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const { event, access, rooms } = await orErrorResponse(listRooms(params.slug ?? "", user));
  return {
    event: { slug: event.slug, title: event.title, when: formatRange(event.startsAt, event.endsAt, event.timeZone), timeZone: event.timeZone },
    signedIn: Boolean(user),
    canEnter: access.participant,
    rooms,
  };
}

export default function EventRoomsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="rooms-page">
      <p>
        <Link to={`/events/${data.event.slug}`}>← {data.event.title}</Link>
      </p>
      <h1>Matchmaking rooms</h1>
      <p className="tz-note">
        {data.event.when} ({data.event.timeZone.replace(/_/g, " ")})
      </p>
      {!data.signedIn ? (
        <div className="notice notice--info">
          <Link to={`/signin?redirectTo=/events/${data.event.slug}/rooms`}>Sign in</Link> with your registration to enter a room.
        </div>
      ) : !data.canEnter ? (
        <div className="notice notice--info">
          Rooms are open to participants with a confirmed registration. <Link to={`/events/${data.event.slug}`}>Register for the event</Link>.
        </div>
      ) : null}
      {data.rooms.length === 0 ? (
        <div className="empty-state">
          <h2>No rooms yet</h2>
          <p>The organisers have not opened any topic rooms for this event.</p>
        </div>
      ) : (
        <ul className="grid rooms-list">
          {data.rooms.map((room) => (
            <li key={room.id} className="card">
              <h2>{room.name}</h2>
              {room.topic ? <p>{room.topic}</p> : null}
              <div className="badges">
                {room.themes.map((t) => (
                  <span key={t} className="badge badge--theme">
                    {THEME_LABELS[t] ?? t}
                  </span>
                ))}
              </div>
              <p className="tz-note">
                {room.messageCount} {room.messageCount === 1 ? "message" : "messages"}
              </p>
              {data.canEnter ? (
                <Link className="button" to={`/events/${data.event.slug}/rooms/${room.id}`} aria-label={`Enter ${room.name}`}>
                  Enter room
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
