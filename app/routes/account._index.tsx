// /account — name, time zone, email, password and which optional emails to receive.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { metaT } from "~/components/ui/i18n";
import { translate, type MessageKey } from "~/domain/kernel/i18n/translate";
import { resolveLanguage } from "~/web/i18n.server";
import { LANGUAGE_NAMES, LANGUAGES } from "~/domain/kernel/i18n/languages";
import { AccountNav } from "~/components/accounts/account-nav";
import { bindFields, CsrfField, FormError, SelectField, TextField } from "~/components/ui/forms";
import { accountSettingsSchema } from "~/domain/accounts/account-forms";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS } from "~/domain/notifications/notification-kinds";
import { accountSettings, changePassword, requestEmailChange, saveNotificationChoices, updateProfile } from "~/domain/accounts/settings.server";
import { resendVerification } from "~/domain/accounts/verification.server";
import { currentSessionHash, requireUser } from "~/web/auth.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("accounts.account.metaTitle") }];

export const headers = forwardActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const settings = await accountSettings(user.id);
  return {
    ...settings,
    emailVerified: !!settings.emailVerifiedAt,
    zones: Intl.supportedValuesOf("timeZone").filter((zone) => zone.startsWith("Europe/") || zone === "UTC"),
  };
}

const DONE: Record<string, MessageKey> = {
  profile: "accounts.account.doneProfile",
  email: "accounts.account.doneEmail",
  password: "accounts.account.donePassword",
  notifications: "accounts.account.doneNotifications",
  "resend-verification": "accounts.account.doneResend",
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, accountSettingsSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "profile") await updateProfile(user.id, data);
    else if (data.intent === "email") await requestEmailChange(user.id, data);
    else if (data.intent === "password") await changePassword(user.id, (await currentSessionHash(request))!, data);
    else if (data.intent === "notifications") await saveNotificationChoices(user.id, data.enabled);
    else await resendVerification(user.id, clientIp(request));
    // After the change: a new language speaks at once.
    const language = await resolveLanguage(request);
    return { ok: true as const, intent: data.intent, message: translate(language, DONE[data.intent]) };
  } catch (error) {
    return domainFailure(error, { intent: data.intent, ...(data.intent === "email" ? { email: data.email } : {}) });
  }
}

export default function AccountSettings() {
  const { t } = useTranslation();
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failure = result && !result.ok ? result : null;
  const fieldsFor = (intent: string, values: Record<string, string | undefined> = {}) =>
    bindFields(accountSettingsSchema, { errors: failure?.values.intent === intent ? failure.fieldErrors : undefined, values });
  const formErrorFor = (intent: string) => (failure && failure.values.intent === intent ? failure.formError : undefined);
  const doneFor = (intent: string) =>
    result && result.ok && result.intent === intent ? (
      <div className="notice notice--success" role="status">
        {result.message}
      </div>
    ) : null;

  return (
    <section className="account-page stack" aria-labelledby="account-title">
      <header>
        <h1 id="account-title">{t("accounts.account.title")}</h1>
        <AccountNav />
      </header>
      {failure && !failure.values.intent ? <FormError message={failure.formError} /> : null}

      {!account.emailVerified ? (
        <div className="card stack" aria-labelledby="verify-title">
          <h2 id="verify-title">{t("accounts.account.verifyTitle")}</h2>
          {doneFor("resend-verification")}
          <FormError message={formErrorFor("resend-verification")} />
          <p>
            <Trans i18nKey="accounts.account.verifyText" values={{ email: account.email }} components={{ strong: <strong /> }} />
          </p>
          <Form method="post">
            <CsrfField />
            <button type="submit" name="intent" value="resend-verification" className="button button--ghost" disabled={busy}>
              {t("accounts.account.resend")}
            </button>
          </Form>
        </div>
      ) : null}

      <div className="card stack" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("accounts.account.profile")}</h2>
        {doneFor("profile")}
        <FormError message={formErrorFor("profile")} />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <TextField label={t("accounts.account.name")} {...fieldsFor("profile", { name: account.name }).name} autoComplete="name" required />
          <SelectField
            label={t("accounts.account.timeZone")}
            {...fieldsFor("profile", { timeZone: account.timeZone ?? "" }).timeZone}
            hint={t("accounts.account.timeZoneHint")}
            options={[["", t("accounts.account.eventZone")], ...account.zones.map((zone): [string, string] => [zone, zone.replace("_", " ")])]}
          />
          <SelectField
            label={t("accounts.settings.language")}
            {...fieldsFor("profile", { locale: account.locale ?? "" }).locale}
            hint={t("accounts.settings.languageHint")}
            options={[["", t("common.language.automatic")], ...LANGUAGES.map((code): [string, string] => [code, LANGUAGE_NAMES[code]])]}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("accounts.account.saveProfile")}
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="email-title">
        <h2 id="email-title">{t("accounts.account.emailTitle")}</h2>
        {doneFor("email")}
        <FormError message={formErrorFor("email")} />
        <p>
          <Trans i18nKey="accounts.account.emailUses" values={{ email: account.email }} components={{ strong: <strong /> }} />
          {account.emailVerified ? t("accounts.account.confirmed") : t("accounts.account.notConfirmed")}
          {account.pendingEmail ? ` ${t("accounts.account.pending", { email: account.pendingEmail })}` : ""}
        </p>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="email" />
          <TextField
            label={t("accounts.account.newEmail")}
            {...fieldsFor("email", { email: failure?.values.intent === "email" ? failure.values.email : undefined }).email}
            type="email"
            autoComplete="email"
            required
          />
          <TextField
            label={t("accounts.account.currentPassword")}
            {...fieldsFor("email").currentPassword}
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button" disabled={busy}>
            {t("accounts.account.changeEmail")}
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="password-title">
        <h2 id="password-title">{t("accounts.account.password")}</h2>
        {doneFor("password")}
        <FormError message={formErrorFor("password")} />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="password" />
          <TextField
            label={t("accounts.account.currentPassword")}
            {...fieldsFor("password").currentPassword}
            type="password"
            autoComplete="current-password"
            required
          />
          <TextField
            label={t("accounts.account.newPassword")}
            {...fieldsFor("password").newPassword}
            type="password"
            autoComplete="new-password"
            required
            hint={t("accounts.account.newPasswordHint")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("accounts.account.changePassword")}
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t("accounts.account.emails")}</h2>
        {doneFor("notifications")}
        <FormError message={formErrorFor("notifications")} />
        <p className="tz-note">{t("accounts.account.emailsAlways")}</p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="notifications" />
          <fieldset className="checkbox-group">
            <legend>{t("accounts.account.sendMe")}</legend>
            <div className="stack account-choices">
              {NOTIFICATION_KINDS.map((kind) => (
                <label key={kind} className="checkbox">
                  <input type="checkbox" name="enabled" value={kind} defaultChecked={account.enabled.includes(kind)} />
                  <span>
                    <strong>{NOTIFICATION_LABELS[kind].label}</strong> — {NOTIFICATION_LABELS[kind].hint}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t("accounts.account.saveEmails")}
          </button>
        </Form>
      </div>
    </section>
  );
}
