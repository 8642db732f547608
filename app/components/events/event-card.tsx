import { Link } from "@remix-run/react";
import { countryName, KIND_LABELS, THEME_LABELS, type EventKindName, type ThemeName } from "~/domain/kernel/vocabulary";
import { formatDateSpan } from "~/domain/kernel/time/zoned";

export interface EventCardData {
  slug: string;
  title: string;
  summary: string;
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

export function KindBadge({ kind }: { kind: string }) {
  return <span className={`badge badge--kind-${kind}`}>{KIND_LABELS[kind as EventKindName] ?? kind}</span>;
}

export function ThemeBadges({ themes }: { themes: string[] }) {
  return (
    <>
      {themes.map((theme) => (
        <span key={theme} className="badge badge--theme">
          {THEME_LABELS[theme as ThemeName] ?? theme}
        </span>
      ))}
    </>
  );
}

export function placeLabel(event: { mode: string; city: string | null; country: string | null }): string {
  const place = [event.city, countryName(event.country)].filter(Boolean).join(", ");
  if (event.mode === "ONLINE") return "Online";
  if (event.mode === "HYBRID") return place ? `${place} · and online` : "Hybrid";
  return place || "Venue to be announced";
}

export function EventCard({ event }: { event: EventCardData }) {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  return (
    <article className="card event-card" aria-labelledby={`event-${event.slug}`}>
      <div className="badges">
        <KindBadge kind={event.kind} />
        {event.status === "CANCELLED" ? <span className="badge badge--cancelled">Cancelled</span> : null}
      </div>
      <h3 id={`event-${event.slug}`}>
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
      </h3>
      <div className="event-card__meta">
        <span>{formatDateSpan(start, end, event.timeZone)}</span>
        <span>{placeLabel(event)}</span>
      </div>
      <p className="event-card__summary">{event.summary}</p>
      <div className="badges">
        <ThemeBadges themes={event.themes} />
      </div>
    </article>
  );
}
