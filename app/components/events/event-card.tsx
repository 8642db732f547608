import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { useLanguage } from "~/components/ui/i18n";
import { countryName, EVENT_KINDS, THEMES, type EventKindName, type ThemeName } from "~/domain/kernel/vocabulary";
import { formatDateSpan } from "~/domain/kernel/time/zoned";

export interface EventCardData {
  slug: string;
  title: string;
  summary: string;
  /** The language title and summary are written in, when it may differ from the page's. */
  contentLanguage?: string;
  kind: string;
  mode: string;
  status: string;
  timeZone: string;
  startsAt: string | Date;
  endsAt: string | Date;
  city: string | null;
  country: string | null;
  themes: string[];
}

/** A kind's name in the page's language (an unknown kind is shown as stored). */
export function kindLabel(t: TFunction, kind: string): string {
  return (EVENT_KINDS as readonly string[]).includes(kind) ? t(`vocabulary.kinds.${kind as EventKindName}`) : kind;
}

export function themeLabel(t: TFunction, theme: string): string {
  return (THEMES as readonly string[]).includes(theme) ? t(`vocabulary.themes.${theme as ThemeName}`) : theme;
}

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge--kind-${kind}`}>{kindLabel(t, kind)}</span>;
}

export function ThemeBadges({ themes }: { themes: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {themes.map((theme) => (
        <span key={theme} className="badge badge--theme">
          {themeLabel(t, theme)}
        </span>
      ))}
    </>
  );
}

export function placeLabel(event: { mode: string; city: string | null; country: string | null }, t: TFunction, locale: string): string {
  const place = [event.city, countryName(event.country, locale)].filter(Boolean).join(", ");
  if (event.mode === "ONLINE") return t("vocabulary.place.online");
  if (event.mode === "HYBRID") return place ? t("vocabulary.place.hybridAt", { place }) : t("vocabulary.place.hybrid");
  return place || t("vocabulary.place.toBeAnnounced");
}

export function EventCard({ event }: { event: EventCardData }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  return (
    <article className="card event-card" aria-labelledby={`event-${event.slug}`}>
      <div className="badges">
        <KindBadge kind={event.kind} />
        {event.status === "CANCELLED" ? <span className="badge badge--cancelled">{t("vocabulary.cancelled")}</span> : null}
      </div>
      <h3 id={`event-${event.slug}`} lang={event.contentLanguage}>
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </h3>
      <div className="event-card__meta">
        <span>{formatDateSpan(start, end, event.timeZone, locale)}</span>
        <span>{placeLabel(event, t, locale)}</span>
      </div>
      <p className="event-card__summary" lang={event.contentLanguage}>
        {event.summary}
      </p>
      <div className="badges">
        <ThemeBadges themes={event.themes} />
      </div>
    </article>
  );
}
