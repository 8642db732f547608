import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AddToCalendar } from "~/components/calendar/add-to-calendar";
import { KindBadge, placeLabel, ThemeBadges } from "~/components/events/event-card";
import { eventCalendarLinks } from "~/domain/calendar/feeds.server";
import { countryName } from "~/domain/kernel/vocabulary";
import { findVisibleEvent } from "~/domain/events/events.server";
import { formatDate, formatRange, formatTime } from "~/domain/kernel/time/zoned";
import { canManageEvent } from "~/domain/access/events.server";
import { getUser } from "~/web/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.event.title} — SCALE Events` }, { name: "description", content: data.event.summary }]
    : [{ title: "Event not found — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const event = await findVisibleEvent(params.slug ?? "", user);
  if (!event) throw new Response("This event does not exist or is not published yet.", { status: 404 });
  return { event, calendarLinks: event.status === "PUBLISHED" ? eventCalendarLinks(event) : null, canManage: await canManageEvent(user, event.id, "check-in") };
}

const priceFormats = new Map<string, Intl.NumberFormat>();

function price(cents: number, currency: string): string {
  if (cents === 0) return "Free";
  let format = priceFormats.get(currency);
  if (!format) priceFormats.set(currency, (format = new Intl.NumberFormat("en-IE", { style: "currency", currency })));
  return format.format(cents / 100);
}

export default function EventPage() {
  const { event, calendarLinks, canManage } = useLoaderData<typeof loader>();
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  return (
    <article>
      <header className="event-header">
        <div className="badges">
          <KindBadge kind={event.kind} />
          {event.status === "CANCELLED" ? <span className="badge badge--cancelled">Cancelled</span> : null}
          {event.status === "DRAFT" ? <span className="badge">Draft — only organisers see this</span> : null}
        </div>
        <h1>{event.title}</h1>
        <p className="event-card__summary">{event.summary}</p>
        <div className="badges">
          <ThemeBadges themes={event.themes} />
        </div>
      </header>
      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="about">
            <h2 id="about">About</h2>
            <div className="prose">{event.description}</div>
          </section>
          {event.stops.length > 0 ? (
            <section className="card" aria-labelledby="stops">
              <h2 id="stops">Roadshow stops</h2>
              <ul className="agenda-preview">
                {event.stops.map((stop) => (
                  <li key={stop.id}>
                    <time dateTime={new Date(stop.startsAt).toISOString()}>{formatDate(new Date(stop.startsAt), stop.timeZone)}</time>
                    <div>
                      <strong>
                        {stop.city}, {countryName(stop.country)}
                      </strong>
                      <div className="tz-note">
                        {formatRange(new Date(stop.startsAt), new Date(stop.endsAt), stop.timeZone)}
                        {stop.venueName ? ` · ${stop.venueName}` : ""}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
              {event.kind === "ROADSHOW" ? (
                <p>
                  <Link className="button button--small" to={`/roadshows/${event.slug}`}>
                    Book meetings
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
          <section className="card" aria-labelledby="agenda">
            <h2 id="agenda">Agenda</h2>
            {event.sessions.length === 0 ? (
              <p className="tz-note">The agenda will be published soon.</p>
            ) : (
              <>
                <ul className="agenda-preview">
                  {event.sessions.map((session) => (
                    <li key={session.id}>
                      <time dateTime={new Date(session.startsAt).toISOString()}>
                        {formatDate(new Date(session.startsAt), event.timeZone)}
                        <br />
                        {`${formatTime(new Date(session.startsAt), event.timeZone)}–${formatTime(new Date(session.endsAt), event.timeZone)}`}
                      </time>
                      <div>
                        <strong>{session.title}</strong>
                        <div className="tz-note">
                          {[session.room?.name, session.track?.name, session.speakers.map((s) => s.speaker.name).join(", ")].filter(Boolean).join(" · ")}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
                {event._count.sessions > event.sessions.length ? (
                  <p className="tz-note">and {event._count.sessions - event.sessions.length} more sessions.</p>
                ) : null}
                <p>
                  <Link to={`/events/${event.slug}/agenda`}>Full agenda</Link>
                </p>
              </>
            )}
          </section>
        </div>
        <aside className="card" aria-labelledby="facts">
          <h2 id="facts">Practical details</h2>
          <dl className="event-facts">
            <div>
              <dt>When</dt>
              <dd>{formatRange(start, end, event.timeZone)}</dd>
            </div>
            <div>
              <dt>Time zone</dt>
              <dd>{event.timeZone.replace(/_/g, " ")}</dd>
            </div>
            <div>
              <dt>Where</dt>
              <dd>
                {event.venueName ? (
                  <>
                    {event.venueName}
                    <br />
                  </>
                ) : null}
                {event.venueAddress ? (
                  <>
                    {event.venueAddress}
                    <br />
                  </>
                ) : null}
                {placeLabel(event)}
              </dd>
            </div>
            {event.organisation ? (
              <div>
                <dt>Host</dt>
                <dd>{event.organisation.name}</dd>
              </div>
            ) : null}
            {event.organisers.length > 0 ? (
              <div>
                <dt>Organisers</dt>
                <dd>{event.organisers.map((o) => o.user.name).join(", ")}</dd>
              </div>
            ) : null}
            {event.ticketTypes.length > 0 ? (
              <div>
                <dt>Tickets</dt>
                <dd>
                  {event.ticketTypes.map((t) => (
                    <div key={t.id}>
                      {t.name}: {price(t.priceCents, t.currency)}
                      {t.capacity !== null ? ` · ${Math.max(0, t.capacity - t.taken)} of ${t.capacity} left` : ""}
                    </div>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          {event.status === "PUBLISHED" && event.ticketTypes.length > 0 ? (
            <p className="reg-cta">
              <Link className="button" to={`/events/${event.slug}/register`}>
                Register
              </Link>
            </p>
          ) : null}
          {canManage ? (
            <p className="reg-cta">
              <Link className="button button--ghost" to={`/organise/events/${event.slug}`}>
                Manage registrations
              </Link>
            </p>
          ) : null}
          {calendarLinks ? <AddToCalendar links={calendarLinks} /> : null}
          <p style={{ marginTop: "1rem" }}>
            <Link to={`/events/${event.slug}/rooms`}>Rooms: matchmaking and speed networking</Link>
          </p>
          <p style={{ marginTop: "1rem" }}>
            <Link to="/events">← All events</Link>
          </p>
        </aside>
      </div>
    </article>
  );
}
