// A person's page in the directory: who they are, their organisation, themes and expertise, the
// public events where they speak, and "Request an introduction" when they are open to it.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { KindBadge, ThemeBadges } from "~/components/events/event-card";
import { useLanguage } from "~/components/ui/i18n";
import { formatDate } from "~/domain/kernel/time/zoned";
import { countryName } from "~/domain/kernel/vocabulary";
import { INTENT_LABELS, languageName, type IntentName } from "~/domain/network/vocabulary";
import { Avatar, ExpertBadge, OrganisationKindBadge } from "./cards";

export interface PersonProfileData {
  id: string;
  name: string;
  jobTitle: string | null;
  expert: boolean;
  bio: string | null;
  country: string | null;
  city: string | null;
  languages: string[];
  themes: string[];
  intents: string[];
  expertise: string[];
  photoId: string | null;
  listed: boolean;
  organisation: { name: string; slug: string | null; kind: string | null } | null;
  speaking: { slug: string; title: string; startsAt: string | Date; timeZone: string; kind: string; city: string | null }[];
  isSelf: boolean;
  canRequestIntroduction: boolean;
}

export function PersonProfile({ person }: { person: PersonProfileData }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const place = [person.city, countryName(person.country, locale)].filter(Boolean).join(", ");
  return (
    <article className="stack" aria-labelledby="person-name">
      {person.isSelf && !person.listed ? (
        <div className="notice notice--info" role="status">
          {t("network.person.onlyYou")} <Link to="/account/profile">{t("network.person.editYourProfile")}</Link>
        </div>
      ) : null}
      <header className="card profile-head">
        <Avatar name={person.name} imageId={person.photoId} size="l" />
        <div className="stack">
          <h1 id="person-name">{person.name}</h1>
          {person.jobTitle ? <p className="person-card__meta">{person.jobTitle}</p> : null}
          {person.organisation ? (
            <p>
              {person.organisation.slug ? <Link to={`/organisations/${person.organisation.slug}`}>{person.organisation.name}</Link> : person.organisation.name}{" "}
              {person.organisation.kind ? <OrganisationKindBadge kind={person.organisation.kind} /> : null}
            </p>
          ) : null}
          {place ? <p className="person-card__meta">{place}</p> : null}
          <div className="badges">
            {person.expert ? <ExpertBadge /> : null}
            <ThemeBadges themes={person.themes} />
          </div>
          <div className="button-row">
            {person.canRequestIntroduction ? (
              <Link to={`/people/${person.id}/introduce`} className="button">
                {t("network.requestIntroduction")}
              </Link>
            ) : null}
            {person.isSelf ? (
              <Link to="/account/profile" className="button button--ghost">
                {t("network.person.editMine")}
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      {person.bio ? (
        <section className="card prose" aria-labelledby="about-title">
          <h2 id="about-title">{t("network.about")}</h2>
          {person.bio.split("\n").map((line, index) => (line ? <p key={index}>{line}</p> : null))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t("network.person.inNetwork")}</h2>
        <dl className="event-facts">
          <dt>{t("network.person.expertise")}</dt>
          <dd>{person.expertise.length ? person.expertise.join(", ") : t("network.notSaid")}</dd>
          <dt>{t("network.person.lookingTo")}</dt>
          <dd>{person.intents.length ? person.intents.map((i) => INTENT_LABELS[i as IntentName] ?? i).join(", ") : t("network.notSaid")}</dd>
          <dt>{t("network.person.languages")}</dt>
          <dd>{person.languages.length ? person.languages.map(languageName).join(", ") : t("network.notSaid")}</dd>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="speaking-title">
        <h2 id="speaking-title">{t("network.person.speakingAt")}</h2>
        {person.speaking.length === 0 ? (
          <p className="tz-note">{t("network.person.noPublicEvents")}</p>
        ) : (
          <ul className="link-list">
            {person.speaking.map((event) => (
              <li key={event.slug}>
                <KindBadge kind={event.kind} /> <Link to={`/events/${event.slug}`}>{event.title}</Link> —{" "}
                {formatDate(new Date(event.startsAt), event.timeZone, locale)}
                {event.city ? `, ${event.city}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
