// /admin/outbox — every email the platform queued: status, recipient, subject, attempts, last
// error. Without SMTP configured this is where the emails can be read. ADMIN only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, FilterForm } from "~/components/ui/lists";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { SelectField, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { hasRole } from "~/domain/accounts/accounts.server";
import { listOutbox } from "~/domain/notifications/outbox-admin.server";
import { requireUser } from "~/web/auth.server";
import { env } from "~/platform/env.server";

export const meta: MetaFunction = () => [{ title: "Email outbox — SCALE Events admin" }];

// Defined here, not imported from the .server module: the component needs it in the browser too.
const EMAIL_STATUSES = ["PENDING", "SENT", "FAILED"] as const;

const filterSchema = z.object({
  status: z.enum(["PENDING", "SENT", "FAILED"]).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!hasRole(user, "ADMIN")) throw new Response("Only administrators can see the email outbox.", { status: 403 });
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listOutbox({ status: filter.status, search: filter.q, page: filter.page });
  return {
    filter,
    smtpConfigured: Boolean(env().SMTP_URL),
    ...result,
    items: result.items.map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      nextAttemptAt: item.nextAttemptAt.toISOString(),
      sentAt: item.sentAt?.toISOString() ?? null,
    })),
  };
}

const when = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";

function pageLink(filter: { status?: string; q?: string }, page: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.q) params.set("q", filter.q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/admin/outbox${query ? `?${query}` : ""}`;
}

export default function AdminOutbox() {
  const data = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="outbox-title" className="outbox-page">
      <div className="section-head section-head--top">
        <h1 id="outbox-title">Email outbox</h1>
        <p className="outbox-counts">
          <span className="badge outbox-status outbox-status--PENDING">{data.counts.PENDING} pending</span>{" "}
          <span className="badge outbox-status outbox-status--SENT">{data.counts.SENT} sent</span>{" "}
          <span className="badge outbox-status outbox-status--FAILED">{data.counts.FAILED} failed</span>
        </p>
      </div>
      <AdminNav />
      {!data.smtpConfigured ? (
        <div className="notice notice--info" role="status">
          SMTP is not configured (<code>SMTP_URL</code>), so emails stay here and are not sent. Open one to read it.
        </div>
      ) : null}
      <FilterForm label="Filter emails" clearTo="/admin/outbox" submitLabel="Filter">
        <SelectField
          label="Status"
          id="outbox-status"
          name="status"
          defaultValue={data.filter.status ?? ""}
          options={[["", "All"], ...EMAIL_STATUSES.map((status) => [status, status.charAt(0) + status.slice(1).toLowerCase()] as const)]}
        />
        <TextField label="Recipient or subject" id="outbox-q" name="q" type="search" defaultValue={data.filter.q ?? ""} />
      </FilterForm>
      {data.items.length === 0 ? (
        <EmptyState title="No emails here">
          {data.paging.total === 0 && !data.filter.status && !data.filter.q ? "Nothing has been queued yet." : "No email matches these filters."}
        </EmptyState>
      ) : (
        <div className="card outbox-table-wrap">
          <table className="outbox-table">
            <caption className="visually-hidden">Queued emails, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Recipient</th>
                <th scope="col">Subject</th>
                <th scope="col">Attempts</th>
                <th scope="col">Queued</th>
                <th scope="col">Last error / next try</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <span className={`badge outbox-status outbox-status--${item.status}`}>{item.status.toLowerCase()}</span>
                  </td>
                  <td className="outbox-table__to">{item.toAddress}</td>
                  <td>
                    <Link to={`/admin/outbox/${item.id}`}>{item.subject}</Link>
                    {item.attachmentCount > 0 ? (
                      <span className="outbox-table__clip">
                        {" "}
                        · {item.attachmentCount} attachment{item.attachmentCount === 1 ? "" : "s"}
                      </span>
                    ) : null}
                  </td>
                  <td>{item.attempts}</td>
                  <td>
                    <time dateTime={item.createdAt}>{when(item.createdAt)}</time>
                  </td>
                  <td className="outbox-table__error">
                    {item.lastError ? (
                      <span title={item.lastError}>{item.lastError.length > 80 ? `${item.lastError.slice(0, 80)}…` : item.lastError}</span>
                    ) : null}
                    {item.status === "PENDING" && item.attempts > 0 ? <div className="tz-note">next try {when(item.nextAttemptAt)}</div> : null}
                    {item.status === "SENT" && item.sentAt ? <span className="tz-note">sent {when(item.sentAt)}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager info={data.paging} hrefFor={(page) => pageLink(data.filter, page)} label="Pages of the outbox" />
    </section>
  );
}
