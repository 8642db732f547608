// /admin/organisations — create organisations, edit their basic fields (name, address name, kind,
// country, website) and merge a duplicate into the one to keep (memberships, events, meeting
// notes and requests move over in one transaction; audited).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptyState, FilterForm } from "~/components/ui/lists";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { OrganisationFieldsForm } from "~/components/admin/organisation-fields";
import { Notice } from "~/components/registration/status";
import { CsrfField, FormError, SelectField, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { organisationActionSchema } from "~/domain/admin/admin-forms";
import { createOrganisation, listOrganisationsForAdmin, mergeOrganisations, updateOrganisation } from "~/domain/admin/console.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Organisations — SCALE Events admin" }];

const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  edit: z.string().max(40).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await orErrorResponse(listOrganisationsForAdmin(user, filter));
  return { filter, ...result };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, organisationActionSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "create") {
      const { intent: _i, ...fields } = data;
      const created = await createOrganisation(user, fields);
      return redirect(`/admin/organisations?q=${encodeURIComponent(created.slug)}&done=created`);
    }
    if (data.intent === "edit") {
      const { intent: _i, organisationId, ...fields } = data;
      await updateOrganisation(user, organisationId, fields);
      return redirect(`/admin/organisations?q=${encodeURIComponent(fields.slug)}&done=edited`);
    }
    const merged = await mergeOrganisations(user, data.duplicateId, data.survivorId);
    return redirect(`/admin/organisations?q=${encodeURIComponent(merged.survivor.slug)}&done=merged`);
  } catch (error) {
    const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null ? "" : String(v)]));
    return domainFailure(error, values);
  }
}

const DONE: Record<string, string> = {
  created: "Organisation created.",
  edited: "Changes saved.",
  merged: "Merged: the duplicate's members, events and history now belong here.",
};

export default function AdminOrganisations() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const failedIntent = result?.values.intent;
  const editing = data.items.find((o) => o.id === (failedIntent === "edit" ? result?.values.organisationId : data.filter.edit));
  const pageLink = (page: number) => `/admin/organisations?${new URLSearchParams({ ...(data.filter.q ? { q: data.filter.q } : {}), page: String(page) })}`;
  const options: [string, string][] = data.items.map((o) => [o.id, `${o.name} (${o.slug})`]);
  return (
    <section className="stack admin-page" aria-labelledby="orgs-title">
      <header>
        <h1 id="orgs-title">Organisations</h1>
        <AdminNav />
      </header>
      {done && DONE[done] ? <Notice tone="success">{DONE[done]}</Notice> : null}
      <FilterForm label="Search organisations" clearTo="/admin/organisations">
        <TextField label="Name or address name" id="orgs-q" name="q" type="search" defaultValue={data.filter.q ?? ""} />
      </FilterForm>
      {data.items.length === 0 ? (
        <EmptyState title="No organisation found">Create it below.</EmptyState>
      ) : (
        <div className="card admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Organisations, by name</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Kind and country</th>
                <th scope="col">Members</th>
                <th scope="col">Events</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <strong>{o.name}</strong>
                    <div className="tz-note">{o.slug}</div>
                  </td>
                  <td>
                    {o.kind.replace(/_/g, " ").toLowerCase()} · {o.country}
                  </td>
                  <td>{o._count.memberships}</td>
                  <td>{o._count.organisedEvents}</td>
                  <td>
                    <Link to={`/admin/organisations?${new URLSearchParams({ ...(data.filter.q ? { q: data.filter.q } : {}), edit: o.id })}#edit`}>
                      Edit {o.name}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager info={data.paging} hrefFor={pageLink} label="Pages of organisations" newer="Previous" older="Next" />
      <div className="two-col">
        {editing ? (
          <section className="card stack" id="edit" aria-labelledby="edit-title">
            <h2 id="edit-title">Edit {editing.name}</h2>
            <FormError message={failedIntent === "edit" && Object.keys(result?.fieldErrors ?? {}).length === 0 ? result?.formError : undefined} />
            <OrganisationFieldsForm
              intent="edit"
              organisationId={editing.id}
              values={
                failedIntent === "edit"
                  ? result?.values
                  : { name: editing.name, slug: editing.slug, kind: editing.kind, country: editing.country, website: editing.website ?? "" }
              }
              errors={failedIntent === "edit" ? result?.fieldErrors : undefined}
              submit="Save changes"
            />
          </section>
        ) : null}
        <section className="card stack" aria-labelledby="create-title">
          <h2 id="create-title">Create an organisation</h2>
          <FormError message={failedIntent === "create" && Object.keys(result?.fieldErrors ?? {}).length === 0 ? result?.formError : undefined} />
          <OrganisationFieldsForm
            intent="create"
            values={failedIntent === "create" ? result?.values : undefined}
            errors={failedIntent === "create" ? result?.fieldErrors : undefined}
            submit="Create organisation"
          />
        </section>
        <section className="card stack" aria-labelledby="merge-title">
          <h2 id="merge-title">Merge a duplicate</h2>
          <p className="tz-note">
            Search first so both appear in the list. The duplicate is deleted; its members, events, meeting notes and requests move to the one kept.
          </p>
          <FormError message={failedIntent === "merge" ? result?.formError : undefined} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="merge" />
            <SelectField
              label="Duplicate (deleted)"
              name="duplicateId"
              error={failedIntent === "merge" ? result?.fieldErrors.duplicateId : undefined}
              options={[["", "Choose"], ...options]}
            />
            <SelectField
              label="Organisation to keep"
              name="survivorId"
              error={failedIntent === "merge" ? result?.fieldErrors.survivorId : undefined}
              options={[["", "Choose"], ...options]}
            />
            <button type="submit" className="button button--danger">
              Merge
            </button>
          </Form>
        </section>
      </div>
    </section>
  );
}
