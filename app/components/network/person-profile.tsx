// A person's page in the directory: who they are, their organisation, themes and expertise, the
// public events where they speak, and "Request an introduction" when they are open to it.
import { Link } from "@remix-run/react";
import { KindBadge, ThemeBadges } from "~/components/events/event-card";
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
  const place = [person.city, countryName(person.country)].filter(Boolean).join(", ");
  return (
    <article className="stack" aria-labelledby="person-name">
      {person.isSelf && !person.listed ? (
        <div className="notice notice--info" role="status">
          Only you can see this page: you are not listed in the people directory. <Link to="/account/profile">Edit your profile</Link>
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
                Request an introduction
              </Link>
            ) : null}
            {person.isSelf ? (
              <Link to="/account/profile" className="button button--ghost">
                Edit my profile
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      {person.bio ? (
        <section className="card prose" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          {person.bio.split("\n").map((line, index) => (line ? <p key={index}>{line}</p> : null))}
        </section>
      ) : null}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">In the network</h2>
        <dl className="event-facts">
          <dt>Expertise</dt>
          <dd>{person.expertise.length ? person.expertise.join(", ") : "Not said"}</dd>
          <dt>Looking to</dt>
          <dd>{person.intents.length ? person.intents.map((i) => INTENT_LABELS[i as IntentName] ?? i).join(", ") : "Not said"}</dd>
          <dt>Languages</dt>
          <dd>{person.languages.length ? person.languages.map(languageName).join(", ") : "Not said"}</dd>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="speaking-title">
        <h2 id="speaking-title">Speaking at</h2>
        {person.speaking.length === 0 ? (
          <p className="tz-note">No public events yet.</p>
        ) : (
          <ul className="link-list">
            {person.speaking.map((event) => (
              <li key={event.slug}>
                <KindBadge kind={event.kind} /> <Link to={`/events/${event.slug}`}>{event.title}</Link> — {formatDate(new Date(event.startsAt), event.timeZone)}
                {event.city ? `, ${event.city}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
