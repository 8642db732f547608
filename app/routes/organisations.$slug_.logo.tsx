// /organisations/:slug/logo — the organisation's admins upload, replace or remove its logo (the
// upload cap of app/web/upload-limits.ts; the image is checked and re-encoded by the domain).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImageUploadForm } from "~/components/network/image-upload";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { imageForm } from "~/domain/network/network-forms";
import { organisationForEdit, removeOrganisationLogo, setOrganisationLogo } from "~/domain/network/organisations.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";
import { orErrorResponse } from "~/web/responses.server";
import { readUpload } from "~/web/uploads.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.logo.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { name, slug, logoId } = await orErrorResponse(organisationForEdit(user, params.slug ?? ""));
  return { name, slug, logoId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  await orErrorResponse(organisationForEdit(user, slug));
  const upload = await readUpload(request, imageForm, "logo");
  if (!upload.ok) return formFailure(upload);
  const language = await resolveLanguage(request);
  try {
    if (upload.data.intent === "remove") {
      await removeOrganisationLogo(user, slug);
      return { ok: true as const, message: translate(language, "network.logo.removed") };
    }
    await setOrganisationLogo(user, slug, upload.file);
    return { ok: true as const, message: translate(language, "network.logo.saved") };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function OrganisationLogo() {
  const { name, slug, logoId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="logo-title">
      <nav className="breadcrumbs" aria-label={t("network.breadcrumbs")}>
        <Link to="/organisations">{t("common.nav.organisations")}</Link> › <Link to={`/organisations/${slug}`}>{name}</Link>
      </nav>
      <h1 id="logo-title">{t("network.logo.title", { name })}</h1>
      <div className="card stack">
        <ImageUploadForm label={t("network.logo.label")} field="logo" name={name} imageId={logoId} result={result} shape="square" />
      </div>
      <p>
        <Link to={`/organisations/${slug}/edit`}>{t("network.logo.back")}</Link>
      </p>
    </section>
  );
}
