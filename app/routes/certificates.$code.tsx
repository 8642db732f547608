// /certificates/:code — public: confirms that a certificate of attendance is genuine (the target of
// its QR code). It says which event, when, and the holder's initials; nothing more about them.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { checkCertificate } from "~/domain/engagement/certificates.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Check a certificate of attendance — SCALE Events" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { certificate: await orErrorResponse(checkCertificate(params.code ?? "")) };
}

export default function CertificateCheckPage() {
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <article className="account-page">
      <h1>Certificate of attendance</h1>
      <div className="notice notice--success" role="status">
        This certificate is genuine: it was issued by SCALE Events.
      </div>
      <dl className="event-facts">
        <div>
          <dt>Event</dt>
          <dd>{certificate.eventTitle}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>{certificate.dates}</dd>
        </div>
        <div>
          <dt>Holder</dt>
          <dd>{certificate.initials}</dd>
        </div>
        <div>
          <dt>Issued</dt>
          <dd>{certificate.issuedOn}</dd>
        </div>
      </dl>
      <p className="tz-note">Only the holder&apos;s initials are shown here, to protect their privacy.</p>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  return (
    <article className="account-page">
      <h1>{missing ? "No such certificate" : "This certificate could not be checked"}</h1>
      <div className="notice notice--error" role="alert">
        {missing ? "There is no certificate with this code. Check the address or scan the QR code again." : "Please try again in a moment."}
      </div>
      <p>
        <Link to="/">SCALE Events</Link>
      </p>
    </article>
  );
}
