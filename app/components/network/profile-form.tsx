// The fields of "My profile", bound to profileForm. The two directory choices come last, each
// explained, both unticked until the person ticks them.
import { Form, Link, useNavigation } from "@remix-run/react";
import { bindFields, CheckboxField, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField, type FieldValue } from "~/components/ui/forms";
import { THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";
import { BIO_MAX, profileForm } from "~/domain/network/network-forms";
import { COUNTRY_OPTIONS, INTENT_LABELS, INTENTS, LANGUAGE_OPTIONS } from "~/domain/network/vocabulary";

export interface ProfileFormValues {
  name: string;
  jobTitle: string;
  organisationId: string;
  organisationName: string;
  bio: string;
  country: string;
  city: string;
  languages: string[];
  timeZone: string;
  themes: string[];
  intents: string[];
  expertise: string;
  listed: boolean;
  openToIntroductions: boolean;
}

export function ProfileForm({
  values,
  errors,
  organisations,
  zones,
  emailVerified,
}: {
  values: ProfileFormValues;
  errors?: Record<string, string>;
  organisations: { id: string; name: string }[];
  zones: string[];
  emailVerified: boolean;
}) {
  const busy = useNavigation().state === "submitting";
  const { listed, openToIntroductions, ...texts } = values;
  const fields = bindFields(profileForm, { errors, values: texts as Record<string, FieldValue> });
  return (
    <Form method="post" noValidate className="stack">
      <CsrfField />
      <div className="two-col">
        <TextField label="Full name" {...fields.name} autoComplete="name" required />
        <TextField label="Job title" {...fields.jobTitle} autoComplete="organization-title" />
      </div>
      <div className="two-col">
        {organisations.length > 0 ? (
          <SelectField
            label="Organisation"
            {...fields.organisationId}
            hint="One you are a member of, or leave it and type a name."
            options={[["", "None of these"], ...organisations.map((o): [string, string] => [o.id, o.name])]}
          />
        ) : null}
        <TextField label={organisations.length > 0 ? "Or another organisation" : "Organisation"} {...fields.organisationName} autoComplete="organization" />
      </div>
      <TextAreaField
        label="Short bio"
        {...fields.bio}
        rows={5}
        maxLength={BIO_MAX}
        hint={`What you work on and what you look for, in at most ${BIO_MAX} characters.`}
      />
      <div className="two-col">
        <SelectField label="Country" {...fields.country} options={[["", "Not said"], ...COUNTRY_OPTIONS]} />
        <TextField label="City" {...fields.city} autoComplete="address-level2" />
      </div>
      <SelectField
        label="Time zone"
        {...fields.timeZone}
        options={[["", "Each event's own time zone"], ...zones.map((zone): [string, string] => [zone, zone.replace("_", " ")])]}
      />
      <ChoiceGroup legend="Languages you speak" {...fields.languages} options={LANGUAGE_OPTIONS} />
      <ChoiceGroup legend="Themes" {...fields.themes} options={THEMES.map((theme) => [theme, THEME_LABELS[theme]] as const)} />
      <ChoiceGroup legend="What you are looking to do" {...fields.intents} options={INTENTS.map((intent) => [intent, INTENT_LABELS[intent]] as const)} />
      <TextField label="Expertise areas" {...fields.expertise} hint="Separated by commas, e.g. positive energy districts, open data, procurement." />
      <fieldset className="field checkbox-group">
        <legend>In the network</legend>
        <CheckboxField
          label="List me in the people directory, so signed-in members can find my profile (never my email address)"
          name="listed"
          defaultChecked={listed}
          error={errors?.listed}
        />
        {!emailVerified ? (
          <p className="tz-note">
            Confirm your email address first (see <Link to="/account">your account</Link>).
          </p>
        ) : null}
        <CheckboxField label="I am open to introductions from other members" name="openToIntroductions" defaultChecked={openToIntroductions} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Save profile
        </button>
      </div>
    </Form>
  );
}
