// /reset-password/:token — choose a new password from an emailed link (one hour, once).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { resetPasswordSchema } from "~/domain/accounts/account-forms";
import { resetLinkAccount, resetPassword } from "~/domain/accounts/password-reset.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password — SCALE Events" }, { name: "referrer", content: "no-referrer" }];

export const headers = forwardActionHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: (await resetLinkAccount(params.token)) !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request, resetPasswordSchema);
  if (!form.ok) return formFailure(form);
  try {
    await resetPassword(params.token, form.data.password, clientIp(request));
  } catch (error) {
    return domainFailure(error);
  }
  return redirect("/signin?reset=done");
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <section className="card form-card" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {!valid && !result ? (
        <>
          <div className="notice notice--error" role="alert">
            This reset link has expired or was already used.
          </div>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      ) : (
        <>
          <p className="tz-note">At least 12 characters; a few words you will remember make a strong one. Saving it signs you out on every device.</p>
          <FormError message={result?.formError} />
          <Form method="post" noValidate>
            <CsrfField />
            <TextField
              label="New password"
              {...bindFields(resetPasswordSchema, { errors: result?.fieldErrors }).password}
              type="password"
              autoComplete="new-password"
              required
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Save new password
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
