// /organisations/:slug/logo — the organisation's admins upload, replace or remove its logo (the
// upload cap of app/web/upload-limits.ts; the image is checked and re-encoded by the domain).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImageUploadForm } from "~/components/network/image-upload";
import { imageForm } from "~/domain/network/network-forms";
import { organisationForEdit, removeOrganisationLogo, setOrganisationLogo } from "~/domain/network/organisations.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";
import { readUpload } from "~/web/uploads.server";

export const meta: MetaFunction = () => [{ title: "Organisation logo — SCALE Events" }];

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
  try {
    if (upload.data.intent === "remove") {
      await removeOrganisationLogo(user, slug);
      return { ok: true as const, message: "The logo is removed." };
    }
    await setOrganisationLogo(user, slug, upload.file);
    return { ok: true as const, message: "The new logo is saved." };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function OrganisationLogo() {
  const { name, slug, logoId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack" aria-labelledby="logo-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/organisations">Organisations</Link> › <Link to={`/organisations/${slug}`}>{name}</Link>
      </nav>
      <h1 id="logo-title">Logo of {name}</h1>
      <div className="card stack">
        <ImageUploadForm label="Logo" field="logo" name={name} imageId={logoId} result={result} shape="square" />
      </div>
      <p>
        <Link to={`/organisations/${slug}/edit`}>Back to the organisation's page editor</Link>
      </p>
    </section>
  );
}
