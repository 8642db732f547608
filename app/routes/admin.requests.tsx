// /admin/requests — platform role requests to approve or refuse (decided once even when two
// admins click at once), and reported introductions to look into.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { REQUEST_STATUS_TEXT, ROLE_TEXT, day } from "~/components/community/labels";
import { Notice } from "~/components/registration/status";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { openReports, resolveReport } from "~/domain/admin/console.server";
import { roleDecisionSchema } from "~/domain/community/community-forms";
import { decideRoleRequest, listRoleRequests } from "~/domain/community/role-requests.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Requests — SCALE Events admin" }];

const STATUSES = ["PENDING", "APPROVED", "REFUSED"] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
const reportSchema = z.object({ intent: z.literal("resolve-report"), reportId: z.string() });
const actionSchema = z.union([roleDecisionSchema, reportSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [requests, reports] = await orErrorResponse(Promise.all([listRoleRequests(user, filter), openReports(user)]));
  return { filter, ...requests, reports };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, actionSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "resolve-report") {
      await resolveReport(user, data.reportId);
      return redirect("/admin/requests?done=resolved#reports");
    }
    await decideRoleRequest(user, data.requestId, data.intent === "approve", data.note);
    return redirect(`/admin/requests?done=${data.intent}`);
  } catch (error) {
    return domainFailure(error, { intent: data.intent });
  }
}

const DONE: Record<string, string> = {
  approve: "Approved: the role is in force now, and the person was emailed.",
  refuse: "Refused; the person was emailed.",
  resolved: "Report marked as handled.",
};

export default function AdminRequests() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const status = data.filter.status ?? "PENDING";
  return (
    <section className="stack admin-page" aria-labelledby="requests-title">
      <header>
        <h1 id="requests-title">Requests</h1>
        <AdminNav />
      </header>
      {done && DONE[done] ? <Notice tone="success">{DONE[done]}</Notice> : null}
      <FormError message={result?.formError} />
      <nav className="account-nav" aria-label="Role requests by status">
        {STATUSES.map((s) => (
          <Link key={s} to={`/admin/requests?status=${s}`} aria-current={s === status ? "page" : undefined} className={s === status ? "active" : undefined}>
            {REQUEST_STATUS_TEXT[s]}
          </Link>
        ))}
      </nav>
      <h2>Role requests</h2>
      {data.items.length === 0 ? (
        <p className="empty-state">No role requests here.</p>
      ) : (
        <ul className="plain-list">
          {data.items.map((r) => (
            <li key={r.id} className="card stack" aria-label={`${r.user.name} asks to be ${ROLE_TEXT[r.role]}`}>
              <h3>
                {r.user.name} asks to be {ROLE_TEXT[r.role]?.toLowerCase()}
              </h3>
              <p className="tz-note">
                {r.user.email} · for {r.organisation ? <Link to={`/organisations/${r.organisation.slug}`}>{r.organisation.name}</Link> : r.organisationName} ·
                asked {day(r.createdAt)}
              </p>
              <blockquote>{r.reason}</blockquote>
              {r.expertise.length > 0 ? <p>Expertise: {r.expertise.join(", ")}</p> : null}
              {r.cvUrl ? (
                <p>
                  CV:{" "}
                  <a href={r.cvUrl} rel="noopener noreferrer nofollow" target="_blank">
                    {r.cvUrl}
                  </a>
                </p>
              ) : null}
              {r.status === "PENDING" ? (
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="requestId" value={r.id} />
                  <TextField label="Note to the person (optional)" name="note" id={`note-${r.id}`} maxLength={1000} />
                  <button type="submit" name="intent" value="approve" className="button">
                    Approve
                  </button>
                  <button type="submit" name="intent" value="refuse" className="button button--ghost">
                    Refuse
                  </button>
                </Form>
              ) : (
                <p>
                  {REQUEST_STATUS_TEXT[r.status]}
                  {r.decidedAt ? ` on ${day(r.decidedAt)}` : ""}
                  {r.decisionNote ? ` — ${r.decisionNote}` : ""}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager info={data.paging} hrefFor={(page) => `/admin/requests?status=${status}&page=${page}`} label="Pages of role requests" />
      <h2 id="reports">Reported introductions</h2>
      {data.reports.length === 0 ? (
        <p className="empty-state">No open reports.</p>
      ) : (
        <ul className="plain-list">
          {data.reports.map((r) => (
            <li key={r.id} className="card stack">
              <p>
                <strong>{r.reporter.name}</strong> reported an introduction from <strong>{r.introduction.sender.name}</strong> ({r.introduction.sender.email})
                on {day(r.createdAt)}:
              </p>
              <blockquote>{r.reason}</blockquote>
              <p className="tz-note">The message: “{r.introduction.message}”</p>
              <Form method="post" className="inline-form">
                <CsrfField />
                <input type="hidden" name="reportId" value={r.id} />
                <Link to={`/admin/users?q=${encodeURIComponent(r.introduction.sender.email)}`}>Find the sender</Link>
                <button type="submit" name="intent" value="resolve-report" className="button button--ghost button--small">
                  Mark as handled
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
