// The directories' cards and small pieces: a person's avatar (photo or initials), a person card,
// an organisation card, badges. Never an email address: the data these take has none.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThemeBadges } from "~/components/events/event-card";
import { useLanguage } from "~/components/ui/i18n";
import { countryName } from "~/domain/kernel/vocabulary";
import { ORGANISATION_KIND_LABELS, type OrganisationKindName } from "~/domain/network/vocabulary";

function initials(name: string): string {
  const parts = name
    .replace(/^(dr|prof)\.?\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

/** A photo or logo from /images/:id, or the initials in a circle. Decorative: the name is beside it. */
export function Avatar({ name, imageId, size = "m", shape = "round" }: { name: string; imageId: string | null; size?: "m" | "l"; shape?: "round" | "square" }) {
  const className = `avatar avatar--${size} avatar--${shape}`;
  return imageId ? (
    <img className={className} src={`/images/${imageId}`} alt="" width={size === "l" ? 128 : 56} height={size === "l" ? 128 : 56} loading="lazy" />
  ) : (
    <span className={`${className} avatar--initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function OrganisationKindBadge({ kind }: { kind: string }) {
  return <span className={`badge badge--org-${kind}`}>{ORGANISATION_KIND_LABELS[kind as OrganisationKindName] ?? kind}</span>;
}

export function ExpertBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--expert">{t("network.expert")}</span>;
}

export interface PersonCardData {
  id: string;
  name: string;
  jobTitle: string | null;
  roles: string[];
  organisation: string | null;
  organisationKind: string | null;
  country: string | null;
  city: string | null;
  themes: string[];
  expertise: string[];
  photoId: string | null;
}

export function PersonCard({ person }: { person: PersonCardData }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const place = [person.city, countryName(person.country, locale)].filter(Boolean).join(", ");
  return (
    <article className="card person-card" aria-labelledby={`person-${person.id}`}>
      <div className="person-card__head">
        <Avatar name={person.name} imageId={person.photoId} />
        <div>
          <h2 id={`person-${person.id}`} className="person-card__name">
            <Link to={`/people/${person.id}`}>{person.name}</Link>
          </h2>
          {person.jobTitle ? <p className="person-card__meta">{person.jobTitle}</p> : null}
          {person.organisation ? <p className="person-card__meta">{person.organisation}</p> : null}
          {place ? <p className="person-card__meta">{place}</p> : null}
        </div>
      </div>
      <div className="badges">
        {person.roles.includes("EXPERT") ? <ExpertBadge /> : null}
        {person.organisationKind ? <OrganisationKindBadge kind={person.organisationKind} /> : null}
        <ThemeBadges themes={person.themes} />
      </div>
      {person.expertise.length > 0 ? (
        <p className="person-card__meta">{t("network.person.expertiseList", { list: person.expertise.slice(0, 4).join(", ") })}</p>
      ) : null}
    </article>
  );
}

export interface OrganisationCardData {
  slug: string;
  name: string;
  kind: string;
  country: string;
  city: string | null;
  themes: string[];
  logoId: string | null;
  description: string | null;
}

export function OrganisationCard({ organisation }: { organisation: OrganisationCardData }) {
  const { locale } = useLanguage();
  const place = [organisation.city, countryName(organisation.country, locale)].filter(Boolean).join(", ");
  return (
    <article className="card person-card" aria-labelledby={`org-${organisation.slug}`}>
      <div className="person-card__head">
        <Avatar name={organisation.name} imageId={organisation.logoId} shape="square" />
        <div>
          <h2 id={`org-${organisation.slug}`} className="person-card__name">
            <Link to={`/organisations/${organisation.slug}`}>{organisation.name}</Link>
          </h2>
          <p className="person-card__meta">{place}</p>
        </div>
      </div>
      <div className="badges">
        <OrganisationKindBadge kind={organisation.kind} />
        <ThemeBadges themes={organisation.themes} />
      </div>
      {organisation.description ? <p className="person-card__meta">{organisation.description}</p> : null}
    </article>
  );
}
