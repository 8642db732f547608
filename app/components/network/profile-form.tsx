// The fields of "My profile", bound to profileForm. The two directory choices come last, each
// explained, both unticked until the person ticks them.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { bindFields, CheckboxField, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField, type FieldValue } from "~/components/ui/forms";
import { THEMES } from "~/domain/kernel/vocabulary";
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
  const { t } = useTranslation();
  const { listed, openToIntroductions, ...texts } = values;
  const fields = bindFields(profileForm, { errors, values: texts as Record<string, FieldValue> });
  return (
    <Form method="post" noValidate className="stack">
      <CsrfField />
      <div className="two-col">
        <TextField label={t("network.form.fullName")} {...fields.name} autoComplete="name" required />
        <TextField label={t("network.form.jobTitle")} {...fields.jobTitle} autoComplete="organization-title" />
      </div>
      <div className="two-col">
        {organisations.length > 0 ? (
          <SelectField
            label={t("network.form.organisation")}
            {...fields.organisationId}
            hint={t("network.form.organisationHint")}
            options={[["", t("network.form.noneOfThese")], ...organisations.map((o): [string, string] => [o.id, o.name])]}
          />
        ) : null}
        <TextField
          label={organisations.length > 0 ? t("network.form.otherOrganisation") : t("network.form.organisation")}
          {...fields.organisationName}
          autoComplete="organization"
        />
      </div>
      <TextAreaField label={t("network.form.bio")} {...fields.bio} rows={5} maxLength={BIO_MAX} hint={t("network.form.bioHint", { max: BIO_MAX })} />
      <div className="two-col">
        <SelectField label={t("network.form.country")} {...fields.country} options={[["", t("network.notSaid")], ...COUNTRY_OPTIONS]} />
        <TextField label={t("network.form.city")} {...fields.city} autoComplete="address-level2" />
      </div>
      <SelectField
        label={t("network.form.timeZone")}
        {...fields.timeZone}
        options={[["", t("network.form.eventZone")], ...zones.map((zone): [string, string] => [zone, zone.replace("_", " ")])]}
      />
      <ChoiceGroup legend={t("network.form.languages")} {...fields.languages} options={LANGUAGE_OPTIONS} />
      <ChoiceGroup legend={t("network.form.themes")} {...fields.themes} options={THEMES.map((theme) => [theme, t(`vocabulary.themes.${theme}`)] as const)} />
      <ChoiceGroup legend={t("network.form.intents")} {...fields.intents} options={INTENTS.map((intent) => [intent, INTENT_LABELS[intent]] as const)} />
      <TextField label={t("network.form.expertise")} {...fields.expertise} hint={t("network.form.expertiseHint")} />
      <fieldset className="field checkbox-group">
        <legend>{t("network.form.inNetwork")}</legend>
        <CheckboxField label={t("network.form.listMe")} name="listed" defaultChecked={listed} error={errors?.listed} />
        {!emailVerified ? (
          <p className="tz-note">
            <Trans i18nKey="network.form.confirmFirst" components={{ linkto: <Link to="/account" /> }} />
          </p>
        ) : null}
        <CheckboxField label={t("network.form.openToIntroductions")} name="openToIntroductions" defaultChecked={openToIntroductions} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t("network.form.save")}
        </button>
      </div>
    </Form>
  );
}
