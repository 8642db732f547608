// The public agenda of an event: by day, filtered by track/theme/format, in the event's zone
// or the viewer's own.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ZoneSwitcher } from "~/components/agenda/zone-switcher";
import { SelectField } from "~/components/ui/forms";
import { displayTimeZone, filterSessions, groupSessionsByDay, parseAgendaFilter } from "~/domain/agenda/display";
import { loadPublicAgenda } from "~/domain/agenda/public.server";
import { domainErrorResponse } from "~/web/responses.server";
import { SESSION_FORMATS, type SessionFormatName } from "~/domain/agenda/types";
import { THEMES } from "~/domain/kernel/vocabulary";
import { useTranslation } from "react-i18next";
import { themeLabel } from "~/components/events/event-card";
import { metaT } from "~/components/ui/i18n";
import { formatDateSpan } from "~/domain/kernel/time/zoned";
import { getUser } from "~/web/auth.server";
import { resolveLanguage } from "~/web/i18n.server";
import { intlLocale } from "~/domain/kernel/i18n/languages";
import { localizeEvent, localizeSessionTitle } from "~/domain/kernel/i18n/content";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaT(matches)("agenda.public.metaTitle", { title: data.event.title }) : metaT(matches)("agenda.public.metaNotFound") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, language] = await Promise.all([getUser(request), resolveLanguage(request)]);
  const search = new URL(request.url).searchParams;
  let agenda;
  try {
    agenda = await loadPublicAgenda(params.slug ?? "", user);
  } catch (error) {
    throw domainErrorResponse(error);
  }
  const { event, sessions, picked, published, preview, canEdit } = agenda;
  const tz = search.get("tz");
  const zone = displayTimeZone(event.timeZone, tz, tz ? "viewer" : "event");
  const filter = parseAgendaFilter(search);
  const knownTracks = new Set(event.tracks.map((t) => t.id));
  filter.trackIds = filter.trackIds?.filter((id) => knownTracks.has(id));
  const shown = filterSessions(sessions, filter);
  const pickedSet = new Set(picked);
  const days = groupSessionsByDay(shown, zone, intlLocale(language)).map((day) => ({
    day: day.day,
    label: day.label,
    entries: day.entries.map(({ session, time }) => ({
      time,
      startsAtIso: session.startsAt.toISOString(),
      id: session.id,
      title: localizeSessionTitle(session, language),
      format: session.format,
      status: session.status,
      online: session.online,
      room: session.room?.name ?? null,
      track: session.track,
      speakers: session.speakers.map(({ speaker }) => [speaker.name, speaker.organisation].filter(Boolean).join(", ")),
      seatsLeft: session.capacity !== null ? Math.max(0, session.capacity - session.taken) : null,
      picked: pickedSet.has(session.id),
    })),
  }));
  const text = localizeEvent(event, language);
  return {
    event: {
      slug: event.slug,
      title: text.title,
      summary: text.summary,
      timeZone: event.timeZone,
      dates: formatDateSpan(event.startsAt, event.endsAt, zone, intlLocale(language)),
    },
    tracks: event.tracks,
    filter: { track: filter.trackIds?.[0] ?? "", theme: filter.themes?.[0] ?? "", format: filter.formats?.[0] ?? "" },
    filtered: Boolean(filter.trackIds?.length || filter.themes?.length || filter.formats?.length),
    total: sessions.length,
    shownCount: shown.length,
    days,
    zone,
    tz: tz && zone !== event.timeZone ? zone : "",
    published,
    preview,
    canEdit,
    signedIn: Boolean(user),
  };
}

