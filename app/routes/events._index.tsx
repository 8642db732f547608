import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventCard, kindLabel, themeLabel } from "~/components/events/event-card";
import { SelectField, TextField } from "~/components/ui/forms";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { parseCatalogueFilters } from "~/domain/events/catalogue";
import { localizeRow } from "~/domain/kernel/i18n/content";
import { countryName, EVENT_KINDS, THEMES } from "~/domain/kernel/vocabulary";
import { catalogueCountries, listCatalogue } from "~/domain/events/events.server";
import { resolveLanguage } from "~/web/i18n.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("events.catalogue.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseCatalogueFilters(new URL(request.url).searchParams);
  const [events, countries, language] = await Promise.all([listCatalogue(filters), catalogueCountries(), resolveLanguage(request)]);
  return { filters, events: events.map((event) => localizeRow(event, language)), countries };
}

export default function Catalogue() {
  const { filters, events, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const navigation = useNavigation();
  const filtered = Boolean(filters.kind || filters.theme || filters.country || filters.from || filters.to || filters.q);
  return (
    <>
      <h1>{t("events.catalogue.title")}</h1>
      <p className="tz-note">{t("events.catalogue.intro")}</p>
      <Form method="get" className="filters card" aria-label={t("events.catalogue.filters")}>
        <TextField
          label={t("events.catalogue.search")}
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("events.catalogue.searchPlaceholder")}
        />
        <SelectField
          label={t("events.catalogue.kind")}
          id="kind"
          name="kind"
          defaultValue={filters.kind ?? ""}
          options={[["", t("events.catalogue.allKinds")], ...EVENT_KINDS.map((kind) => [kind, kindLabel(t, kind)] as const)]}
        />
        <SelectField
          label={t("events.catalogue.theme")}
          id="theme"
          name="theme"
          defaultValue={filters.theme ?? ""}
          options={[["", t("events.catalogue.allThemes")], ...THEMES.map((theme) => [theme, themeLabel(t, theme)] as const)]}
        />
        <SelectField
          label={t("events.catalogue.country")}
          id="country"
          name="country"
          defaultValue={filters.country ?? ""}
          options={[["", t("events.catalogue.allCountries")], ...countries.map((code) => [code, countryName(code, locale)] as const)]}
        />
        <TextField label={t("events.catalogue.from")} id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label={t("events.catalogue.to")} id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="filters__actions">
          <button type="submit" className="button" disabled={navigation.state === "loading"}>
            {navigation.state === "loading" ? t("events.catalogue.filtering") : t("events.catalogue.apply")}
          </button>
          {filtered ? (
            <Link to="/events" className="button button--ghost">
              {t("events.catalogue.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      <p aria-live="polite" className="tz-note">
        {t(filtered ? "events.catalogue.countMatching" : "events.catalogue.countUpcoming", { count: events.length })}
      </p>
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>{t("events.catalogue.emptyTitle")}</h2>
          <p>{t("events.catalogue.emptyHint")}</p>
          <Link to="/events" className="button button--ghost">
            {t("events.catalogue.showAll")}
          </Link>
        </div>
      ) : (
        <div className="grid">
          {events.map((event) => (
            <EventCard key={event.slug} event={event} />
          ))}
        </div>
      )}
    </>
  );
}
