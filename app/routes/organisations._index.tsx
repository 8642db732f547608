// /organisations — the public organisation directory: cities, Lighthouse projects, investors,
// companies, research and associations of the network, searchable and filterable.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationCard } from "~/components/network/cards";
import { OrganisationFilterForm } from "~/components/network/filters";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { Pager } from "~/components/ui/pager";
import { filtersQuery, parseOrganisationFilters } from "~/domain/network/network-forms";
import { organisationCountries, searchOrganisations } from "~/domain/network/organisations.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.organisations.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseOrganisationFilters(new URL(request.url).searchParams);
  const [{ organisations, page }, countries] = await Promise.all([searchOrganisations(filters), organisationCountries()]);
  return { filters, organisations, page, countries };
}

export default function Organisations() {
  const { filters, organisations, page, countries } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined);
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const count = new Intl.NumberFormat(locale).format(page.total);
  return (
    <section className="stack" aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t("network.organisations.title")}</h1>
      <p className="tz-note">{t("network.organisations.intro")}</p>
      <OrganisationFilterForm values={filters} filtered={filtered} countries={countries} />
      <p aria-live="polite" className="tz-note">
        {filtered
          ? page.total === 1
            ? t("network.organisations.oneMatch")
            : t("network.organisations.manyMatch", { total: count })
          : page.total === 1
            ? t("network.organisations.one")
            : t("network.organisations.many", { total: count })}
      </p>
      {organisations.length === 0 ? (
        <div className="empty-state">
          <h2>{t("network.organisations.emptyTitle")}</h2>
          <p>{t("network.organisations.emptyText")}</p>
          <Link to="/organisations" className="button button--ghost">
            {t("network.organisations.showAll")}
          </Link>
        </div>
      ) : (
        <div className="grid">
          {organisations.map((organisation) => (
            <OrganisationCard key={organisation.slug} organisation={organisation} />
          ))}
        </div>
      )}
      <Pager
        info={page}
        hrefFor={(n) => `/organisations${filtersQuery(filters, n)}`}
        label={t("network.organisations.pages")}
        newer={t("network.previous")}
        older={t("network.next")}
      />
    </section>
  );
}
