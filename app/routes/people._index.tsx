// /people — the people directory, for signed-in members: only people who chose to be listed,
// searchable and filterable, never with an email address.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { PersonCard } from "~/components/network/cards";
import { PeopleFilterForm } from "~/components/network/filters";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { Pager } from "~/components/ui/pager";
import { filtersQuery, parsePeopleFilters } from "~/domain/network/network-forms";
import { searchPeople } from "~/domain/network/people.server";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.people.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const filters = parsePeopleFilters(new URL(request.url).searchParams);
  const { people, page } = await searchPeople(filters);
  return { filters, people, page };
}

export default function People() {
  const { filters, people, page } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined);
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const count = new Intl.NumberFormat(locale).format(page.total);
  return (
    <section className="stack" aria-labelledby="people-title">
      <h1 id="people-title">{t("network.people.title")}</h1>
      <p className="tz-note">
        <Trans i18nKey="network.people.intro" components={{ linkto: <Link to="/account/profile" /> }} />
      </p>
      <PeopleFilterForm values={filters} filtered={filtered} />
      <p aria-live="polite" className="tz-note">
        {filtered
          ? page.total === 1
            ? t("network.people.oneMatch")
            : t("network.people.manyMatch", { total: count })
          : page.total === 1
            ? t("network.people.oneListed")
            : t("network.people.manyListed", { total: count })}
      </p>
      {people.length === 0 ? (
        <div className="empty-state">
          <h2>{t("network.people.emptyTitle")}</h2>
          <p>{t("network.people.emptyText")}</p>
          <Link to="/people" className="button button--ghost">
            {t("network.people.showAll")}
          </Link>
        </div>
      ) : (
        <div className="grid">
          {people.map((person) => (
            <PersonCard key={person.id} person={person} />
          ))}
        </div>
      )}
      <Pager
        info={page}
        hrefFor={(n) => `/people${filtersQuery(filters, n)}`}
        label={t("network.people.pages")}
        newer={t("network.previous")}
        older={t("network.next")}
      />
    </section>
  );
}