export default function PublicAgenda() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const formatLabel = (format: string) =>
    (SESSION_FORMATS as readonly string[]).includes(format) ? t(`agenda.formats.${format as SessionFormatName}`) : format;
  const { event } = data;
  return (
    <div className="agenda-ui">
      <p className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <div className="section-head section-head--top">
        <div>
          <h1>{t("agenda.public.title")}</h1>
          <p className="tz-note">
            {event.title} · {event.dates}
          </p>
        </div>
        <div className="button-row">
          {data.signedIn ? (
            <Link to="/my/agenda" className="button button--ghost">
              {t("agenda.public.myAgenda")}
            </Link>
          ) : null}
          {data.canEdit ? (
            <Link to={`/organise/events/${event.slug}/agenda`} className="button button--ghost">
              {t("agenda.public.editAgenda")}
            </Link>
          ) : null}
        </div>
      </div>
      {data.preview ? <div className="notice notice--info">{t("agenda.public.preview")}</div> : null}

      {!data.published && !data.preview ? (
        <div className="empty-state">
          <h2>{t("agenda.public.soonTitle")}</h2>
          <p>{t("agenda.public.soonHint")}</p>
          <p>
            <Link to={`/events/${event.slug}`}>{t("agenda.public.eventPage")}</Link>
          </p>
        </div>
      ) : (
        <>
          <div className="agenda-toolbar card">
            <Form method="get" className="filters agenda-filters" aria-label={t("agenda.public.filters")}>
              {data.tz ? <input type="hidden" name="tz" value={data.tz} /> : null}
              {data.tracks.length > 0 ? (
                <SelectField
                  label={t("agenda.public.track")}
                  id="f-track"
                  name="track"
                  defaultValue={data.filter.track}
                  options={[["", t("agenda.public.allTracks")], ...data.tracks.map((track) => [track.id, track.name] as const)]}
                />
              ) : null}
              <SelectField
                label={t("agenda.public.theme")}
                id="f-theme"
                name="theme"
                defaultValue={data.filter.theme}
                options={[["", t("agenda.public.allThemes")], ...THEMES.map((theme) => [theme, themeLabel(t, theme)] as const)]}
              />
              <SelectField
                label={t("agenda.public.format")}
                id="f-format"
                name="format"
                defaultValue={data.filter.format}
                options={[["", t("agenda.public.allFormats")], ...SESSION_FORMATS.map((format) => [format, formatLabel(format)] as const)]}
              />
              <div className="filters__actions">
                <button type="submit" className="button" disabled={navigation.state === "loading"}>
                  {t("agenda.public.filter")}
                </button>
                {data.filtered ? (
                  <Link to={data.tz ? `?tz=${encodeURIComponent(data.tz)}` : "."} className="button button--ghost">
                    {t("agenda.public.clear")}
                  </Link>
                ) : null}
              </div>
            </Form>
            <ZoneSwitcher eventZone={event.timeZone} shownZone={data.zone} viewerZone={data.tz || null} />
          </div>

          <p className="tz-note" aria-live="polite">
            {data.filtered
              ? t("agenda.public.countMatching", { shown: data.shownCount, total: data.total })
              : t("agenda.public.countAll", { total: data.total })}
          </p>

          {data.days.length === 0 ? (
            <div className="empty-state">
              <h2>{data.filtered ? t("agenda.public.emptyFiltered") : t("agenda.public.emptyNone")}</h2>
              {data.filtered ? (
                <Link to="." className="button button--ghost">
                  {t("agenda.public.showAll")}
                </Link>
              ) : (
                <p>{t("agenda.public.stillBuilding")}</p>
              )}
            </div>
          ) : (
            data.days.map((day) => (
              <section key={day.day} className="agenda-day" aria-labelledby={`day-${day.day}`}>
                <h2 id={`day-${day.day}`} className="agenda-day__title">
                  {day.label}
                </h2>
                <ul className="agenda-list card">
                  {day.entries.map((entry) => (
                    <li
                      key={entry.id}
                      className={`agenda-item${entry.status === "CANCELLED" ? " agenda-item--cancelled" : ""}`}
                      style={entry.track ? { ["--track" as string]: entry.track.color } : undefined}
                    >
                      <time className="agenda-item__time" dateTime={entry.startsAtIso}>
                        <strong>{entry.time}</strong>
                      </time>
                      <div className="agenda-item__body">
                        <h3>
                          <Link to={`/sessions/${entry.id}${data.tz ? `?tz=${encodeURIComponent(data.tz)}` : ""}`}>{entry.title}</Link>
                        </h3>
                        <p className="tz-note">
                          {[formatLabel(entry.format), entry.room, entry.online ? t("agenda.public.online") : null].filter(Boolean).join(" · ")}
                        </p>
                        {entry.speakers.length > 0 ? <p className="agenda-item__speakers">{entry.speakers.join(" · ")}</p> : null}
                        <div className="badges">
                          {entry.track ? <span className="track-chip">{entry.track.name}</span> : null}
                          {entry.status === "CANCELLED" ? <span className="badge badge--cancelled">{t("vocabulary.cancelled")}</span> : null}
                          {entry.status === "DRAFT" ? <span className="badge">{t("agenda.public.draft")}</span> : null}
                          {entry.picked ? <span className="badge badge--picked">{t("agenda.public.picked")}</span> : null}
                          {entry.seatsLeft !== null ? (
                            <span className={`badge${entry.seatsLeft === 0 ? " badge--cancelled" : ""}`}>
                              {entry.seatsLeft === 0 ? t("agenda.public.full") : t("agenda.public.seatsLeft", { count: entry.seatsLeft })}
                            </span>
                          ) : null}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
    </div>
  );
}
