// /account — name, time zone, email, password and which optional emails to receive.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, LANGUAGES } from "~/domain/kernel/i18n/languages";
import { AccountNav } from "~/components/accounts/account-nav";
import { bindFields, CsrfField, FormError, SelectField, TextField } from "~/components/ui/forms";
import { accountSettingsSchema } from "~/domain/accounts/account-forms";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS } from "~/domain/notifications/notification-kinds";
import { accountSettings, changePassword, requestEmailChange, saveNotificationChoices, updateProfile } from "~/domain/accounts/settings.server";
import { resendVerification } from "~/domain/accounts/verification.server";
import { currentSessionHash, requireUser } from "~/web/auth.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Your account — SCALE Events" }];

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

const DONE: Record<string, string> = {
  profile: "Your name, time zone and language are saved.",
  email: "We sent a link to your new address. Your account switches to it when you follow the link.",
  password: "Your new password is saved. Every other session was signed out.",
  notifications: "Your email choices are saved.",
  "resend-verification": "We sent you a new link. It works for 24 hours.",
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
    return { ok: true as const, intent: data.intent, message: DONE[data.intent] };
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
        <h1 id="account-title">Your account</h1>
        <AccountNav />
      </header>
      {failure && !failure.values.intent ? <FormError message={failure.formError} /> : null}

      {!account.emailVerified ? (
        <div className="card stack" aria-labelledby="verify-title">
          <h2 id="verify-title">Confirm your email address</h2>
          {doneFor("resend-verification")}
          <FormError message={formErrorFor("resend-verification")} />
          <p>
            We sent a link to <strong>{account.email}</strong>. Until you follow it you can register for free events, but not pay, book meetings or appear in
            directories.
          </p>
          <Form method="post">
            <CsrfField />
            <button type="submit" name="intent" value="resend-verification" className="button button--ghost" disabled={busy}>
              Send the link again
            </button>
          </Form>
        </div>
      ) : null}

      <div className="card stack" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        {doneFor("profile")}
        <FormError message={formErrorFor("profile")} />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <TextField label="Full name" {...fieldsFor("profile", { name: account.name }).name} autoComplete="name" required />
          <SelectField
            label="Time zone"
            {...fieldsFor("profile", { timeZone: account.timeZone ?? "" }).timeZone}
            hint="Times are shown in each event's own zone; pick yours to see both."
            options={[["", "Each event's own time zone"], ...account.zones.map((zone): [string, string] => [zone, zone.replace("_", " ")])]}
          />
          <SelectField
            label={t("accounts.settings.language")}
            {...fieldsFor("profile", { locale: account.locale ?? "" }).locale}
            hint={t("accounts.settings.languageHint")}
            options={[["", t("common.language.automatic")], ...LANGUAGES.map((code): [string, string] => [code, LANGUAGE_NAMES[code]])]}
          />
          <button type="submit" className="button" disabled={busy}>
            Save profile
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="email-title">
        <h2 id="email-title">Email address</h2>
        {doneFor("email")}
        <FormError message={formErrorFor("email")} />
        <p>
          Your account uses <strong>{account.email}</strong>
          {account.emailVerified ? " (confirmed)" : " (not confirmed yet)"}.
          {account.pendingEmail ? ` A link to confirm ${account.pendingEmail} is waiting in that mailbox.` : ""}
        </p>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="email" />
          <TextField
            label="New email address"
            {...fieldsFor("email", { email: failure?.values.intent === "email" ? failure.values.email : undefined }).email}
            type="email"
            autoComplete="email"
            required
          />
          <TextField label="Current password" {...fieldsFor("email").currentPassword} type="password" autoComplete="current-password" required />
          <button type="submit" className="button" disabled={busy}>
            Change email address
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        {doneFor("password")}
        <FormError message={formErrorFor("password")} />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="password" />
          <TextField label="Current password" {...fieldsFor("password").currentPassword} type="password" autoComplete="current-password" required />
          <TextField
            label="New password"
            {...fieldsFor("password").newPassword}
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters. Saving it signs you out everywhere else."
          />
          <button type="submit" className="button" disabled={busy}>
            Change password
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Emails you receive</h2>
        {doneFor("notifications")}
        <FormError message={formErrorFor("notifications")} />
        <p className="tz-note">Tickets, payments, changes to what you registered for and account security emails are always sent.</p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="notifications" />
          <fieldset className="checkbox-group">
            <legend>Send me</legend>
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
            Save email choices
          </button>
        </Form>
      </div>
    </section>
  );
}
