// /account/roles — ask for a platform role (investor, city or project representative, expert
// through the Call for Experts, organiser), naming the organisation and a reason; see earlier
// requests and their decisions. Platform admins decide at /admin/requests.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { AccountNav } from "~/components/accounts/account-nav";
import { REQUEST_STATUS_TEXT, ROLE_TEXT, day } from "~/components/community/labels";
import { Notice } from "~/components/registration/status";
import { bindFields, ChoiceGroup, CsrfField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { EXPERTISE_AREAS, REQUESTABLE_ROLE_LABELS, REQUESTABLE_ROLES, roleRequestSchema } from "~/domain/community/community-forms";
import { myRoleRequests, requestRole } from "~/domain/community/role-requests.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Your roles — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const requests = await myRoleRequests(user);
  return { roles: user.roles, requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, roleRequestSchema);
  if (!form.ok) return formFailure(form);
  try {
    await requestRole(user, form.data);
    return redirect("/account/roles?asked=1");
  } catch (error) {
    const { role, organisationName, reason, cvUrl, expertise } = form.data;
    return domainFailure(error, { role, organisationName, reason, cvUrl: cvUrl ?? "", expertise: expertise.join(",") });
  }
}

export default function AccountRoles() {
  const { roles, requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  // A new location (after a request was sent) remounts the form, so it starts empty again.
  const location = useLocation();
  const fields = bindFields(roleRequestSchema, { errors: result?.fieldErrors, values: result?.values });
  return (
    <section className="account-page stack" aria-labelledby="roles-title">
      <header>
        <h1 id="roles-title">Your roles</h1>
        <AccountNav />
      </header>
      {params.get("asked") ? <Notice tone="success">Your request is with the platform admins. We will email you their decision.</Notice> : null}
      <div className="card stack" aria-labelledby="current-title">
        <h2 id="current-title">What you can do now</h2>
        <ul className="chip-list">
          {roles.map((role) => (
            <li key={role} className="badge">
              {ROLE_TEXT[role] ?? role}
            </li>
          ))}
        </ul>
      </div>
      <div className="card stack" aria-labelledby="ask-title">
        <h2 id="ask-title">Ask for a role</h2>
        <p className="tz-note">
          Investors publish meeting slots at roadshows; representatives speak for a city or project; experts (the Call for Experts) are shown with a badge and
          can be invited to speak; organisers run events. The platform admins read every request.
        </p>
        <FormError message={result && Object.keys(result.fieldErrors).length === 0 ? result.formError : undefined} />
        <Form key={location.key} method="post" noValidate className="stack">
          <CsrfField />
          <SelectField
            label="Role"
            {...fields.role}
            options={[
              ["", "Choose a role"],
              ...REQUESTABLE_ROLES.filter((role) => !roles.includes(role)).map((role): [string, string] => [role, REQUESTABLE_ROLE_LABELS[role]]),
            ]}
          />
          <TextField
            label="Organisation you act for"
            {...fields.organisationName}
            hint="As it is known, e.g. City of Porto or Green Mobility Fund."
            maxLength={200}
          />
          <TextAreaField label="Why you ask" {...fields.reason} rows={4} maxLength={2000} />
          <ChoiceGroup legend="Areas of expertise (experts only)" {...fields.expertise} options={EXPERTISE_AREAS.map((area) => [area, area] as const)} />
          <TextField label="Link to your CV (experts only)" {...fields.cvUrl} type="url" hint="A full https:// address." />
          <button type="submit" className="button" disabled={busy}>
            Send the request
          </button>
        </Form>
      </div>
      <div className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">Your requests</h2>
        {requests.length === 0 ? (
          <p className="empty-state">You have not asked for a role yet.</p>
        ) : (
          <ul className="stack">
            {requests.map((r) => (
              <li key={r.id}>
                <strong>{ROLE_TEXT[r.role] ?? r.role}</strong> for {r.organisationName} — {REQUEST_STATUS_TEXT[r.status]}
                <span className="tz-note">
                  {" "}
                  (asked {day(r.createdAt)}
                  {r.decidedAt ? `, decided ${day(r.decidedAt)}` : ""})
                </span>
                {r.decisionNote ? <p className="tz-note">Note from the admins: {r.decisionNote}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
