// The organisation editor's fields, bound to organisationForm. Ticket sizes, stages, focus
// countries and solutions are what the matchmaking and the auto-scheduler read.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bindFields, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField, type FieldValue } from "~/components/ui/forms";
import { THEMES } from "~/domain/kernel/vocabulary";
import { DESCRIPTION_MAX, organisationForm } from "~/domain/network/network-forms";
import { COUNTRY_OPTIONS, ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, STAGE_LABELS, STAGES } from "~/domain/network/vocabulary";

export type OrganisationFormValues = Record<string, FieldValue>;

export function OrganisationForm({ values, errors }: { values: OrganisationFormValues; errors?: Record<string, string> }) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const fields = bindFields(organisationForm, { errors, values });
  return (
    <Form method="post" noValidate className="stack">
      <CsrfField />
      <TextField label={t("network.edit.name")} {...fields.name} required />
      <div className="two-col">
        <SelectField
          label={t("network.filters.kind")}
          {...fields.kind}
          options={ORGANISATION_KINDS.map((kind) => [kind, ORGANISATION_KIND_LABELS[kind]] as const)}
        />
        <SelectField label={t("network.form.country")} {...fields.country} options={COUNTRY_OPTIONS} />
      </div>
      <div className="two-col">
        <TextField label={t("network.form.city")} {...fields.city} />
        <TextField label={t("network.edit.website")} {...fields.website} type="url" placeholder="https://" />
      </div>
      <TextAreaField label={t("network.edit.description")} {...fields.description} rows={6} maxLength={DESCRIPTION_MAX} />
      <ChoiceGroup legend={t("network.form.themes")} {...fields.themes} options={THEMES.map((theme) => [theme, t(`vocabulary.themes.${theme}`)] as const)} />
      <TextAreaField label={t("network.organisation.solutionsOffered")} {...fields.solutionsOffered} rows={2} hint={t("network.edit.offeredHint")} />
      <TextAreaField label={t("network.organisation.solutionsWanted")} {...fields.solutionsWanted} rows={2} hint={t("network.edit.wantedHint")} />
      <fieldset className="field">
        <legend>{t("network.organisation.investment")}</legend>
        <div className="two-col">
          <TextField label={t("network.edit.ticketMin")} {...fields.ticketMinEur} inputMode="numeric" hint={t("network.edit.ticketMinHint")} />
          <TextField label={t("network.edit.ticketMax")} {...fields.ticketMaxEur} inputMode="numeric" />
        </div>
        <TextField
          label={t("network.edit.investmentSoughtLabel")}
          {...fields.investmentSoughtEur}
          inputMode="numeric"
          hint={t("network.edit.investmentSoughtHint")}
        />
      </fieldset>
      <ChoiceGroup legend={t("network.edit.stagesFunded")} {...fields.stages} options={STAGES.map((stage) => [stage, STAGE_LABELS[stage]] as const)} />
      <ChoiceGroup legend={t("network.organisation.focusCountries")} hint={t("network.edit.focusHint")} {...fields.focusCountries} options={COUNTRY_OPTIONS} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t("network.edit.save")}
        </button>
      </div>
    </Form>
  );
}
