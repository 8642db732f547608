// /account/roles — ask for a platform role (investor, city or project representative, expert
// through the Call for Experts, organiser), naming the organisation and a reason; see earlier
// requests and their decisions. Platform admins decide at /admin/requests.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { AccountNav } from "~/components/accounts/account-nav";
import { day, platformRoleKey, requestStatusKey } from "~/components/community/labels";
import { Notice } from "~/components/registration/status";
import { bindFields, ChoiceGroup, CsrfField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { EXPERTISE_AREAS, REQUESTABLE_ROLES, roleRequestSchema } from "~/domain/community/community-forms";
import { myRoleRequests, requestRole } from "~/domain/community/role-requests.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("community.roles.metaTitle") }];

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
  const { t } = useTranslation();
  // A new location (after a request was sent) remounts the form, so it starts empty again.
  const location = useLocation();
  const fields = bindFields(roleRequestSchema, { errors: result?.fieldErrors, values: result?.values });
  return (
    <section className="account-page stack" aria-labelledby="roles-title">
      <header>
        <h1 id="roles-title">{t("community.roles.title")}</h1>
        <AccountNav />
      </header>
      {params.get("asked") ? <Notice tone="success">{t("community.roles.asked")}</Notice> : null}
      <div className="card stack" aria-labelledby="current-title">
        <h2 id="current-title">{t("community.roles.current")}</h2>
        <ul className="chip-list">
          {roles.map((role) => (
            <li key={role} className="badge">
              {t(platformRoleKey(role))}
            </li>
          ))}
        </ul>
      </div>
      <div className="card stack" aria-labelledby="ask-title">
        <h2 id="ask-title">{t("community.roles.ask")}</h2>
        <p className="tz-note">{t("community.roles.askIntro")}</p>
        <FormError message={result && Object.keys(result.fieldErrors).length === 0 ? result.formError : undefined} />
        <Form key={location.key} method="post" noValidate className="stack">
          <CsrfField />
          <SelectField
            label={t("community.roles.role")}
            {...fields.role}
            options={[
              ["", t("community.roles.chooseRole")],
              ...REQUESTABLE_ROLES.filter((role) => !roles.includes(role)).map((role): [string, string] => [
                role,
                t(role === "EXPERT" ? "community.platformRoles.EXPERT_CALL" : platformRoleKey(role)),
              ]),
            ]}
          />
          <TextField label={t("community.roles.organisation")} {...fields.organisationName} hint={t("community.roles.organisationHint")} maxLength={200} />
          <TextAreaField label={t("community.roles.reason")} {...fields.reason} rows={4} maxLength={2000} />
          <ChoiceGroup legend={t("community.roles.expertise")} {...fields.expertise} options={EXPERTISE_AREAS.map((area) => [area, area] as const)} />
          <TextField label={t("community.roles.cv")} {...fields.cvUrl} type="url" hint={t("community.roles.cvHint")} />
          <button type="submit" className="button" disabled={busy}>
            {t("community.roles.send")}
          </button>
        </Form>
      </div>
      <div className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">{t("community.roles.history")}</h2>
        {requests.length === 0 ? (
          <p className="empty-state">{t("community.roles.empty")}</p>
        ) : (
          <ul className="stack">
            {requests.map((r) => (
              <li key={r.id}>
                <Trans
                  i18nKey="community.roles.request"
                  values={{ role: t(platformRoleKey(r.role)), organisation: r.organisationName, status: t(requestStatusKey(r.status)) }}
                  components={{ strong: <strong /> }}
                />
                <span className="tz-note">
                  {" "}
                  {r.decidedAt
                    ? t("community.roles.askedDecided", { date: day(r.createdAt), decided: day(r.decidedAt) })
                    : t("community.roles.askedOn", { date: day(r.createdAt) })}
                </span>
                {r.decisionNote ? <p className="tz-note">{t("community.roles.note", { note: r.decisionNote })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
