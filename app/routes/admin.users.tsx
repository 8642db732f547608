// /admin/users — find people, change their platform roles, suspend and restore accounts. A
// suspension deletes the account's sessions and closes its open sockets on every node.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, FilterForm } from "~/components/ui/lists";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { ROLE_TEXT, day } from "~/components/community/labels";
import { Notice } from "~/components/registration/status";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { PLATFORM_ROLES, userActionSchema } from "~/domain/admin/admin-forms";
import { restoreUser, searchUsers, setUserRoles, suspendUser } from "~/domain/admin/console.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "People — SCALE Events admin" }];

const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await orErrorResponse(searchUsers(user, filter));
  return {
    filter,
    viewerId: user.id,
    paging: result.paging,
    items: result.items.map((u) => ({
      ...u,
      createdAt: u.createdAt.toISOString(),
      suspendedAt: u.suspendedAt?.toISOString() ?? null,
      verified: !!u.emailVerifiedAt,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, userActionSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "roles") await setUserRoles(user, data.userId, data.roles);
    else if (data.intent === "suspend") await suspendUser(user, data.userId);
    else await restoreUser(user, data.userId);
    const back = new URL(request.url);
    back.searchParams.set("done", data.intent);
    return redirect(`${back.pathname}${back.search}#user-${data.userId}`);
  } catch (error) {
    return domainFailure(error, { intent: data.intent, userId: data.userId });
  }
}

const DONE: Record<string, string> = {
  roles: "Roles saved.",
  suspend: "Account suspended: its sessions and open connections were closed.",
  restore: "Account restored.",
};

export default function AdminUsers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const pageLink = (page: number) => `/admin/users?${new URLSearchParams({ ...(data.filter.q ? { q: data.filter.q } : {}), page: String(page) })}`;
  return (
    <section className="stack admin-page" aria-labelledby="users-title">
      <header>
        <h1 id="users-title">People</h1>
        <AdminNav />
      </header>
      {done && DONE[done] ? <Notice tone="success">{DONE[done]}</Notice> : null}
      <FormError message={result?.formError} />
      <FilterForm label="Search people" clearTo="/admin/users">
        <TextField label="Name or email" id="users-q" name="q" type="search" defaultValue={data.filter.q ?? ""} />
      </FilterForm>
      {data.items.length === 0 ? (
        <EmptyState title="Nobody found">No account matches this search.</EmptyState>
      ) : (
        <div className="card admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">People, by name</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Platform roles</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((u) => (
                <tr key={u.id} id={`user-${u.id}`}>
                  <td>
                    <strong>{u.name}</strong>
                    <div className="tz-note">{u.email}</div>
                    <div className="tz-note">
                      since {day(u.createdAt)}
                      {u.verified ? "" : " · email not confirmed"}
                    </div>
                  </td>
                  <td>
                    <Form method="post" className="inline-form" aria-label={`Roles of ${u.name}`}>
                      <CsrfField />
                      <input type="hidden" name="userId" value={u.id} />
                      {PLATFORM_ROLES.filter((r) => r !== "ATTENDEE").map((role) => (
                        <label key={role} className="checkbox">
                          <input type="checkbox" name="roles" value={role} defaultChecked={u.roles.includes(role)} /> {ROLE_TEXT[role]}
                        </label>
                      ))}
                      <button type="submit" name="intent" value="roles" className="button button--small button--ghost">
                        Save roles
                      </button>
                    </Form>
                  </td>
                  <td>
                    {u.suspendedAt ? <span className="badge badge--cancelled">Suspended {day(u.suspendedAt)}</span> : <span className="badge">Active</span>}
                    {u.id === data.viewerId ? null : (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="intent" value={u.suspendedAt ? "restore" : "suspend"} className="button button--small button--ghost">
                          {u.suspendedAt ? `Restore ${u.name}` : `Suspend ${u.name}`}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager info={data.paging} hrefFor={pageLink} label="Pages of people" newer="Previous" older="Next" />
    </section>
  );
}
