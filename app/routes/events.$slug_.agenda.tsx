// The public agenda of an event: by day, filtered by track/theme/format, in the event's zone
// or the viewer's own.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ZoneSwitcher } from "~/components/agenda/zone-switcher";
import { SelectField } from "~/components/ui/forms";
import { displayTimeZone, filterSessions, groupSessionsByDay, parseAgendaFilter } from "~/domain/agenda/display";
import { loadPublicAgenda } from "~/domain/agenda/public.server";
import { domainErrorResponse } from "~/web/responses.server";
import { SESSION_FORMATS, SESSION_FORMAT_LABELS } from "~/domain/agenda/types";
import { THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import { formatDateSpan } from "~/domain/kernel/time/zoned";
import { getUser } from "~/web/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Agenda — ${data.event.title} — SCALE Events` }] : [{ title: "Agenda not found — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
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
  const days = groupSessionsByDay(shown, zone).map((day) => ({
    day: day.day,
    label: day.label,
    entries: day.entries.map(({ session, time }) => ({
      time,
      startsAtIso: session.startsAt.toISOString(),
      id: session.id,
      title: session.title,
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
  return {
    event: {
      slug: event.slug,
      title: event.title,
      summary: event.summary,
      timeZone: event.timeZone,
      dates: formatDateSpan(event.startsAt, event.endsAt, zone),
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
  const { event } = data;
  return (
    <div className="agenda-ui">
      <p className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <div className="section-head section-head--top">
        <div>
          <h1>Agenda</h1>
          <p className="tz-note">
            {event.title} · {event.dates}
          </p>
        </div>
        <div className="button-row">
          {data.signedIn ? (
            <Link to="/my/agenda" className="button button--ghost">
              My agenda
            </Link>
          ) : null}
          {data.canEdit ? (
            <Link to={`/organise/events/${event.slug}/agenda`} className="button button--ghost">
              Edit agenda
            </Link>
          ) : null}
        </div>
      </div>
      {data.preview ? <div className="notice notice--info">Preview: the agenda is not published yet. Only organisers see it; drafts are marked.</div> : null}

      {!data.published && !data.preview ? (
        <div className="empty-state">
          <h2>The agenda will be published soon</h2>
          <p>
            Check back later, or look at the <Link to={`/events/${event.slug}`}>event page</Link>.
          </p>
        </div>
      ) : (
        <>
          <div className="agenda-toolbar card">
            <Form method="get" className="filters agenda-filters" aria-label="Filter the agenda">
              {data.tz ? <input type="hidden" name="tz" value={data.tz} /> : null}
              {data.tracks.length > 0 ? (
                <SelectField
                  label="Track"
                  id="f-track"
                  name="track"
                  defaultValue={data.filter.track}
                  options={[["", "All tracks"], ...data.tracks.map((track) => [track.id, track.name] as const)]}
                />
              ) : null}
              <SelectField
                label="Theme"
                id="f-theme"
                name="theme"
                defaultValue={data.filter.theme}
                options={[["", "All themes"], ...THEMES.map((theme) => [theme, THEME_LABELS[theme]] as const)]}
              />
              <SelectField
                label="Format"
                id="f-format"
                name="format"
                defaultValue={data.filter.format}
                options={[["", "All formats"], ...SESSION_FORMATS.map((format) => [format, SESSION_FORMAT_LABELS[format]] as const)]}
              />
              <div className="filters__actions">
                <button type="submit" className="button" disabled={navigation.state === "loading"}>
                  Filter
                </button>
                {data.filtered ? (
                  <Link to={data.tz ? `?tz=${encodeURIComponent(data.tz)}` : "."} className="button button--ghost">
                    Clear
                  </Link>
                ) : null}
              </div>
            </Form>
            <ZoneSwitcher eventZone={event.timeZone} shownZone={data.zone} viewerZone={data.tz || null} />
          </div>

          <p className="tz-note" aria-live="polite">
            {data.filtered ? `${data.shownCount} of ${data.total} sessions match your filters.` : `${data.total} sessions.`}
          </p>

          {data.days.length === 0 ? (
            <div className="empty-state">
              <h2>{data.filtered ? "No sessions match these filters" : "No sessions yet"}</h2>
              {data.filtered ? (
                <Link to="." className="button button--ghost">
                  Show all sessions
                </Link>
              ) : (
                <p>The organisers are still building the agenda.</p>
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
                          {[SESSION_FORMAT_LABELS[entry.format], entry.room, entry.online ? "Online" : null].filter(Boolean).join(" · ")}
                        </p>
                        {entry.speakers.length > 0 ? <p className="agenda-item__speakers">{entry.speakers.join(" · ")}</p> : null}
                        <div className="badges">
                          {entry.track ? <span className="track-chip">{entry.track.name}</span> : null}
                          {entry.status === "CANCELLED" ? <span className="badge badge--cancelled">Cancelled</span> : null}
                          {entry.status === "DRAFT" ? <span className="badge">Draft</span> : null}
                          {entry.picked ? <span className="badge badge--picked">✓ In my agenda</span> : null}
                          {entry.seatsLeft !== null ? (
                            <span className={`badge${entry.seatsLeft === 0 ? " badge--cancelled" : ""}`}>
                              {entry.seatsLeft === 0 ? "Full" : `${entry.seatsLeft} seats left`}
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
