// "Add a person" on the Team page, and the one-line explanation of every role beside it.
import { Form } from "@remix-run/react";
import { bindFields, CsrfField, FormError, SelectField, TextField } from "~/components/ui/forms";
import { TEAM_ROLES, TEAM_ROLE_DESCRIPTIONS, TEAM_ROLE_LABELS, teamFormSchema, type TeamRole } from "~/domain/events/team-input";

export function TeamAddForm({
  grantable,
  errors,
  values,
  formError,
  submitting,
}: {
  grantable: TeamRole[];
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
  submitting: boolean;
}) {
  const role = grantable.includes(values.role as TeamRole) ? values.role : "ORGANISER";
  const fields = bindFields(teamFormSchema, { errors, values: { email: values.email ?? "", role } });
  return (
    <Form method="post" className="stack team-add" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="add" />
      <FormError message={formError} />
      <TextField
        label="Email of their account"
        {...fields.email}
        type="email"
        autoComplete="off"
        required
        hint="They need a SCALE Events account; ask them to sign up first if they have none."
      />
      <SelectField label="Role" id="team-add-role" {...fields.role} options={grantable.map((r) => [r, TEAM_ROLE_LABELS[r]])} />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? "Adding…" : "Add to the team"}
      </button>
      <p className="tz-note">They get an email saying what they can now do, with a link.</p>
    </Form>
  );
}

export function TeamRolesHelp() {
  return (
    <dl className="team-roles">
      {TEAM_ROLES.map((role) => (
        <div key={role}>
          <dt>{TEAM_ROLE_LABELS[role]}</dt>
          <dd>{TEAM_ROLE_DESCRIPTIONS[role]}</dd>
        </div>
      ))}
    </dl>
  );
}
