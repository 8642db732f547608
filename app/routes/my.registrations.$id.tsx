// /my/registrations/:id — the attendee's ticket (the confirmation page after registering):
// code, QR code, calendar download, and what happens next for every other status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { orResponse } from "~/components/registration/route-helpers.server";
import { money, Notice, PaymentBadge, StatusBadge } from "~/components/registration/status";
import { myRegistration, waitingListPosition } from "~/domain/registration/attendee.server";
import { answerCell } from "~/domain/registration/csv";
import { ticketQrSvg } from "~/domain/registration/ticket-assets.server";
import { hasEnded, refundDecision } from "~/domain/registration/ticket-rules";
import { formatDate, formatRange, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { CertificateCard } from "~/components/engagement/certificate-card";
import { certificateStatus } from "~/domain/engagement/certificates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Your ticket: ${data.registration.event.title} — SCALE Events` : "Your ticket — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const registration = await orResponse(() => myRegistration(user.id, params.id ?? ""));
  const qrSvg = registration.status === "CONFIRMED" ? await ticketQrSvg(registration.ticketCode) : null;
  const position = registration.status === "WAITLISTED" ? await waitingListPosition({ ...registration, ticketTypeId: registration.ticketType.id }) : null;
  const refund = registration.paymentStatus === "PAID" ? refundDecision(registration.ticketType, registration.event, new Date()) : null;
  const certificate = registration.status === "CONFIRMED" ? await certificateStatus(user.id, registration.id) : null;
  return { registration, qrSvg, position, refund, certificate };
}

