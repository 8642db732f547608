// /account/security — where the account is signed in, and "sign out everywhere else".
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountNav } from "~/components/accounts/account-nav";
import { CsrfField, FormError } from "~/components/ui/forms";
import { securitySchema } from "~/domain/accounts/account-forms";
import { accountSettings, activeSessions, signOutEverywhereElse } from "~/domain/accounts/settings.server";
import { twoFactorStatus } from "~/domain/accounts/two-factor.server";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";
import { currentSessionHash, requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Security — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [sessions, twoFactor, settings] = await Promise.all([
    activeSessions(user.id, await currentSessionHash(request)),
    twoFactorStatus(user.id),
    accountSettings(user.id),
  ]);
  return { sessions, twoFactor, timeZone: settings.timeZone ?? "Europe/Brussels" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, securitySchema);
  if (!form.ok) return formFailure(form);
  try {
    const ended = await signOutEverywhereElse(user.id, (await currentSessionHash(request))!);
    return {
      ok: true as const,
      message: ended === 0 ? "You were signed in nowhere else." : `Signed out of ${ended} other ${ended === 1 ? "session" : "sessions"}.`,
    };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function AccountSecurity() {
  const { sessions, twoFactor, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const zone = timeZone;
  const when = (iso: string) => `${formatDate(new Date(iso), zone)}, ${formatTime(new Date(iso), zone)}`;
  return (
    <section className="account-page stack" aria-labelledby="security-title">
      <header>
        <h1 id="security-title">Security</h1>
        <AccountNav />
      </header>

      <div className="card stack" aria-labelledby="twofactor-title">
        <h2 id="twofactor-title">Two-factor authentication</h2>
        {twoFactor.enabled ? (
          <p>
            On since {when(twoFactor.enabledAt!)}. {twoFactor.recoveryCodesLeft} recovery {twoFactor.recoveryCodesLeft === 1 ? "code" : "codes"} left.
          </p>
        ) : (
          <p>
            Off.{" "}
            {twoFactor.required
              ? "Your role requires it before you can use organiser or admin pages."
              : "Turn it on so a stolen password alone cannot open your account."}
          </p>
        )}
        <p>
          <Link to="/account/two-factor" className="button button--ghost">
            {twoFactor.enabled ? "Manage two-factor authentication" : "Turn on two-factor authentication"}
          </Link>
        </p>
      </div>

      <div className="card stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        {result && result.ok ? (
          <div className="notice notice--success" role="status">
            {result.message}
          </div>
        ) : null}
        <FormError message={result && !result.ok ? result.formError : undefined} />
        <table className="account-sessions">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Approximate place</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session, index) => (
              <tr key={index}>
                <td>
                  {session.device}
                  {session.current ? (
                    <>
                      {" "}
                      <span className="badge">This browser</span>
                    </>
                  ) : null}
                </td>
                <td>{session.place}</td>
                <td>{when(session.signedInAt)}</td>
                <td>{when(session.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="tz-note">Places come from the network address we saw when you signed in; times are in {zone.replace("_", " ")}.</p>
        <Form method="post">
          <CsrfField />
          <button type="submit" name="intent" value="sign-out-others" className="button" disabled={navigation.state === "submitting" || sessions.length < 2}>
            Sign out everywhere else
          </button>
        </Form>
      </div>

      <div className="card stack" aria-labelledby="your-data-title">
        <h2 id="your-data-title">Your data</h2>
        <p>
          Download everything we hold about you, or erase your account. <Link to="/privacy">What we keep and for how long</Link>.
        </p>
        <p className="button-row">
          <a href="/account/export" className="button button--ghost" download>
            Download my data (JSON)
          </a>
          <Link to="/account/delete" className="button button--danger">
            Delete my account
          </Link>
        </p>
      </div>
    </section>
  );
}
