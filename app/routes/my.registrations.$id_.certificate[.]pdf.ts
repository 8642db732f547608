// /my/registrations/:id/certificate.pdf — the signed-in person's certificate of attendance.
// Someone else's registration is a 404; a registration that did not attend is refused with why.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { issueCertificate, renderCertificatePdf } from "~/domain/engagement/certificates.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await orErrorResponse(issueCertificate(user.id, params.id ?? ""));
  const pdf = await renderCertificatePdf(certificate);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
