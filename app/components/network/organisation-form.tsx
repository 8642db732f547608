// The organisation editor's fields, bound to organisationForm. Ticket sizes, stages, focus
// countries and solutions are what the matchmaking and the auto-scheduler read.
import { Form, useNavigation } from "@remix-run/react";
import { bindFields, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField, type FieldValue } from "~/components/ui/forms";
import { THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import { DESCRIPTION_MAX, organisationForm } from "~/domain/network/network-forms";
import { COUNTRY_OPTIONS, ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, STAGE_LABELS, STAGES } from "~/domain/network/vocabulary";

export type OrganisationFormValues = Record<string, FieldValue>;

export function OrganisationForm({ values, errors }: { values: OrganisationFormValues; errors?: Record<string, string> }) {
  const busy = useNavigation().state === "submitting";
  const fields = bindFields(organisationForm, { errors, values });
  return (
    <Form method="post" noValidate className="stack">
      <CsrfField />
      <TextField label="Name" {...fields.name} required />
      <div className="two-col">
        <SelectField label="Kind" {...fields.kind} options={ORGANISATION_KINDS.map((kind) => [kind, ORGANISATION_KIND_LABELS[kind]] as const)} />
        <SelectField label="Country" {...fields.country} options={COUNTRY_OPTIONS} />
      </div>
      <div className="two-col">
        <TextField label="City" {...fields.city} />
        <TextField label="Website" {...fields.website} type="url" placeholder="https://" />
      </div>
      <TextAreaField label="Description" {...fields.description} rows={6} maxLength={DESCRIPTION_MAX} />
      <ChoiceGroup legend="Themes" {...fields.themes} options={THEMES.map((theme) => [theme, THEME_LABELS[theme]] as const)} />
      <TextAreaField label="Solutions offered" {...fields.solutionsOffered} rows={2} hint="Separated by commas: what others can replicate from you." />
      <TextAreaField label="Solutions wanted" {...fields.solutionsWanted} rows={2} hint="Separated by commas: what you want to replicate." />
      <fieldset className="field">
        <legend>Investment</legend>
        <div className="two-col">
          <TextField label="Smallest ticket (€)" {...fields.ticketMinEur} inputMode="numeric" hint="Investors: whole euros, e.g. 2 000 000." />
          <TextField label="Largest ticket (€)" {...fields.ticketMaxEur} inputMode="numeric" />
        </div>
        <TextField
          label="Investment sought (€)"
          {...fields.investmentSoughtEur}
          inputMode="numeric"
          hint="Cities and projects: what you seek for replication."
        />
      </fieldset>
      <ChoiceGroup legend="Stages funded" {...fields.stages} options={STAGES.map((stage) => [stage, STAGE_LABELS[stage]] as const)} />
      <ChoiceGroup legend="Focus countries" hint="Investors: leave empty for all of Europe." {...fields.focusCountries} options={COUNTRY_OPTIONS} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Save
        </button>
      </div>
    </Form>
  );
}
