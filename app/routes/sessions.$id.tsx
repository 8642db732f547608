// One session: details, speakers, "add to my agenda", the join area for online sessions, and
// recording/slides once it is over.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { JoinBox, MyAgendaBox } from "~/components/agenda/session-boxes";
import { ZoneSwitcher } from "~/components/agenda/zone-switcher";
import { FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { formatSessionTime, displayTimeZone } from "~/domain/agenda/display";
import { addToMyAgenda, removeFromMyAgenda } from "~/domain/agenda/personal.server";
import { loadSessionPage } from "~/domain/agenda/public.server";
import { localizeEvent, localizeSessionTitle } from "~/domain/kernel/i18n/content";
import { intlLocale } from "~/domain/kernel/i18n/languages";
import { translate } from "~/domain/kernel/i18n/translate";
import { resolveLanguage } from "~/web/i18n.server";
import { agendaActionFailure } from "~/domain/agenda/route-errors.server";
import { domainErrorResponse } from "~/web/responses.server";
import { formatDate } from "~/domain/kernel/time/zoned";
import { getUser, requireUser } from "~/web/auth.server";
import { formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [{ title: metaT(matches)("sessions.page.metaTitle", { session: data.session.title, event: data.session.event.title }) }]
    : [{ title: metaT(matches)("sessions.page.metaNotFound") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, language] = await Promise.all([getUser(request), resolveLanguage(request)]);
  const tz = new URL(request.url).searchParams.get("tz");
  let page;
  try {
    page = await loadSessionPage(params.id ?? "", user, tz);
  } catch (error) {
    throw domainErrorResponse(error);
  }
  // Titles in the visitor's language where the organisers gave one (and no translations sent on).
  const { translations, event, ...rest } = page.session;
  const { translations: _eventTranslations, defaultLanguage: _own, ...eventRest } = event;
  const session = {
    ...rest,
    title: localizeSessionTitle({ title: rest.title, translations }, language),
    event: { ...eventRest, title: localizeEvent(event, language).title },
  };
  const zone = displayTimeZone(session.event.timeZone, tz, tz ? "viewer" : "event");
  return {
    ...page,
    session,
    signedIn: Boolean(user),
    zone,
    eventZone: session.event.timeZone,
    when: `${formatDate(session.startsAt, zone, intlLocale(language))}, ${formatSessionTime(session, zone)}`,
    startsAtIso: session.startsAt.toISOString(),
    join: page.join.kind === "not-yet" ? { kind: page.join.kind, opens: page.join.opens } : { kind: page.join.kind, opens: null },
  };
}

const pickSchema = z.object({ intent: z.enum(["add", "remove"], { error: "Unknown action." }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, pickSchema);
  if (!form.ok) return formFailure(form);
  const language = await resolveLanguage(request);
  try {
    if (form.data.intent === "add") {
      const result = await addToMyAgenda(user, params.id ?? "");
      return json({
        ok: true as const,
        notice: translate(language, result.added ? "sessions.page.added" : "sessions.page.alreadyAdded"),
        warning: result.warning,
      });
    }
    const result = await removeFromMyAgenda(user, params.id ?? "");
    return json({ ok: true as const, notice: translate(language, result.removed ? "sessions.page.removed" : "sessions.page.notInAgenda"), warning: null });
  } catch (error) {
    const failure = agendaActionFailure(error, {}, form.data.intent);
    return json(failure.body, { status: failure.status });
  }
}

export default function SessionPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const { session } = data;
  const seatsLeft = session.capacity !== null ? Math.max(0, session.capacity - session.taken) : null;
  const cancelled = session.status === "CANCELLED";
  return (
    <article className="session-page agenda-ui">
      <p className="breadcrumbs">
        <Link to={`/events/${session.event.slug}/agenda`}>{t("sessions.page.backToAgenda", { title: session.event.title })}</Link>
      </p>
      <header className="event-header">
        <div className="badges">
          <span className={`badge badge--format-${session.format}`}>{t(`agenda.formats.${session.format}`)}</span>
          {session.online ? <span className="badge badge--online">{t("sessions.page.online")}</span> : null}
          {cancelled ? <span className="badge badge--cancelled">{t("sessions.page.cancelled")}</span> : null}
          {session.status === "DRAFT" ? <span className="badge">{t("sessions.page.draft")}</span> : null}
          {session.themes.map((theme) => (
            <span key={theme} className="badge badge--theme">
              {t(`vocabulary.themes.${theme}`)}
            </span>
          ))}
        </div>
        <h1 className={cancelled ? "is-cancelled" : undefined}>{session.title}</h1>
        <p className="session-page__when">
          <time dateTime={data.startsAtIso}>{data.when}</time>
          {" · "}
          {session.room && session.online
            ? t("sessions.page.roomAndOnline", { room: session.room.name })
            : (session.room?.name ?? (session.online ? t("sessions.page.online") : t("sessions.page.placeTba")))}
          {session.track ? (
            <>
              {" "}
              ·{" "}
              <span className="track-chip" style={{ ["--track" as string]: session.track.color }}>
                {session.track.name}
              </span>
            </>
          ) : null}
        </p>
        <ZoneSwitcher eventZone={data.eventZone} shownZone={data.zone} viewerZone={null} />
      </header>

      {result?.ok ? (
        <div className="notice notice--success" role="status">
          {result.notice}
        </div>
      ) : null}
      {result?.ok && result.warning ? (
        <div className="notice notice--info" role="status">
          {result.warning}
        </div>
      ) : null}
      <FormError message={result && !result.ok ? ("formError" in result ? result.formError : undefined) : undefined} />

      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="about-session">
            <h2 id="about-session">{t("sessions.page.about")}</h2>
            {session.description ? <div className="prose">{session.description}</div> : <p className="tz-note">{t("sessions.page.noDescription")}</p>}
          </section>
          <section className="card" aria-labelledby="speakers">
            <h2 id="speakers">{t("sessions.page.speakers")}</h2>
            {session.speakers.length === 0 ? (
              <p className="tz-note">{t("sessions.page.speakersTba")}</p>
            ) : (
              <ul className="speaker-list">
                {session.speakers.map(({ speaker }) => (
                  <li key={speaker.id}>
                    <span className="speaker-list__avatar" aria-hidden="true">
                      {speaker.name.slice(0, 1)}
                    </span>
                    <div>
                      <strong>{speaker.name}</strong>
                      <div className="tz-note">{[speaker.jobTitle, speaker.organisation].filter(Boolean).join(", ")}</div>
                      {speaker.bio ? <p>{speaker.bio}</p> : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {data.ended && (session.recordingUrl || session.slidesUrl) ? (
            <section className="card" aria-labelledby="after">
              <h2 id="after">{t("sessions.page.recordingAndSlides")}</h2>
              <ul className="link-list">
                {session.recordingUrl ? (
                  <li>
                    <a href={session.recordingUrl} rel="noopener noreferrer" target="_blank">
                      {t("sessions.page.watchRecording")}
                    </a>
                  </li>
                ) : null}
                {session.slidesUrl ? (
                  <li>
                    <a href={session.slidesUrl} rel="noopener noreferrer" target="_blank">
                      {t("sessions.page.downloadSlides")}
                    </a>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}
        </div>

        <aside className="stack">
          <MyAgendaBox
            session={session}
            seatsLeft={seatsLeft}
            cancelled={cancelled}
            signedIn={data.signedIn}
            picked={data.picked}
            registered={data.registered}
            ended={data.ended}
            busy={busy}
          />
          <JoinBox
            sessionId={session.id}
            eventSlug={session.event.slug}
            hasRecording={Boolean(session.recordingUrl)}
            join={data.join}
            joinLeadMinutes={data.joinLeadMinutes}
          />

          {!cancelled ? (
            <p>
              <Link className="button button--ghost button--small" to={`/sessions/${session.id}/qa`}>
                {t("sessions.page.liveQa")}
              </Link>
            </p>
          ) : null}
          {data.canEdit ? (
            <p>
              <Link className="button button--ghost button--small" to={`/organise/events/${session.event.slug}/agenda?edit=${session.id}`}>
                {t("sessions.page.editInTimetable")}
              </Link>
            </p>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
