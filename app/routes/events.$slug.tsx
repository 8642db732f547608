import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { localizeRow, localizeSessionTitle } from "~/domain/kernel/i18n/content";
import { translate } from "~/domain/kernel/i18n/translate";
import { formatMoney } from "~/domain/kernel/money";
import { resolveLanguage } from "~/web/i18n.server";
import { AddToCalendar } from "~/components/calendar/add-to-calendar";
import { KindBadge, placeLabel, ThemeBadges } from "~/components/events/event-card";
import { eventCalendarLinks } from "~/domain/calendar/feeds.server";
import { countryName } from "~/domain/kernel/vocabulary";
import { findVisibleEvent } from "~/domain/events/events.server";
import { formatDate, formatRange, formatTime } from "~/domain/kernel/time/zoned";
import { canManageEvent } from "~/domain/access/events.server";
import { getUser } from "~/web/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: metaT(matches)("common.meta.suffix", { title: data.event.title }) }, { name: "description", content: data.event.summary }]
    : [{ title: metaT(matches)("events.page.metaNotFound") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, language] = await Promise.all([getUser(request), resolveLanguage(request)]);
  const found = await findVisibleEvent(params.slug ?? "", user);
  if (!found) throw new Response(translate(language, "events.page.notFound"), { status: 404 });
  // The visitor's language where the organisers wrote it, else the event's own.
  const event = {
    ...localizeRow(found, language),
    sessions: found.sessions.map(({ translations, ...session }) => ({
      ...session,
      title: localizeSessionTitle({ title: session.title, translations }, language),
    })),
  };
  return { event, calendarLinks: found.status === "PUBLISHED" ? eventCalendarLinks(found) : null, canManage: await canManageEvent(user, found.id, "check-in") };
}

export default function EventPage() {
  const { event, calendarLinks, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const price = (cents: number, currency: string) => (cents === 0 ? t("events.page.free") : formatMoney(cents, currency, locale));
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  return (
    <article>
      <header className="event-header">
        <div className="badges">
          <KindBadge kind={event.kind} />
          {event.status === "CANCELLED" ? <span className="badge badge--cancelled">{t("vocabulary.cancelled")}</span> : null}
          {event.status === "DRAFT" ? <span className="badge">{t("events.page.draft")}</span> : null}
        </div>
        <h1 lang={event.contentLanguage}>{event.title}</h1>
        <p className="event-card__summary" lang={event.contentLanguage}>
          {event.summary}
        </p>
        <div className="badges">
          <ThemeBadges themes={event.themes} />
        </div>
      </header>
      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="about">
            <h2 id="about">{t("events.page.about")}</h2>
            <div className="prose" lang={event.contentLanguage}>
              {event.description}
            </div>
          </section>
          {event.stops.length > 0 ? (
            <section className="card" aria-labelledby="stops">
              <h2 id="stops">{t("events.page.stops")}</h2>
              <ul className="agenda-preview">
                {event.stops.map((stop) => (
                  <li key={stop.id}>
                    <time dateTime={new Date(stop.startsAt).toISOString()}>{formatDate(new Date(stop.startsAt), stop.timeZone, locale)}</time>
                    <div>
                      <strong>
                        {stop.city}, {countryName(stop.country, locale)}
                      </strong>
                      <div className="tz-note">
                        {formatRange(new Date(stop.startsAt), new Date(stop.endsAt), stop.timeZone, locale)}
                        {stop.venueName ? ` · ${stop.venueName}` : ""}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
              {event.kind === "ROADSHOW" ? (
                <p>
                  <Link className="button button--small" to={`/roadshows/${event.slug}`}>
                    {t("events.page.bookMeetings")}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
          <section className="card" aria-labelledby="agenda">
            <h2 id="agenda">{t("events.page.agenda")}</h2>
            {event.sessions.length === 0 ? (
              <p className="tz-note">{t("events.page.agendaSoon")}</p>
            ) : (
              <>
                <ul className="agenda-preview">
                  {event.sessions.map((session) => (
                    <li key={session.id}>
                      <time dateTime={new Date(session.startsAt).toISOString()}>
                        {formatDate(new Date(session.startsAt), event.timeZone, locale)}
                        <br />
                        {`${formatTime(new Date(session.startsAt), event.timeZone, locale)}–${formatTime(new Date(session.endsAt), event.timeZone, locale)}`}
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
                  <p className="tz-note">{t("events.page.moreSessions", { count: event._count.sessions - event.sessions.length })}</p>
                ) : null}
                <p>
                  <Link to={`/events/${event.slug}/agenda`}>{t("events.page.fullAgenda")}</Link>
                </p>
              </>
            )}
          </section>
        </div>
        <aside className="card" aria-labelledby="facts">
          <h2 id="facts">{t("events.page.facts")}</h2>
          <dl className="event-facts">
            <div>
              <dt>{t("events.page.when")}</dt>
              <dd>{formatRange(start, end, event.timeZone, locale)}</dd>
            </div>
            <div>
              <dt>{t("events.page.timeZone")}</dt>
              <dd>{event.timeZone.replace(/_/g, " ")}</dd>
            </div>
            <div>
              <dt>{t("events.page.where")}</dt>
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
                {placeLabel(event, t, locale)}
              </dd>
            </div>
            {event.organisation ? (
              <div>
                <dt>{t("events.page.host")}</dt>
                <dd>{event.organisation.name}</dd>
              </div>
            ) : null}
            {event.organisers.length > 0 ? (
              <div>
                <dt>{t("events.page.organisers")}</dt>
                <dd>{event.organisers.map((o) => o.user.name).join(", ")}</dd>
              </div>
            ) : null}
            {event.ticketTypes.length > 0 ? (
              <div>
                <dt>{t("events.page.tickets")}</dt>
                <dd>
                  {event.ticketTypes.map((ticket) => (
                    <div key={ticket.id}>
                      {ticket.name}: {price(ticket.priceCents, ticket.currency)}
                      {ticket.capacity !== null
                        ? ` · ${t("events.page.placesLeft", { left: Math.max(0, ticket.capacity - ticket.taken), capacity: ticket.capacity })}`
                        : ""}
                    </div>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          {event.status === "PUBLISHED" && event.ticketTypes.length > 0 ? (
            <p className="reg-cta">
              <Link className="button" to={`/events/${event.slug}/register`}>
                {t("events.page.register")}
              </Link>
            </p>
          ) : null}
          {canManage ? (
            <p className="reg-cta">
              <Link className="button button--ghost" to={`/organise/events/${event.slug}`}>
                {t("events.page.manage")}
              </Link>
            </p>
          ) : null}
          {calendarLinks ? <AddToCalendar links={calendarLinks} /> : null}
          <p style={{ marginTop: "1rem" }}>
            <Link to={`/events/${event.slug}/rooms`}>{t("events.page.rooms")}</Link>
          </p>
          <p style={{ marginTop: "1rem" }}>
            <Link to="/events">{t("events.page.allEvents")}</Link>
          </p>
        </aside>
      </div>
    </article>
  );
}
