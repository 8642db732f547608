// /admin/audit — the append-only log of every admin action and every role and membership change:
// who, what, when, before and after. Read-only here and in the database.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, FilterForm } from "~/components/ui/lists";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { SelectField, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { requirePlatformAdmin } from "~/domain/access/organisations.server";
import { listAudit } from "~/domain/audit/audit.server";
import { requireUser } from "~/web/auth.server";
import { domainErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Audit log — SCALE Events admin" }];

const SUBJECTS = ["user", "organisation", "membership", "invitation", "join-request", "role-request", "introduction", "report"] as const;
const filterSchema = z.object({
  action: z.string().trim().max(80).optional().catch(undefined),
  subjectType: z.enum(SUBJECTS).optional().catch(undefined),
  id: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requirePlatformAdmin(user);
  } catch (error) {
    throw domainErrorResponse(error);
  }
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listAudit({ ...filter, action: filter.action || undefined, id: filter.id || undefined });
  return { filter, ...result, items: result.items.map((item) => ({ ...item, at: item.at.toISOString() })) };
}

const when = (iso: string) => iso.replace("T", " ").slice(0, 19) + " UTC";
const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 1));

export default function AdminAudit() {
  const data = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(data.filter)) if (value && key !== "page") params.set(key, String(value));
    params.set("page", String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <section className="stack admin-page" aria-labelledby="audit-title">
      <header>
        <h1 id="audit-title">Audit log</h1>
        <AdminNav />
      </header>
      <p className="tz-note">Every admin action and every role and membership change. Entries cannot be edited or deleted, by any page or in the database.</p>
      <FilterForm label="Filter the audit log" clearTo="/admin/audit" submitLabel="Filter">
        <SelectField
          label="Action"
          id="audit-action"
          name="action"
          defaultValue={data.filter.action ?? ""}
          options={[["", "All actions"], ...data.actions.map((a): [string, string] => [a, a])]}
        />
        <SelectField
          label="Subject"
          id="audit-subject"
          name="subjectType"
          defaultValue={data.filter.subjectType ?? ""}
          options={[["", "All subjects"], ...SUBJECTS.map((s): [string, string] => [s, s])]}
        />
        <TextField label="Person or subject id" id="audit-id" name="id" defaultValue={data.filter.id ?? ""} />
      </FilterForm>
      {data.items.length === 0 ? (
        <EmptyState title="Nothing recorded">No entry matches these filters.</EmptyState>
      ) : (
        <div className="card admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <time dateTime={item.at}>{when(item.at)}</time>
                  </td>
                  <td>{item.actorId ? <Link to={`/admin/audit?id=${item.actorId}`}>{item.actorName ?? "(erased account)"}</Link> : "Platform"}</td>
                  <td>{item.action}</td>
                  <td>
                    {item.subjectType}{" "}
                    <Link to={`/admin/audit?id=${encodeURIComponent(item.subjectId)}`} className="tz-note">
                      {item.subjectId.slice(0, 13)}…
                    </Link>
                  </td>
                  <td>
                    <pre>{json(item.before)}</pre>
                  </td>
                  <td>
                    <pre>{json(item.after)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager info={data.paging} hrefFor={pageLink} label="Pages of the audit log" />
    </section>
  );
}
