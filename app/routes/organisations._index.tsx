// /organisations — the public organisation directory: cities, Lighthouse projects, investors,
// companies, research and associations of the network, searchable and filterable.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OrganisationCard } from "~/components/network/cards";
import { OrganisationFilterForm } from "~/components/network/filters";
import { Pager } from "~/components/ui/pager";
import { filtersQuery, parseOrganisationFilters } from "~/domain/network/network-forms";
import { organisationCountries, searchOrganisations } from "~/domain/network/organisations.server";

export const meta: MetaFunction = () => [{ title: "Organisations — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseOrganisationFilters(new URL(request.url).searchParams);
  const [{ organisations, page }, countries] = await Promise.all([searchOrganisations(filters), organisationCountries()]);
  return { filters, organisations, page, countries };
}

export default function Organisations() {
  const { filters, organisations, page, countries } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined);
  return (
    <section className="stack" aria-labelledby="organisations-title">
      <h1 id="organisations-title">Organisations</h1>
      <p className="tz-note">Lighthouse and fellow cities, Lighthouse projects, investors, companies and researchers of the SCALE network.</p>
      <OrganisationFilterForm values={filters} filtered={filtered} countries={countries} />
      <p aria-live="polite" className="tz-note">
        {page.total === 1 ? "1 organisation" : `${new Intl.NumberFormat("en-GB").format(page.total)} organisations`}
        {filtered ? " match your search" : ""}
      </p>
      {organisations.length === 0 ? (
        <div className="empty-state">
          <h2>No organisation matches this search</h2>
          <p>Try fewer words, or another kind or country.</p>
          <Link to="/organisations" className="button button--ghost">
            Show all organisations
          </Link>
        </div>
      ) : (
        <div className="grid">
          {organisations.map((organisation) => (
            <OrganisationCard key={organisation.slug} organisation={organisation} />
          ))}
        </div>
      )}
      <Pager info={page} hrefFor={(n) => `/organisations${filtersQuery(filters, n)}`} label="Pages of organisations" newer="Previous" older="Next" />
    </section>
  );
}
