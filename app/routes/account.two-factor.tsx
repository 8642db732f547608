// /account/two-factor — turn two-factor authentication on (secret → code → recovery codes shown
// once) or off (password and a code).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AccountNav } from "~/components/accounts/account-nav";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { twoFactorSchema } from "~/domain/accounts/account-forms";
import { beginEnrolment, confirmEnrolment, disableTwoFactor, twoFactorStatus } from "~/domain/accounts/two-factor.server";
import { requireUser, safeRedirect } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Two-factor authentication — SCALE Events" }];

// The page shows a secret or recovery codes: never cache it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  const next = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account/security");
  return { status, next, enrolment: status.enabled ? null : await beginEnrolment(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, twoFactorSchema);
  if (!form.ok) return formFailure(form);
  try {
    if (form.data.intent === "confirm") {
      const codes = await confirmEnrolment(user.id, form.data.code);
      return { ok: true as const, intent: "confirm" as const, codes };
    }
    await disableTwoFactor(user.id, form.data);
    return { ok: true as const, intent: "disable" as const, codes: null };
  } catch (error) {
    return domainFailure(error, { intent: form.data.intent });
  }
}

export default function TwoFactor() {
  const { status, enrolment, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const failure = result && !result.ok ? result : null;
  const fieldsFor = (intent: "confirm" | "disable") =>
    bindFields(twoFactorSchema, { errors: failure?.values.intent === intent ? failure.fieldErrors : undefined });

  return (
    <section className="account-page stack" aria-labelledby="twofactor-title">
      <header>
        <h1 id="twofactor-title">Two-factor authentication</h1>
        <AccountNav />
      </header>
      {params.get("required") && !status.enabled ? (
        <div className="notice notice--info" role="status">
          Organisers and administrators turn on two-factor authentication before they use organiser or admin pages. It takes a minute.
        </div>
      ) : null}
      <FormError message={failure?.formError} />

      {result?.ok && result.codes ? (
        <div className="card stack" aria-labelledby="codes-title">
          <h2 id="codes-title">Two-factor authentication is on</h2>
          <p>Keep these recovery codes somewhere safe, away from your phone. Each works once if you lose your phone. They are shown only now.</p>
          <ul className="recovery-codes" aria-label="Recovery codes">
            {result.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <p>
            <Link to={next} className="button">
              Continue
            </Link>
          </p>
        </div>
      ) : result?.ok ? (
        <div className="notice notice--success" role="status">
          Two-factor authentication is off.
        </div>
      ) : null}

      {enrolment && !(result?.ok && result.codes) ? (
        <div className="card stack" aria-labelledby="setup-title">
          <h2 id="setup-title">Set up your authenticator app</h2>
          <ol className="stack">
            <li>
              In an authenticator app (FreeOTP, Aegis, Google Authenticator, 1Password…), add an account by <a href={enrolment.uri}>opening this setup link</a>{" "}
              or by typing this key:
              <p className="totp-secret" data-testid="totp-secret">
                {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
              </p>
            </li>
            <li>Enter the 6-digit code the app shows.</li>
          </ol>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="confirm" />
            <TextField label="Code from the app" {...fieldsFor("confirm").code} autoComplete="one-time-code" inputMode="numeric" required />
            <button type="submit" className="button" disabled={busy}>
              Turn on two-factor authentication
            </button>
          </Form>
        </div>
      ) : null}

      {status.enabled && !result?.ok ? (
        <div className="card stack" aria-labelledby="disable-title">
          <h2 id="disable-title">Turn it off</h2>
          <p>
            It is on, with {status.recoveryCodesLeft} recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"} left.
            {status.required ? " Your role needs it for organiser and admin pages." : ""}
          </p>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="disable" />
            <TextField label="Current password" {...fieldsFor("disable").currentPassword} type="password" autoComplete="current-password" required />
            <TextField label="Code from the app" {...fieldsFor("disable").code} autoComplete="one-time-code" required />
            <button type="submit" className="button button--danger" disabled={busy}>
              Turn off two-factor authentication
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
