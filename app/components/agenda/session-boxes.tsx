// The side boxes of a session's page: adding it to (or removing it from) my agenda, and the join
// area of an online session. Plain props: what the page's loader returns.
import { Form, Link } from "@remix-run/react";
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
  return (
    <section className="card" aria-labelledby="my-agenda-box">
      <h2 id="my-agenda-box">Your agenda</h2>
      {seatsLeft !== null ? (
        <p className={seatsLeft === 0 ? "seats seats--full" : "seats"}>
          {seatsLeft === 0 ? "Full — all seats are taken" : `${seatsLeft} of ${session.capacity} seats left`}
        </p>
      ) : null}
      {cancelled ? (
        <p>This session has been cancelled.</p>
      ) : !signedIn ? (
        <p>
          <Link to={`/signin?redirectTo=/sessions/${session.id}`}>Sign in</Link> to add this session to your agenda.
        </p>
      ) : picked ? (
        <>
          <p className="picked">✓ In your agenda</p>
          <div className="button-row">
            <a className="button button--small button--ghost" href={`/sessions/${session.id}/calendar.ics`} download>
              Download .ics
            </a>
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="button button--small button--ghost" disabled={busy}>
                Remove from my agenda
              </button>
            </Form>
          </div>
          <p className="tz-note">
            <Link to="/my/agenda">See my agenda</Link>
          </p>
        </>
      ) : registered ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          <button type="submit" className="button" disabled={busy || seatsLeft === 0 || ended}>
            {busy ? "Adding…" : "Add to my agenda"}
          </button>
          {ended ? <p className="tz-note">This session is over.</p> : null}
        </Form>
      ) : (
        <p>
          Register for <Link to={`/events/${session.event.slug}`}>{session.event.title}</Link> to build your agenda.
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
  if (join.kind === "none") return null;
  return (
    <section className="card join-box" aria-labelledby="join-box">
      <h2 id="join-box">Join online</h2>
      {join.kind === "open" ? (
        <>
          <p>The session is open.</p>
          <a className="button" href={`/sessions/${sessionId}/join`}>
            Join now
          </a>
        </>
      ) : join.kind === "not-yet" ? (
        <p>
          The join link opens {join.opens} ({joinLeadMinutes} minutes before the start).
        </p>
      ) : join.kind === "ended" ? (
        <p>This session has ended.{hasRecording ? " The recording is above." : ""}</p>
      ) : join.kind === "sign-in" ? (
        <p>
          <Link to={`/signin?redirectTo=/sessions/${sessionId}`}>Sign in</Link> as a registered attendee to get the join link. It opens {joinLeadMinutes}{" "}
          minutes before the start.
        </p>
      ) : (
        <p>
          The join link is for registered attendees. Register for <Link to={`/events/${eventSlug}`}>the event</Link> and it appears here {joinLeadMinutes}{" "}
          minutes before the start.
        </p>
      )}
    </section>
  );
}
