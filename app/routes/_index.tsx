import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("events.home.title")}</h1>
        <p>{t("events.home.intro")}</p>
        <p>
          <Link className="button" to="/events">
            {t("events.home.browse")}
          </Link>
        </p>
        <div className="hero__stats" aria-label={t("events.home.stats")}>
          <div>
            <strong>48</strong> {t("events.home.lighthouse")}
          </div>
          <div>
            <strong>72</strong> {t("events.home.fellow")}
          </div>
          <div>
            <strong>18</strong> {t("events.home.projects")}
          </div>
          <div>
            <strong>550+</strong> {t("events.home.demonstrations")}
          </div>
        </div>
      </section>
      <div className="section-head">
        <h2>{t("events.home.upcoming")}</h2>
        <Link to="/events">{t("events.home.catalogue")}</Link>
      </div>
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>{t("events.home.emptyTitle")}</h2>
          <p>{t("events.home.emptyHint")}</p>
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
