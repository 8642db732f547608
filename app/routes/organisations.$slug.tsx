// /organisations/:slug — an organisation's public page (listed members for signed-in viewers).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationProfile } from "~/components/network/organisation-page";
import { metaT } from "~/components/ui/i18n";
import { organisationPage } from "~/domain/network/organisations.server";
import { getUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaT(matches)("common.meta.suffix", { title: data.organisation.name }) : metaT(matches)("network.organisations.metaTitle") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const organisation = await orErrorResponse(organisationPage(user, params.slug ?? ""));
  return { organisation, signedIn: user !== null };
}

export default function Organisation() {
  const { organisation, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("network.breadcrumbs")}>
        <Link to="/organisations">{t("common.nav.organisations")}</Link>
      </nav>
      <OrganisationProfile organisation={organisation} signedIn={signedIn} />
    </>
  );
}
