// /certificates/:code — public: confirms that a certificate of attendance is genuine (the target of
// its QR code). It says which event, when, and the holder's initials; nothing more about them.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/ui/i18n";
import { checkCertificate } from "~/domain/engagement/certificates.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("sessions.certificate.metaTitle") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { certificate: await orErrorResponse(checkCertificate(params.code ?? "")) };
}

export default function CertificateCheckPage() {
  const { certificate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="account-page">
      <h1>{t("sessions.certificate.title")}</h1>
      <div className="notice notice--success" role="status">
        {t("sessions.certificate.genuine")}
      </div>
      <dl className="event-facts">
        <div>
          <dt>{t("sessions.certificate.event")}</dt>
          <dd>{certificate.eventTitle}</dd>
        </div>
        <div>
          <dt>{t("sessions.certificate.dates")}</dt>
          <dd>{certificate.dates}</dd>
        </div>
        <div>
          <dt>{t("sessions.certificate.holder")}</dt>
          <dd>{certificate.initials}</dd>
        </div>
        <div>
          <dt>{t("sessions.certificate.issued")}</dt>
          <dd>{certificate.issuedOn}</dd>
        </div>
      </dl>
      <p className="tz-note">{t("sessions.certificate.privacy")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const { t } = useTranslation();
  return (
    <article className="account-page">
      <h1>{missing ? t("sessions.certificate.missingTitle") : t("sessions.certificate.failedTitle")}</h1>
      <div className="notice notice--error" role="alert">
        {missing ? t("sessions.certificate.missing") : t("sessions.certificate.failed")}
      </div>
      <p>
        <Link to="/">SCALE Events</Link>
      </p>
    </article>
  );
}