export default function Ticket() {
  const { registration: r, qrSvg, position, refund, certificate } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const event = r.event;
  const tz = event.timeZone;
  const start = new Date(event.startsAt);
  const at = (iso: string | Date) => `${formatDate(new Date(iso), tz)} ${formatTime(new Date(iso), tz)} ${zoneAbbreviation(new Date(iso), tz)}`;
  const welcome = params.get("welcome") === "1";
  return (
    <article className="reg-page">
      <p className="reg-back">
        <Link to="/my/registrations">← My registrations</Link>
      </p>
      {welcome && r.status === "CONFIRMED" ? <Notice tone="success">You're registered! Your ticket is below and on its way to {r.user.email}.</Notice> : null}
      {welcome && r.status === "WAITLISTED" ? (
        <Notice tone="info">This ticket is full, so you're on the waiting list. We'll email you the moment a place frees up.</Notice>
      ) : null}
      {welcome && r.status === "PENDING_APPROVAL" ? (
        <Notice tone="info">Request received. The organisers confirm places for this ticket; we'll email you their decision.</Notice>
      ) : null}
      <header className="reg-ticket-head">
        <div>
          <h1>{event.title}</h1>
          <p className="tz-note">
            {formatRange(start, new Date(event.endsAt), tz)} ·{" "}
            {[event.venueName, event.city].filter(Boolean).join(", ") || (event.mode === "ONLINE" ? "Online" : "")}
          </p>
        </div>
        <div className="badges">
          <StatusBadge status={r.status} />
          <PaymentBadge paymentStatus={r.paymentStatus} />
        </div>
      </header>

      <div className="two-col">
        <section className="card reg-ticket-card" aria-labelledby="ticket-title">
          <h2 id="ticket-title">{r.status === "CONFIRMED" ? "Your ticket" : "Your registration"}</h2>
          {r.status === "CONFIRMED" ? (
            <>
              <div className="reg-qr" role="img" aria-label={`QR code of ticket ${r.ticketCode}`} dangerouslySetInnerHTML={{ __html: qrSvg ?? "" }} />
              <p className="reg-code-label">Ticket code</p>
              <p className="reg-code" data-testid="ticket-code">
                {r.ticketCode}
              </p>
              <p className="tz-note">
                Show the QR code at the entrance, on your phone or printed. {r.user.name} · {r.ticketType.name}
              </p>
              {r.checkedInAt ? <Notice tone="success">Checked in at {at(r.checkedInAt)}.</Notice> : null}
              {r.paymentStatus === "UNPAID_INVOICE" ? (
                <Notice tone="info">Paying by invoice: the organisers will send it to you. Your place is confirmed meanwhile.</Notice>
              ) : null}
              <p className="reg-actions">
                <a className="button" href={`/my/registrations/${r.id}/ticket.ics`} download>
                  Add to calendar (.ics)
                </a>
              </p>
            </>
          ) : null}
          {r.status === "PENDING_PAYMENT" ? (
            <>
              <p>
                Your place is held{r.holdExpiresAt ? ` until ${at(r.holdExpiresAt)}` : ""} while you pay {money(r.ticketType.priceCents, r.ticketType.currency)}
                .
              </p>
              <p className="reg-actions">
                <Link className="button" to={`/checkout/${r.id}`}>
                  Pay now
                </Link>
              </p>
              <p className="tz-note">You can also pay by invoice / bank transfer where the ticket allows it — choose it on the payment page.</p>
            </>
          ) : null}
          {r.status === "PENDING_APPROVAL" ? (
            <p>The organisers confirm places for the {r.ticketType.name} ticket. Your place is held while they decide; we'll email you either way.</p>
          ) : null}
          {r.status === "WAITLISTED" ? (
            <p>
              You're <strong>{`number ${position}`}</strong> on the waiting list for {r.ticketType.name}. When a place frees up, we'll email you a link to claim
              it — you'll have a day to answer.
            </p>
          ) : null}
          {r.status === "OFFERED" ? (
            <>
              <p>A place is waiting for you{r.offerExpiresAt ? ` until ${at(r.offerExpiresAt)}` : ""}.</p>
              <p className="reg-actions">
                <Link className="button" to={`/offers/${r.id}`}>
                  Claim your place
                </Link>
              </p>
            </>
          ) : null}
          {hasEnded(r.status) ? (
            <>
              <p>
                This registration is {r.status === "REJECTED" ? "not accepted" : r.status.toLowerCase()}
                {r.cancelledAt ? ` (${at(r.cancelledAt)})` : ""}.
              </p>
              {r.decisionNote ? <blockquote className="reg-note">{r.decisionNote}</blockquote> : null}
              <p className="reg-actions">
                <Link className="button button--ghost" to={`/events/${event.slug}/register`}>
                  Register again
                </Link>
              </p>
            </>
          ) : null}
        </section>

        <aside className="stack">
          {certificate ? <CertificateCard registrationId={r.id} decision={certificate} /> : null}
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">Details</h2>
            <dl className="event-facts">
              <div>
                <dt>Ticket</dt>
                <dd>
                  {r.ticketType.name} · {money(r.ticketType.priceCents, r.ticketType.currency)}
                </dd>
              </div>
              <div>
                <dt>Registered</dt>
                <dd>{at(r.createdAt)}</dd>
              </div>
              {r.answers.map((a, i) => (
                <div key={i}>
                  <dt>{a.question.label}</dt>
                  <dd>{answerCell(a.value) || "—"}</dd>
                </div>
              ))}
            </dl>
          </section>
          {!hasEnded(r.status) ? (
            <section className="card" aria-labelledby="change-title">
              <h2 id="change-title">Can't make it?</h2>
              <p className="tz-note">
                {r.status === "WAITLISTED"
                  ? "Leave the waiting list so others move up."
                  : refund
                    ? refund.refund
                      ? `Cancel now and you'll be refunded${refund.refundDeadline ? ` (refundable until ${at(refund.refundDeadline)})` : ""}.`
                      : "This ticket is no longer refundable, but cancelling frees your place for someone on the waiting list."
                    : "Cancelling frees your place for someone else."}
              </p>
              <Link className="button button--ghost" to={`/my/registrations/${r.id}/cancel`}>
                {r.status === "WAITLISTED" ? "Leave the waiting list" : "Cancel registration"}
              </Link>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
