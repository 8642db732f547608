// /admin/outbox/:id/attachments/:index — downloads one attachment of a queued email. ADMIN only.
// Always as a download (Content-Disposition: attachment; nosniff comes from server/security.ts), so nothing an email
// carries is ever rendered in our origin.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { hasRole } from "~/domain/accounts/accounts.server";
import { getOutboxAttachment } from "~/domain/notifications/outbox-admin.server";
import { requireUser } from "~/web/auth.server";

const paramsSchema = z.object({ id: z.string().uuid(), index: z.coerce.number().int().min(0).max(100) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!hasRole(user, "ADMIN")) throw new Response("Only administrators can download outbox attachments.", { status: 403 });
  const parsed = paramsSchema.safeParse(params);
  const attachment = parsed.success ? await getOutboxAttachment(parsed.data.id, parsed.data.index) : null;
  if (!attachment) throw new Response("No such attachment.", { status: 404 });
  const safeName = attachment.filename.replace(/[^\w.\- ]+/g, "_").slice(0, 120) || "attachment";
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": /^[\w.+-]+\/[\w.+-]+/.test(attachment.contentType) ? attachment.contentType.split(";")[0] : "application/octet-stream",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Content-Length": String(attachment.content.length),
      "Cache-Control": "private, no-store",
    },
  });
}
