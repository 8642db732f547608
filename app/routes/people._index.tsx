// /people — the people directory, for signed-in members: only people who chose to be listed,
// searchable and filterable, never with an email address.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PersonCard } from "~/components/network/cards";
import { PeopleFilterForm } from "~/components/network/filters";
import { Pager } from "~/components/ui/pager";
import { filtersQuery, parsePeopleFilters } from "~/domain/network/network-forms";
import { searchPeople } from "~/domain/network/people.server";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "People — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const filters = parsePeopleFilters(new URL(request.url).searchParams);
  const { people, page } = await searchPeople(filters);
  return { filters, people, page };
}

export default function People() {
  const { filters, people, page } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined);
  const count = new Intl.NumberFormat("en-GB").format(page.total);
  return (
    <section className="stack" aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <p className="tz-note">
        Members of the SCALE network who chose to be listed. To appear here, tick "List me" on <Link to="/account/profile">your profile</Link>.
      </p>
      <PeopleFilterForm values={filters} filtered={filtered} />
      <p aria-live="polite" className="tz-note">
        {page.total === 1 ? "1 person" : `${count} people`}
        {filtered ? " match your search" : " listed"}
      </p>
      {people.length === 0 ? (
        <div className="empty-state">
          <h2>Nobody matches this search</h2>
          <p>Try fewer words, or another theme or country.</p>
          <Link to="/people" className="button button--ghost">
            Show everybody
          </Link>
        </div>
      ) : (
        <div className="grid">
          {people.map((person) => (
            <PersonCard key={person.id} person={person} />
          ))}
        </div>
      )}
      <Pager info={page} hrefFor={(n) => `/people${filtersQuery(filters, n)}`} label="Pages of people" newer="Previous" older="Next" />
    </section>
  );
}
