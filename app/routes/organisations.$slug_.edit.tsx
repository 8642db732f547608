// /organisations/:slug/edit — the organisation's admins (and platform admins) keep its page and
// its matchmaking data up to date.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/network/cards";
import { OrganisationForm, type OrganisationFormValues } from "~/components/network/organisation-form";
import { FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { organisationForm } from "~/domain/network/network-forms";
import { organisationForEdit, saveOrganisation } from "~/domain/network/organisations.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.edit.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisation = await orErrorResponse(organisationForEdit(user, params.slug ?? ""));
  return { organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await orErrorResponse(organisationForEdit(user, params.slug ?? ""));
  const form = await readForm(request, organisationForm);
  if (!form.ok) return formFailure(form);
  try {
    await saveOrganisation(user, params.slug ?? "", form.data);
    return { ok: true as const, message: translate(await resolveLanguage(request), "network.edit.saved") };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : null;
  const { id: _id, slug, logoId, ...stored } = organisation;
  const values: OrganisationFormValues = {
    ...stored,
    city: stored.city ?? "",
    website: stored.website ?? "",
    description: stored.description ?? "",
    solutionsOffered: stored.solutionsOffered.join(", "),
    solutionsWanted: stored.solutionsWanted.join(", "),
    ...(failure ? failure.values : {}),
  };
  return (
    <section className="stack" aria-labelledby="edit-org-title">
      <nav className="breadcrumbs" aria-label={t("network.breadcrumbs")}>
        <Link to="/organisations">{t("common.nav.organisations")}</Link> › <Link to={`/organisations/${slug}`}>{organisation.name}</Link>
      </nav>
      <h1 id="edit-org-title">{t("network.edit.title", { name: organisation.name })}</h1>
      <div className="card image-upload">
        <Avatar name={organisation.name} imageId={logoId} size="l" shape="square" />
        <Link to={`/organisations/${slug}/logo`} className="button button--ghost">
          {logoId ? t("network.edit.changeLogo") : t("network.edit.addLogo")}
        </Link>
      </div>
      <div className="card stack">
        {result?.ok ? (
          <div className="notice notice--success" role="status">
            {result.message} <Link to={`/organisations/${slug}`}>{t("network.edit.seePage")}</Link>
          </div>
        ) : null}
        <FormError message={failure?.formError} />
        <OrganisationForm key={failure ? "failed" : "saved"} values={values} errors={failure?.fieldErrors} />
      </div>
    </section>
  );
}
