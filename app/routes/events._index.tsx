import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { EventCard } from "~/components/events/event-card";
import { SelectField, TextField } from "~/components/ui/forms";
import { parseCatalogueFilters } from "~/domain/events/catalogue";
import { countryName, EVENT_KINDS, KIND_LABELS, THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import { catalogueCountries, listCatalogue } from "~/domain/events/events.server";

export const meta: MetaFunction = () => [{ title: "Events — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseCatalogueFilters(new URL(request.url).searchParams);
  const [events, countries] = await Promise.all([listCatalogue(filters), catalogueCountries()]);
  return { filters, events, countries };
}

export default function Catalogue() {
  const { filters, events, countries } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtered = Boolean(filters.kind || filters.theme || filters.country || filters.from || filters.to || filters.q);
  return (
    <>
      <h1>Events</h1>
      <p className="tz-note">Roadshows, workshops, webinars and matchmaking across the SCALE network. Dates are shown in each event's own time zone.</p>
      <Form method="get" className="filters card" aria-label="Filter events">
        <TextField label="Search" id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Title, city…" />
        <SelectField
          label="Kind"
          id="kind"
          name="kind"
          defaultValue={filters.kind ?? ""}
          options={[["", "All kinds"], ...EVENT_KINDS.map((kind) => [kind, KIND_LABELS[kind]] as const)]}
        />
        <SelectField
          label="Theme"
          id="theme"
          name="theme"
          defaultValue={filters.theme ?? ""}
          options={[["", "All themes"], ...THEMES.map((theme) => [theme, THEME_LABELS[theme]] as const)]}
        />
        <SelectField
          label="Country"
          id="country"
          name="country"
          defaultValue={filters.country ?? ""}
          options={[["", "All countries"], ...countries.map((code) => [code, countryName(code)] as const)]}
        />
        <TextField label="From" id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label="To" id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="filters__actions">
          <button type="submit" className="button" disabled={navigation.state === "loading"}>
            {navigation.state === "loading" ? "Filtering…" : "Apply filters"}
          </button>
          {filtered ? (
            <Link to="/events" className="button button--ghost">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <p aria-live="polite" className="tz-note">
        {events.length === 1 ? "1 event" : `${events.length} events`}
        {filtered ? " match your filters" : " coming up"}
      </p>
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>No events match these filters</h2>
          <p>Try another theme or country, or widen the dates.</p>
          <Link to="/events" className="button button--ghost">
            Show all events
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
