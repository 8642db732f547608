// /my/registrations — everything the signed-in person registered for, upcoming first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Notice, PaymentBadge, StatusBadge } from "~/components/registration/status";
import { myRegistrations } from "~/domain/registration/attendee.server";
import { hasEnded } from "~/domain/registration/ticket-rules";
import { formatRange } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { useTranslation } from "react-i18next";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { localizeRow } from "~/domain/kernel/i18n/content";
import { formatMoney } from "~/domain/kernel/money";
import { resolveLanguage } from "~/web/i18n.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("registration.mine.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const language = await resolveLanguage(request);
  const registrations = (await myRegistrations(user.id)).map((r) => ({ ...r, event: localizeRow(r.event, language) }));
  const now = Date.now();
  const upcoming = registrations.filter((r) => r.event.endsAt.getTime() >= now && !hasEnded(r.status));
  const other = registrations.filter((r) => !upcoming.includes(r));
  return { upcoming, other };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function RegistrationRow({ r }: { r: Row }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <li className="card reg-row">
      <div className="reg-row__main">
        <h3>
          <Link to={`/my/registrations/${r.id}`} lang={r.event.contentLanguage}>
            {r.event.title}
          </Link>
        </h3>
        <p className="tz-note">
          {formatRange(new Date(r.event.startsAt), new Date(r.event.endsAt), r.event.timeZone, locale)}
          {r.event.city ? ` · ${r.event.city}` : ""}
        </p>
        <p className="tz-note">
          {r.ticketType.name} · {r.ticketType.priceCents > 0 ? formatMoney(r.ticketType.priceCents, r.ticketType.currency, locale) : t("events.page.free")}
          {r.status === "CONFIRMED" ? ` · ${t("registration.mine.ticket", { code: r.ticketCode })}` : ""}
        </p>
      </div>
      <div className="reg-row__side">
        <div className="badges">
          <StatusBadge status={r.status} />
          <PaymentBadge paymentStatus={r.paymentStatus} />
          {r.event.status === "CANCELLED" ? <span className="badge badge--cancelled">{t("registration.mine.eventCancelled")}</span> : null}
        </div>
        <div className="reg-row__actions">
          {r.status === "OFFERED" ? (
            <Link className="button button--small" to={`/offers/${r.id}`}>
              {t("registration.mine.claim")}
            </Link>
          ) : null}
          {r.status === "PENDING_PAYMENT" ? (
            <Link className="button button--small" to={`/checkout/${r.id}`}>
              {t("registration.mine.pay")}
            </Link>
          ) : null}
          {r.status === "CONFIRMED" ? (
            <Link className="button button--small" to={`/my/registrations/${r.id}`}>
              {t("registration.mine.showTicket")}
            </Link>
          ) : null}
          {r.status === "CONFIRMED" ? (
            <a className="button button--small button--ghost" href={`/my/registrations/${r.id}/ticket.ics`} download>
              .ics
            </a>
          ) : null}
          {!hasEnded(r.status) ? (
            <Link className="button button--small button--ghost" to={`/my/registrations/${r.id}/cancel`}>
              {r.status === "WAITLISTED" ? t("registration.mine.leaveList") : t("registration.mine.cancel")}
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
  const { t } = useTranslation();
  return (
    <section className="reg-page">
      <h1>{t("registration.mine.title")}</h1>
      {cancelled ? (
        <Notice tone="success">
          {t("registration.mine.cancelled")}{" "}
          {cancelled === "refund"
            ? t("registration.mine.refund")
            : cancelled === "manual-refund"
              ? t("registration.mine.manualRefund")
              : t("registration.mine.thanks")}
        </Notice>
      ) : null}
      {upcoming.length === 0 ? (
        <div className="empty-state">
          <h2>{t("registration.mine.emptyTitle")}</h2>
          <p>{t("registration.mine.emptyHint")}</p>
          <p>
            <Link className="button" to="/events">
              {t("common.errors.browseEvents")}
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
          <h2 className="section-head">{t("registration.mine.past")}</h2>
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
