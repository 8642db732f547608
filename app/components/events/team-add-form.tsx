// "Add a person" on the Team page, and the one-line explanation of every role beside it.
import { Form } from "@remix-run/react";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { TEAM_ROLES, TEAM_ROLE_DESCRIPTIONS, TEAM_ROLE_LABELS, type TeamRole } from "~/domain/events/team-input";

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
  return (
    <Form method="post" className="stack team-add" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="add" />
      <FormError message={formError} />
      <TextField
        label="Email of their account"
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={values.email ?? ""}
        error={errors.email}
        hint="They need a SCALE Events account; ask them to sign up first if they have none."
      />
      <div className={`field${errors.role ? " field--invalid" : ""}`}>
        <label htmlFor="team-add-role">Role</label>
        <select id="team-add-role" name="role" defaultValue={role} aria-invalid={errors.role ? true : undefined}>
          {grantable.map((r) => (
            <option key={r} value={r}>{TEAM_ROLE_LABELS[r]}</option>
          ))}
        </select>
        {errors.role ? <p className="field__error" role="alert">{errors.role}</p> : null}
      </div>
      <button type="submit" className="button" disabled={submitting}>{submitting ? "Adding…" : "Add to the team"}</button>
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
