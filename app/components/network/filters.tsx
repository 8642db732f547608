// The directories' filter forms: plain GET forms, so every result page has its own address.
import { Form, Link, useNavigation } from "@remix-run/react";
import { SelectField, TextField } from "~/components/ui/forms";
import { countryName, THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import {
  DIRECTORY_ROLE_LABELS,
  DIRECTORY_ROLES,
  INTENT_LABELS,
  INTENTS,
  LANGUAGE_OPTIONS,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  COUNTRY_OPTIONS,
} from "~/domain/network/vocabulary";

type Values = Record<string, string | number | undefined>;

const kindOptions = [["", "All kinds"], ...ORGANISATION_KINDS.map((kind) => [kind, ORGANISATION_KIND_LABELS[kind]] as const)] as const;
const themeOptions = [["", "All themes"], ...THEMES.map((theme) => [theme, THEME_LABELS[theme]] as const)] as const;

function Actions({ clearTo, filtered }: { clearTo: string; filtered: boolean }) {
  const loading = useNavigation().state === "loading";
  return (
    <div className="filters__actions">
      <button type="submit" className="button" disabled={loading}>
        {loading ? "Searching…" : "Search"}
      </button>
      {filtered ? (
        <Link to={clearTo} className="button button--ghost">
          Clear
        </Link>
      ) : null}
    </div>
  );
}

const value = (values: Values, key: string) => String(values[key] ?? "");

export function PeopleFilterForm({ values, filtered }: { values: Values; filtered: boolean }) {
  return (
    <Form method="get" className="filters card" aria-label="Search people">
      <TextField label="Search" id="q" name="q" type="search" defaultValue={value(values, "q")} placeholder="Name, organisation, expertise…" />
      <SelectField
        label="Role"
        id="role"
        name="role"
        defaultValue={value(values, "role")}
        options={[["", "All roles"], ...DIRECTORY_ROLES.map((role) => [role, DIRECTORY_ROLE_LABELS[role]] as const)]}
      />
      <SelectField label="Organisation kind" id="kind" name="kind" defaultValue={value(values, "kind")} options={kindOptions} />
      <SelectField label="Theme" id="theme" name="theme" defaultValue={value(values, "theme")} options={themeOptions} />
      <SelectField
        label="Looking to"
        id="intent"
        name="intent"
        defaultValue={value(values, "intent")}
        options={[["", "Anything"], ...INTENTS.map((intent) => [intent, INTENT_LABELS[intent]] as const)]}
      />
      <SelectField label="Country" id="country" name="country" defaultValue={value(values, "country")} options={[["", "All countries"], ...COUNTRY_OPTIONS]} />
      <SelectField
        label="Language"
        id="language"
        name="language"
        defaultValue={value(values, "language")}
        options={[["", "Any language"], ...LANGUAGE_OPTIONS]}
      />
      <Actions clearTo="/people" filtered={filtered} />
    </Form>
  );
}

export function OrganisationFilterForm({ values, filtered, countries }: { values: Values; filtered: boolean; countries: string[] }) {
  return (
    <Form method="get" className="filters card" aria-label="Search organisations">
      <TextField label="Search" id="q" name="q" type="search" defaultValue={value(values, "q")} placeholder="Name, city, solution…" />
      <SelectField label="Kind" id="kind" name="kind" defaultValue={value(values, "kind")} options={kindOptions} />
      <SelectField label="Theme" id="theme" name="theme" defaultValue={value(values, "theme")} options={themeOptions} />
      <SelectField
        label="Country"
        id="country"
        name="country"
        defaultValue={value(values, "country")}
        options={[["", "All countries"], ...countries.map((code) => [code, countryName(code)] as const)]}
      />
      <Actions clearTo="/organisations" filtered={filtered} />
    </Form>
  );
}
