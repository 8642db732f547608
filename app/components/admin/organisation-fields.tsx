import { Form } from "@remix-run/react";
import { bindFields, CsrfField, SelectField, TextField } from "~/components/ui/forms";
import { ORGANISATION_KINDS, organisationFieldsSchema } from "~/domain/admin/admin-forms";

const KIND_TEXT: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  LIGHTHOUSE_CITY: "Lighthouse city",
  FELLOW_CITY: "Fellow city",
  PROJECT: "Lighthouse project",
  INVESTOR: "Investor",
  COMPANY: "Company",
  RESEARCH: "Research",
  ASSOCIATION: "Association",
};

/** An organisation's basic fields, for creating one or editing it in the admin console. */
export function OrganisationFieldsForm(props: {
  intent: "create" | "edit";
  organisationId?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  submit: string;
}) {
  const fields = bindFields(organisationFieldsSchema, { errors: props.errors, values: props.values });
  const id = (name: string) => `${props.intent}-org-${name}`;
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value={props.intent} />
      {props.organisationId ? <input type="hidden" name="organisationId" value={props.organisationId} /> : null}
      <TextField label="Name" id={id("name")} {...fields.name} maxLength={200} />
      <TextField
        label="Address name"
        id={id("slug")}
        {...fields.slug}
        hint="Lower-case letters, digits and dashes: /organisations/city-of-porto"
        maxLength={80}
      />
      <SelectField
        label="Kind"
        id={id("kind")}
        {...fields.kind}
        options={[["", "Choose a kind"], ...ORGANISATION_KINDS.map((k): [string, string] => [k, KIND_TEXT[k]])]}
      />
      <TextField label="Country code" id={id("country")} {...fields.country} maxLength={2} hint="Two letters, like PT." />
      <TextField label="Website" id={id("website")} {...fields.website} type="url" hint="Optional; https://…" />
      <button type="submit" className="button">
        {props.submit}
      </button>
    </Form>
  );
}
