// An organisation's public page: what it does, what it offers and seeks, its investment terms,
// its listed members (signed-in viewers only), the events it organised and the roadshow stops its
// people attended.
import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { JoinOrganisationButton } from "~/components/community/join-button";
import { KindBadge, ThemeBadges } from "~/components/events/event-card";
import { useLanguage } from "~/components/ui/i18n";
import { formatDate } from "~/domain/kernel/time/zoned";
import { countryName } from "~/domain/kernel/vocabulary";
import { formatEuroRange } from "~/domain/meetings/recommendations";
import { STAGE_LABELS } from "~/domain/network/vocabulary";
import { Avatar, ExpertBadge, OrganisationKindBadge } from "./cards";

export interface OrganisationPageData {
  slug: string;
  name: string;
  kind: string;
  country: string;
  city: string | null;
  website: string | null;
  description: string | null;
  themes: string[];
  solutionsOffered: string[];
  solutionsWanted: string[];
  ticketMinEur: number | null;
  ticketMaxEur: number | null;
  investmentSoughtEur: number | null;
  stages: string[];
  focusCountries: string[];
  logoId: string | null;
  members: { id: string; name: string; jobTitle: string | null; expert: boolean; photoId: string | null }[];
  listedMemberCount: number;
  events: { slug: string; title: string; startsAt: string | Date; timeZone: string; kind: string; city: string | null }[];
  stops: { id: string; city: string; country: string; startsAt: string | Date; timeZone: string; event: { slug: string; title: string } }[];
  canEdit: boolean;
  viewerRole: string | null;
}

function List({ items, empty }: { items: string[]; empty: string }) {
  return items.length ? (
    <ul className="chip-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : (
    <p className="tz-note">{empty}</p>
  );
}

export function OrganisationProfile({ organisation: o, signedIn }: { organisation: OrganisationPageData; signedIn: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const place = [o.city, countryName(o.country, locale)].filter(Boolean).join(", ");
  const investor = o.kind === "INVESTOR" || o.ticketMinEur !== null || o.ticketMaxEur !== null;
  return (
    <article className="stack" aria-labelledby="org-name">
      <header className="card profile-head">
        <Avatar name={o.name} imageId={o.logoId} size="l" shape="square" />
        <div className="stack">
          <h1 id="org-name">{o.name}</h1>
          <p className="person-card__meta">{place}</p>
          <div className="badges">
            <OrganisationKindBadge kind={o.kind} />
            <ThemeBadges themes={o.themes} />
          </div>
          <div className="button-row">
            {o.website ? (
              <a href={o.website} rel="noopener noreferrer nofollow" className="button button--ghost">
                {t("network.organisation.website")}
              </a>
            ) : null}
            {o.canEdit ? (
              <Link to={`/organisations/${o.slug}/edit`} className="button">
                {t("network.organisation.edit")}
              </Link>
            ) : null}
            {signedIn && o.viewerRole ? (
              <Link to={`/organisations/${o.slug}/members`} className="button button--ghost">
                {t("network.organisation.members")}
              </Link>
            ) : null}
            {signedIn && !o.viewerRole ? (
              <Link to={`/organisations/${o.slug}/introduce`} className="button button--ghost">
                {t("network.requestIntroduction")}
              </Link>
            ) : null}
          </div>
          {signedIn && !o.viewerRole ? <JoinOrganisationButton slug={o.slug} name={o.name} /> : null}
        </div>
      </header>
      {o.description ? (
        <section className="card prose" aria-labelledby="org-about">
          <h2 id="org-about">{t("network.about")}</h2>
          {o.description.split("\n").map((line, index) => (line ? <p key={index}>{line}</p> : null))}
        </section>
      ) : null}
      <div className="two-col">
        <section className="card stack" aria-labelledby="org-offers">
          <h2 id="org-offers">{t("network.organisation.solutionsOffered")}</h2>
          <List items={o.solutionsOffered} empty={t("network.organisation.noneListed")} />
        </section>
        <section className="card stack" aria-labelledby="org-wants">
          <h2 id="org-wants">{t("network.organisation.solutionsWanted")}</h2>
          <List items={o.solutionsWanted} empty={t("network.organisation.noneListed")} />
        </section>
      </div>
      {investor || o.investmentSoughtEur !== null ? (
        <section className="card" aria-labelledby="org-money">
          <h2 id="org-money">{t("network.organisation.investment")}</h2>
          <dl className="event-facts">
            {investor ? (
              <>
                <dt>{t("network.organisation.ticketSize")}</dt>
                <dd>{o.ticketMinEur !== null || o.ticketMaxEur !== null ? formatEuroRange(o.ticketMinEur, o.ticketMaxEur) : t("network.notSaid")}</dd>
                <dt>{t("network.organisation.stages")}</dt>
                <dd>{o.stages.length ? o.stages.map((s) => STAGE_LABELS[s as keyof typeof STAGE_LABELS] ?? s).join(", ") : t("network.organisation.any")}</dd>
                <dt>{t("network.organisation.focusCountries")}</dt>
                <dd>{o.focusCountries.length ? o.focusCountries.map((code) => countryName(code, locale)).join(", ") : t("network.organisation.allEurope")}</dd>
              </>
            ) : null}
            {o.investmentSoughtEur !== null ? (
              <>
                <dt>{t("network.organisation.investmentSought")}</dt>
                <dd>{formatEuroRange(o.investmentSoughtEur, o.investmentSoughtEur)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="org-members">
        <h2 id="org-members">{t("network.organisation.people")}</h2>
        {!signedIn ? (
          <p className="tz-note">
            <Trans
              i18nKey={o.listedMemberCount === 1 ? "network.organisation.oneListedMember" : "network.organisation.listedMembers"}
              values={{ total: o.listedMemberCount }}
              components={{ linkto: <Link to={`/signin?redirectTo=${encodeURIComponent(`/organisations/${o.slug}`)}`} /> }}
            />
          </p>
        ) : o.members.length === 0 ? (
          <p className="tz-note">{t("network.organisation.noListedMember")}</p>
        ) : (
          <ul className="member-list">
            {o.members.map((m) => (
              <li key={m.id}>
                <Avatar name={m.name} imageId={m.photoId} />
                <span>
                  <Link to={`/people/${m.id}`}>{m.name}</Link> {m.expert ? <ExpertBadge /> : null}
                  {m.jobTitle ? <span className="person-card__meta"> — {m.jobTitle}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="two-col">
        <section className="card stack" aria-labelledby="org-events">
          <h2 id="org-events">{t("network.organisation.eventsOrganised")}</h2>
          {o.events.length === 0 ? (
            <p className="tz-note">{t("network.noneYet")}</p>
          ) : (
            <ul className="link-list">
              {o.events.map((event) => (
                <li key={event.slug}>
                  <KindBadge kind={event.kind} /> <Link to={`/events/${event.slug}`}>{event.title}</Link> —{" "}
                  {formatDate(new Date(event.startsAt), event.timeZone, locale)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card stack" aria-labelledby="org-stops">
          <h2 id="org-stops">{t("network.organisation.stopsAttended")}</h2>
          {o.stops.length === 0 ? (
            <p className="tz-note">{t("network.noneYet")}</p>
          ) : (
            <ul className="link-list">
              {o.stops.map((stop) => (
                <li key={stop.id}>
                  <Link to={`/roadshows/${stop.event.slug}`}>{stop.event.title}</Link> — {stop.city}, {countryName(stop.country, locale)},{" "}
                  {formatDate(new Date(stop.startsAt), stop.timeZone, locale)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
