// /people/:id — a listed person's profile, for signed-in members (the person always sees their
// own, listed or not). Anybody else gets 404 for an unlisted or unknown person.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PersonProfile } from "~/components/network/person-profile";
import { metaT } from "~/components/ui/i18n";
import { personPage } from "~/domain/network/people.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaT(matches)("common.meta.suffix", { title: data.person.name }) : metaT(matches)("network.people.metaTitle") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const person = await orErrorResponse(personPage(user, params.id ?? ""));
  return { person };
}

export default function Person() {
  const { person } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <nav className="breadcrumbs" aria-label={t("network.breadcrumbs")}>
        <Link to="/people">{t("common.nav.people")}</Link>
      </nav>
      <PersonProfile person={person} />
    </>
  );
}
