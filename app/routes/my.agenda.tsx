// My agenda: the sessions I picked, across all events, each with its calendar file.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfField, FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { formatSessionTime } from "~/domain/agenda/display";
import { listMyAgenda, removeFromMyAgenda } from "~/domain/agenda/personal.server";
import { agendaSettings } from "~/domain/agenda/reminders.server";
import { agendaActionFailure } from "~/domain/agenda/route-errors.server";
import { joinWindow } from "~/domain/agenda/webinar";
import { intlLocale } from "~/domain/kernel/i18n/languages";
import { createT, translate } from "~/domain/kernel/i18n/translate";
import { formatDate, formatDateSpan } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { formFailure, readForm } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("sessions.myAgenda.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const language = await resolveLanguage(request);
  const t = createT(language);
  const locale = intlLocale(language);
  const { groups, overlapping } = await listMyAgenda(user.id);
  const now = new Date();
  const overlaps = new Set(overlapping);
  const lead = agendaSettings().joinLeadMinutes;
  const events = groups.map(({ event, sessions }) => ({
    slug: event.slug,
    title: event.title,
    timeZone: event.timeZone,
    dates: formatDateSpan(event.startsAt, event.endsAt, event.timeZone, locale),
    past: event.endsAt.getTime() < now.getTime(),
    sessions: sessions.map((session) => ({
      id: session.id,
      title: session.title,
      format: t(`agenda.formats.${session.format}`),
      cancelled: session.status === "CANCELLED",
      day: formatDate(session.startsAt, event.timeZone, locale),
      time: formatSessionTime(session, event.timeZone, locale),
      startsAtIso: session.startsAt.toISOString(),
      place:
        session.room && session.onlineUrl
          ? t("sessions.page.roomAndOnline", { room: session.room.name })
          : (session.room?.name ?? (session.onlineUrl ? t("sessions.page.online") : "")),
      speakers: session.speakers.map((s) => s.speaker.name).join(", "),
      overlaps: overlaps.has(session.id),
      joinOpen: Boolean(session.onlineUrl) && session.status !== "CANCELLED" && joinWindow(session, now, lead).state === "OPEN",
      ended: session.endsAt.getTime() <= now.getTime(),
    })),
  }));
  return { events, count: groups.reduce((n, g) => n + g.sessions.length, 0) };
}

const removeSchema = z.object({ intent: z.literal("remove"), sessionId: z.guid("Unknown session.") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, removeSchema);
  if (!form.ok) return formFailure(form);
  try {
    const result = await removeFromMyAgenda(user, form.data.sessionId);
    return json({
      ok: true as const,
      notice: translate(await resolveLanguage(request), result.removed ? "sessions.page.removed" : "sessions.myAgenda.notInAgenda"),
    });
  } catch (error) {
    const failure = agendaActionFailure(error);
    return json(failure.body, { status: failure.status });
  }
}

export default function MyAgenda() {
  const { events, count } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const upcoming = events.filter((e) => !e.past);
  const past = events.filter((e) => e.past);
  return (
    <div className="agenda-ui">
      <div className="section-head section-head--top">
        <div>
          <h1>{t("sessions.myAgenda.title")}</h1>
          <p className="tz-note">{count === 1 ? t("sessions.myAgenda.countOne") : t("sessions.myAgenda.countMany", { total: count })}</p>
        </div>
        <Link to="/events" className="button button--ghost">
          {t("sessions.myAgenda.findEvents")}
        </Link>
      </div>
      {result?.ok ? (
        <div className="notice notice--success" role="status">
          {result.notice}
        </div>
      ) : null}
      <FormError message={result && !result.ok && "formError" in result ? result.formError : undefined} />
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>{t("sessions.myAgenda.emptyTitle")}</h2>
          <p>{t("sessions.myAgenda.emptyText")}</p>
          <Link to="/events" className="button">
            {t("sessions.myAgenda.browseEvents")}
          </Link>
        </div>
      ) : null}
      {[...upcoming, ...past].map((event) => (
        <section key={event.slug} className={`card my-agenda__event${event.past ? " my-agenda__event--past" : ""}`} aria-labelledby={`ev-${event.slug}`}>
          <div className="my-agenda__head">
            <h2 id={`ev-${event.slug}`}>
              <Link to={`/events/${event.slug}/agenda`}>{event.title}</Link>
            </h2>
            <p className="tz-note">
              {event.dates} · {event.timeZone.replace(/_/g, " ")}
              {event.past ? ` · ${t("sessions.myAgenda.pastEvent")}` : ""}
            </p>
          </div>
          <ul className="agenda-list">
            {event.sessions.map((session) => (
              <li key={session.id} className={`agenda-item${session.cancelled ? " agenda-item--cancelled" : ""}`}>
                <time className="agenda-item__time" dateTime={session.startsAtIso}>
                  <span>{session.day}</span>
                  <strong>{session.time}</strong>
                </time>
                <div className="agenda-item__body">
                  <h3>
                    <Link to={`/sessions/${session.id}`}>{session.title}</Link>
                  </h3>
                  <p className="tz-note">{[session.format, session.place, session.speakers].filter(Boolean).join(" · ")}</p>
                  <div className="badges">
                    {session.cancelled ? <span className="badge badge--cancelled">{t("sessions.page.cancelled")}</span> : null}
                    {session.overlaps && !session.cancelled ? <span className="badge badge--warn">{t("sessions.myAgenda.overlaps")}</span> : null}
                  </div>
                </div>
                <div className="agenda-item__actions">
                  {session.joinOpen ? (
                    <a className="button button--small" href={`/sessions/${session.id}/join`}>
                      {t("sessions.join.joinNow")}
                    </a>
                  ) : null}
                  <a
                    className="button button--small button--ghost"
                    href={`/sessions/${session.id}/calendar.ics`}
                    download
                    aria-label={t("sessions.myAgenda.downloadIcs", { title: session.title })}
                  >
                    .ics
                  </a>
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button
                      type="submit"
                      className="button button--small button--ghost"
                      disabled={navigation.state === "submitting"}
                      aria-label={t("sessions.myAgenda.removeFromAgenda", { title: session.title })}
                    >
                      {t("sessions.myAgenda.remove")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
