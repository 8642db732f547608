// The side boxes of a session's page: adding it to (or removing it from) my agenda, and the join
// area of an online session. Plain props: what the page's loader returns.
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/forms";

export function MyAgendaBox({
  session,
  seatsLeft,
  cancelled,
  signedIn,
  picked,
  registered,
  ended,
  busy,
}: {
  session: { id: string; capacity: number | null; event: { slug: string; title: string } };
  seatsLeft: number | null;
  cancelled: boolean;
  signedIn: boolean;
  picked: boolean;
  registered: boolean;
  ended: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="my-agenda-box">
      <h2 id="my-agenda-box">{t("sessions.box.title")}</h2>
      {seatsLeft !== null ? (
        <p className={seatsLeft === 0 ? "seats seats--full" : "seats"}>
          {seatsLeft === 0 ? t("sessions.box.full") : t("sessions.box.seatsLeft", { left: seatsLeft, capacity: session.capacity })}
        </p>
      ) : null}
      {cancelled ? (
        <p>{t("sessions.box.cancelled")}</p>
      ) : !signedIn ? (
        <p>
          <Trans i18nKey="sessions.box.signIn" components={{ linkto: <Link to={`/signin?redirectTo=/sessions/${session.id}`} /> }} />
        </p>
      ) : picked ? (
        <>
          <p className="picked">{t("sessions.box.inAgenda")}</p>
          <div className="button-row">
            <a className="button button--small button--ghost" href={`/sessions/${session.id}/calendar.ics`} download>
              {t("sessions.box.downloadIcs")}
            </a>
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="button button--small button--ghost" disabled={busy}>
                {t("sessions.box.remove")}
              </button>
            </Form>
          </div>
          <p className="tz-note">
            <Link to="/my/agenda">{t("sessions.box.seeMyAgenda")}</Link>
          </p>
        </>
      ) : registered ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          <button type="submit" className="button" disabled={busy || seatsLeft === 0 || ended}>
            {busy ? t("sessions.box.adding") : t("sessions.box.add")}
          </button>
          {ended ? <p className="tz-note">{t("sessions.box.over")}</p> : null}
        </Form>
      ) : (
        <p>
          <Trans
            i18nKey="sessions.box.register"
            values={{ title: session.event.title }}
            components={{ linkto: <Link to={`/events/${session.event.slug}`} /> }}
          />
        </p>
      )}
    </section>
  );
}

export function JoinBox({
  sessionId,
  eventSlug,
  hasRecording,
  join,
  joinLeadMinutes,
}: {
  sessionId: string;
  eventSlug: string;
  hasRecording: boolean;
  join: { kind: string; opens: string | null };
  joinLeadMinutes: number;
}) {
  const { t } = useTranslation();
  if (join.kind === "none") return null;
  return (
    <section className="card join-box" aria-labelledby="join-box">
      <h2 id="join-box">{t("sessions.join.title")}</h2>
      {join.kind === "open" ? (
        <>
          <p>{t("sessions.join.open")}</p>
          <a className="button" href={`/sessions/${sessionId}/join`}>
            {t("sessions.join.joinNow")}
          </a>
        </>
      ) : join.kind === "not-yet" ? (
        <p>{t("sessions.join.opens", { opens: join.opens, minutes: joinLeadMinutes })}</p>
      ) : join.kind === "ended" ? (
        <p>{hasRecording ? t("sessions.join.endedWithRecording") : t("sessions.join.ended")}</p>
      ) : join.kind === "sign-in" ? (
        <p>
          <Trans
            i18nKey="sessions.join.signIn"
            values={{ minutes: joinLeadMinutes }}
            components={{ linkto: <Link to={`/signin?redirectTo=/sessions/${sessionId}`} /> }}
          />
        </p>
      ) : (
        <p>
          <Trans i18nKey="sessions.join.register" values={{ minutes: joinLeadMinutes }} components={{ linkto: <Link to={`/events/${eventSlug}`} /> }} />
        </p>
      )}
    </section>
  );
}
