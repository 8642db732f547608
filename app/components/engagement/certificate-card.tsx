// The certificate of attendance on the attendee's registration page: a download link once it is
// earned, otherwise what earns one.
import type { CertificateDecision } from "~/domain/engagement/certificates";

export function CertificateCard({ registrationId, decision }: { registrationId: string; decision: CertificateDecision }) {
  return (
    <section className="card" aria-labelledby="certificate-title">
      <h2 id="certificate-title">Certificate of attendance</h2>
      {decision.ok ? (
        <>
          <p>You attended{decision.basis === "online" ? " online" : ""}: your certificate is ready, with a QR code anyone can use to check it.</p>
          <p className="reg-actions">
            <a className="button" href={`/my/registrations/${registrationId}/certificate.pdf`} download>
              Download certificate (PDF)
            </a>
          </p>
        </>
      ) : (
        <p className="tz-note">{decision.reason}</p>
      )}
    </section>
  );
}
