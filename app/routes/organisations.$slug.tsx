// /organisations/:slug — an organisation's public page (listed members for signed-in viewers).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganisationProfile } from "~/components/network/organisation-page";
import { organisationPage } from "~/domain/network/organisations.server";
import { getUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} — SCALE Events` : "Organisations — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const organisation = await orErrorResponse(organisationPage(user, params.slug ?? ""));
  return { organisation, signedIn: user !== null };
}

export default function Organisation() {
  const { organisation, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/organisations">Organisations</Link>
      </nav>
      <OrganisationProfile organisation={organisation} signedIn={signedIn} />
    </>
  );
}
