import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/events/event-card";
import { listUpcomingEvents } from "~/domain/events/events.server";
import { localizeRow } from "~/domain/kernel/i18n/content";
import { resolveLanguage } from "~/web/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [events, language] = await Promise.all([listUpcomingEvents(6), resolveLanguage(request)]);
  return { events: events.map((event) => localizeRow(event, language)) };
}

export default function Home() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Where Europe's smart cities meet, learn and invest</h1>
        <p>
          Roadshows where cities pitch bankable projects to investors, hands-on workshops, knowledge-sharing webinars and matchmaking — for the SCALE network of
          lighthouse and fellow cities, Lighthouse projects, investors and experts.
        </p>
        <p>
          <Link className="button" to="/events">
            Browse all events
          </Link>
        </p>
        <div className="hero__stats" aria-label="The network in numbers">
          <div>
            <strong>48</strong> lighthouse cities
          </div>
          <div>
            <strong>72</strong> fellow cities
          </div>
          <div>
            <strong>18</strong> Lighthouse projects
          </div>
          <div>
            <strong>550+</strong> demonstrations
          </div>
        </div>
      </section>
      <div className="section-head">
        <h2>Upcoming events</h2>
        <Link to="/events">See the full catalogue →</Link>
      </div>
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>No upcoming events yet</h2>
          <p>New roadshows, workshops and webinars are announced here first.</p>
        </div>
      ) : (
        <div className="grid">
          {events.map((event) => (
            <EventCard key={event.slug} event={event} />
          ))}
        </div>
      )}
    </>
  );
}
