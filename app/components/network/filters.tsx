// The directories' filter forms: plain GET forms, so every result page has its own address.
import { FilterForm } from "~/components/ui/lists";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/ui/forms";
import { useLanguage } from "~/components/ui/i18n";
import { countryName, THEMES } from "~/domain/kernel/vocabulary";
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

const kindOptions = (t: TFunction) =>
  [["", t("network.filters.allKinds")], ...ORGANISATION_KINDS.map((kind) => [kind, ORGANISATION_KIND_LABELS[kind]] as const)] as const;
const themeOptions = (t: TFunction) =>
  [["", t("network.filters.allThemes")], ...THEMES.map((theme) => [theme, t(`vocabulary.themes.${theme}`)] as const)] as const;

/** The directories' filter actions, in the visitor's language. */
function useFilterLabels() {
  const { t } = useTranslation();
  return { submitLabel: t("network.filters.search"), busyLabel: t("network.filters.searching"), clearLabel: t("network.filters.clear") };
}

const value = (values: Values, key: string) => String(values[key] ?? "");

export function PeopleFilterForm({ values, filtered }: { values: Values; filtered: boolean }) {
  const { t } = useTranslation();
  const labels = useFilterLabels();
  return (
    <FilterForm label={t("network.filters.searchPeople")} clearTo="/people" filtered={filtered} {...labels}>
      <TextField
        label={t("network.filters.search")}
        id="q"
        name="q"
        type="search"
        defaultValue={value(values, "q")}
        placeholder={t("network.filters.peoplePlaceholder")}
      />
      <SelectField
        label={t("network.filters.role")}
        id="role"
        name="role"
        defaultValue={value(values, "role")}
        options={[["", t("network.filters.allRoles")], ...DIRECTORY_ROLES.map((role) => [role, DIRECTORY_ROLE_LABELS[role]] as const)]}
      />
      <SelectField label={t("network.filters.organisationKind")} id="kind" name="kind" defaultValue={value(values, "kind")} options={kindOptions(t)} />
      <SelectField label={t("network.filters.theme")} id="theme" name="theme" defaultValue={value(values, "theme")} options={themeOptions(t)} />
      <SelectField
        label={t("network.filters.lookingTo")}
        id="intent"
        name="intent"
        defaultValue={value(values, "intent")}
        options={[["", t("network.filters.anything")], ...INTENTS.map((intent) => [intent, INTENT_LABELS[intent]] as const)]}
      />
      <SelectField
        label={t("network.filters.country")}
        id="country"
        name="country"
        defaultValue={value(values, "country")}
        options={[["", t("network.filters.allCountries")], ...COUNTRY_OPTIONS]}
      />
      <SelectField
        label={t("network.filters.language")}
        id="language"
        name="language"
        defaultValue={value(values, "language")}
        options={[["", t("network.filters.anyLanguage")], ...LANGUAGE_OPTIONS]}
      />
    </FilterForm>
  );
}

export function OrganisationFilterForm({ values, filtered, countries }: { values: Values; filtered: boolean; countries: string[] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const labels = useFilterLabels();
  return (
    <FilterForm label={t("network.filters.searchOrganisations")} clearTo="/organisations" filtered={filtered} {...labels}>
      <TextField
        label={t("network.filters.search")}
        id="q"
        name="q"
        type="search"
        defaultValue={value(values, "q")}
        placeholder={t("network.filters.organisationsPlaceholder")}
      />
      <SelectField label={t("network.filters.kind")} id="kind" name="kind" defaultValue={value(values, "kind")} options={kindOptions(t)} />
      <SelectField label={t("network.filters.theme")} id="theme" name="theme" defaultValue={value(values, "theme")} options={themeOptions(t)} />
      <SelectField
        label={t("network.filters.country")}
        id="country"
        name="country"
        defaultValue={value(values, "country")}
        options={[["", t("network.filters.allCountries")], ...countries.map((code) => [code, countryName(code, locale)] as const)]}
      />
    </FilterForm>
  );
}
