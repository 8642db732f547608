// /my/registrations — everything the signed-in person registered for, upcoming first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { money, Notice, PaymentBadge, StatusBadge } from "~/components/registration/status";
import { myRegistrations } from "~/domain/registration/attendee.server";
import { hasEnded } from "~/domain/registration/ticket-rules";
import { formatRange } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "My registrations — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const registrations = await myRegistrations(user.id);
  const now = Date.now();
  const upcoming = registrations.filter((r) => r.event.endsAt.getTime() >= now && !hasEnded(r.status));
  const other = registrations.filter((r) => !upcoming.includes(r));
  return { upcoming, other };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function RegistrationRow({ r }: { r: Row }) {
  return (
    <li className="card reg-row">
      <div className="reg-row__main">
        <h3>
          <Link to={`/my/registrations/${r.id}`}>{r.event.title}</Link>
        </h3>
        <p className="tz-note">
          {formatRange(new Date(r.event.startsAt), new Date(r.event.endsAt), r.event.timeZone)}
          {r.event.city ? ` · ${r.event.city}` : ""}
        </p>
        <p className="tz-note">
          {r.ticketType.name} · {money(r.ticketType.priceCents, r.ticketType.currency)}
          {r.status === "CONFIRMED" ? ` · ticket ${r.ticketCode}` : ""}
        </p>
      </div>
      <div className="reg-row__side">
        <div className="badges">
          <StatusBadge status={r.status} />
          <PaymentBadge paymentStatus={r.paymentStatus} />
          {r.event.status === "CANCELLED" ? <span className="badge badge--cancelled">Event cancelled</span> : null}
        </div>
        <div className="reg-row__actions">
          {r.status === "OFFERED" ? (
            <Link className="button button--small" to={`/offers/${r.id}`}>
              Claim your place
            </Link>
          ) : null}
          {r.status === "PENDING_PAYMENT" ? (
            <Link className="button button--small" to={`/checkout/${r.id}`}>
              Pay now
            </Link>
          ) : null}
          {r.status === "CONFIRMED" ? (
            <Link className="button button--small" to={`/my/registrations/${r.id}`}>
              Show ticket
            </Link>
          ) : null}
          {r.status === "CONFIRMED" ? (
            <a className="button button--small button--ghost" href={`/my/registrations/${r.id}/ticket.ics`} download>
              .ics
            </a>
          ) : null}
          {!hasEnded(r.status) ? (
            <Link className="button button--small button--ghost" to={`/my/registrations/${r.id}/cancel`}>
              {r.status === "WAITLISTED" ? "Leave list" : "Cancel"}
            </Link>
          ) : null}
        </div>
      </div>
    </li>
  );
}

export default function MyRegistrations() {
  const { upcoming, other } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const cancelled = params.get("cancelled");
  return (
    <section className="reg-page">
      <h1>My registrations</h1>
      {cancelled ? (
        <Notice tone="success">
          Cancelled.{" "}
          {cancelled === "refund"
            ? "Your refund is on its way."
            : cancelled === "manual-refund"
              ? "The organisers will refund you by bank transfer."
              : "Thank you for freeing your place."}
        </Notice>
      ) : null}
      {upcoming.length === 0 ? (
        <div className="empty-state">
          <h2>No upcoming registrations</h2>
          <p>Find a roadshow, workshop or webinar of the SCALE network.</p>
          <p>
            <Link className="button" to="/events">
              Browse events
            </Link>
          </p>
        </div>
      ) : (
        <ul className="reg-list">
          {upcoming.map((r) => (
            <RegistrationRow key={r.id} r={r} />
          ))}
        </ul>
      )}
      {other.length > 0 ? (
        <>
          <h2 className="section-head">Past and cancelled</h2>
          <ul className="reg-list">
            {other.map((r) => (
              <RegistrationRow key={r.id} r={r} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
