// /forgot-password — asks for a reset link. The answer is the same for every address.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { forgotPasswordSchema } from "~/domain/accounts/account-forms";
import { requestPasswordReset } from "~/domain/accounts/password-reset.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password? — SCALE Events" }];

export const headers = forwardActionHeaders;

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, forgotPasswordSchema);
  if (!form.ok) return formFailure(form);
  try {
    return { ok: true as const, message: await requestPasswordReset(form.data.email, clientIp(request)) };
  } catch (error) {
    return domainFailure(error, { email: form.data.email });
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : null;
  const fields = bindFields(forgotPasswordSchema, { errors: failure?.fieldErrors, values: { email: failure?.values.email } });
  return (
    <section className="card form-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {result?.ok ? (
        <div className="notice notice--success" role="status">
          {result.message}
        </div>
      ) : (
        <>
          <p className="tz-note">Enter the email address of your account and we will send you a link to choose a new password.</p>
          <FormError message={failure?.formError} />
          <Form method="post" noValidate>
            <CsrfField />
            <TextField label="Email" {...fields.email} type="email" autoComplete="email" required />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Send me a reset link
            </button>
          </Form>
        </>
      )}
      <p style={{ marginTop: "1rem" }}>
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </section>
  );
}
