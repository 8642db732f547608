// /account/delete — erase one's own account after the password (and the second factor when it is
// on). The domain cancels, anonymises and ends every session; this route clears the cookie.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountNav } from "~/components/accounts/account-nav";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { twoFactorStatus } from "~/domain/accounts/two-factor.server";
import { deleteAccount } from "~/domain/privacy/erasure.server";
import { deleteAccountSchema } from "~/domain/privacy/privacy-forms";
import { redirectSignedOut, requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Delete your account — SCALE Events" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  return { twoFactor: status.enabled };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, deleteAccountSchema);
  if (!form.ok) return formFailure(form);
  try {
    await deleteAccount(user.id, form.data);
  } catch (error) {
    return domainFailure(error);
  }
  return redirectSignedOut("/account/deleted");
}

export default function DeleteAccount() {
  const { twoFactor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : null;
  const fields = bindFields(deleteAccountSchema, { errors: failure?.fieldErrors });

  return (
    <section className="account-page stack" aria-labelledby="delete-title">
      <header>
        <h1 id="delete-title">Delete your account</h1>
        <AccountNav />
      </header>
      <div className="card stack">
        <p>This cannot be undone. When you delete your account:</p>
        <ul className="stack">
          <li>your registrations for events that have not ended are cancelled (refunds follow each ticket&apos;s refund rule) and your seats are freed;</li>
          <li>your meetings are cancelled and the other person is told, with a calendar cancellation;</li>
          <li>your name, email, password and profile are erased, your answers to organisers&apos; questions deleted and your calendar feeds stop working;</li>
          <li>questions you asked and room messages stay, shown as from a deleted member;</li>
          <li>
            payments and invoices are kept for 10 years, because accounting law requires it (<Link to="/privacy">privacy notice</Link>).
          </li>
        </ul>
        <p>
          You may want to <a href="/account/export">download your data</a> first.
        </p>
        {/* A field error is announced beside its field; the form-level one only when no field has it. */}
        <FormError message={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : undefined} />
        <Form method="post" noValidate>
          <CsrfField />
          <TextField label="Your password" type="password" autoComplete="current-password" required {...fields.currentPassword} />
          {twoFactor ? <TextField label="Code from your authenticator app, or a recovery code" autoComplete="one-time-code" required {...fields.code} /> : null}
          <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
            Delete my account for good
          </button>
        </Form>
      </div>
    </section>
  );
}
