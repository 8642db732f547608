// /admin/outbox/:id — one queued email: headers, the plain-text version, the HTML version in a
// sandboxed iframe (srcdoc, no scripts, no same-origin, our CSP inherited so remote images do not
// load), and its attachments as downloads; a draft not yet written shows a preview. A FAILED
// email can be queued again. ADMIN only.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, FormError } from "~/components/ui/forms";
import { hasRole } from "~/domain/accounts/accounts.server";
import { previewEmailDraft } from "~/domain/admin/email-drafts.server";
import { describeAttachments, getOutboxEmail, retryFailedEmail } from "~/domain/notifications/outbox-admin.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Email — SCALE Events admin" }];

async function requireAdmin(request: Request) {
  const user = await requireUser(request);
  if (!hasRole(user, "ADMIN")) throw new Response("Only administrators can see the email outbox.", { status: 403 });
  return user;
}

const idSchema = z.string().uuid();

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const id = idSchema.safeParse(params.id);
  const email = id.success ? await getOutboxEmail(id.data) : null;
  if (!email) throw new Response("That email is not in the outbox.", { status: 404 });
  // A draft has no content until the mail worker writes it (without SMTP, never): show what it
  // would say if it were written now.
  const preview = await previewEmailDraft(email.draft);
  return {
    requeued: new URL(request.url).searchParams.get("requeued") === "1",
    email: {
      id: email.id,
      status: email.status,
      toAddress: email.toAddress,
      subject: preview?.subject ?? email.subject,
      textBody: preview ? preview.text : email.textBody,
      htmlBody: preview ? (preview.html ?? null) : email.htmlBody,
      attempts: email.attempts,
      lastError: email.lastError,
      dedupeKey: email.dedupeKey,
      createdAt: email.createdAt.toISOString(),
      nextAttemptAt: email.nextAttemptAt.toISOString(),
      sentAt: email.sentAt?.toISOString() ?? null,
      attachments: preview ? describeAttachments(preview.attachments) : email.attachments,
      draft: preview === undefined ? null : preview === null ? ("withdrawn" as const) : ("preview" as const),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new Response("That email is not in the outbox.", { status: 404 });
  try {
    const form = await readForm(request, z.object({ intent: z.literal("retry") }));
    if (!form.ok) return formFailure(form);
    await retryFailedEmail(id.data);
    return redirect(`/admin/outbox/${id.data}?requeued=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

const when = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC";

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

export default function OutboxEmailPage() {
  const { email, requeued } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article className="outbox-email" aria-labelledby="email-subject">
      <p className="breadcrumbs">
        <Link to="/admin/outbox">← Email outbox</Link>
      </p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      {requeued && email.status === "PENDING" ? (
        <div className="notice notice--success" role="status">
          Queued again: the outbox worker will send it on its next pass.
        </div>
      ) : null}
      {email.draft === "preview" ? (
        <div className="notice notice--info" role="note">
          Not written yet: the outbox worker writes this email when it sends it, from the registration as it is then. Below is how it reads now.
        </div>
      ) : email.draft === "withdrawn" ? (
        <div className="notice notice--info" role="note">
          Nothing will be sent: the registration was cancelled or erased, so the outbox worker will withdraw this email.
        </div>
      ) : null}
      <div className="card">
        <h1 id="email-subject" className="outbox-email__subject">
          {email.subject}
        </h1>
        <dl className="checkout-summary">
          <div>
            <dt>To</dt>
            <dd>{email.toAddress}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`badge outbox-status outbox-status--${email.status}`}>{email.status.toLowerCase()}</span>
            </dd>
          </div>
          <div>
            <dt>Queued</dt>
            <dd>{when(email.createdAt)}</dd>
          </div>
          {email.sentAt ? (
            <div>
              <dt>Sent</dt>
              <dd>{when(email.sentAt)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Attempts</dt>
            <dd>
              {email.attempts}
              {email.status === "PENDING" && email.attempts > 0 ? ` · next try ${when(email.nextAttemptAt)}` : ""}
            </dd>
          </div>
          {email.lastError ? (
            <div>
              <dt>Last error</dt>
              <dd className="outbox-email__error">{email.lastError}</dd>
            </div>
          ) : null}
          {email.dedupeKey ? (
            <div>
              <dt>Key</dt>
              <dd>
                <code>{email.dedupeKey}</code>
              </dd>
            </div>
          ) : null}
        </dl>
        {email.status === "FAILED" ? (
          <Form method="post" className="outbox-email__retry">
            <CsrfField />
            <input type="hidden" name="intent" value="retry" />
            <button type="submit" className="button button--small">
              Send again
            </button>
          </Form>
        ) : null}
      </div>

      <h2>Attachments</h2>
      {email.attachments.length === 0 ? (
        <p className="tz-note">No attachments.</p>
      ) : (
        <ul className="link-list">
          {email.attachments.map((attachment) => (
            <li key={attachment.index}>
              {email.draft ? (
                // Written only when the email is: nothing stored to download yet.
                attachment.filename
              ) : (
                <a href={`/admin/outbox/${email.id}/attachments/${attachment.index}`} download={attachment.filename}>
                  {attachment.filename}
                </a>
              )}{" "}
              <span className="tz-note">
                ({attachment.contentType.split(";")[0]}, {size(attachment.sizeBytes)})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>HTML version</h2>
      {email.htmlBody ? (
        <iframe className="outbox-email__html" title={`HTML version of “${email.subject}”`} sandbox="" referrerPolicy="no-referrer" srcDoc={email.htmlBody} />
      ) : (
        <p className="tz-note">This email has no HTML version.</p>
      )}

      <h2>Plain-text version</h2>
      <pre className="outbox-email__text">{email.textBody}</pre>
    </article>
  );
}
