// /signin/code — the second step of signing in: a code from the authenticator app or a recovery code.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { secondStepSchema } from "~/domain/accounts/account-forms";
import { verifySecondFactor } from "~/domain/accounts/two-factor.server";
import { DomainError } from "~/domain/kernel/errors";
import { safeRedirect, startSession } from "~/web/auth.server";
import { domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";
import { completeSecondStep, pendingSignIn } from "~/web/second-factor.server";

export const meta: MetaFunction = () => [{ title: "Enter your code — SCALE Events" }];

export const headers = forwardActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await pendingSignIn(request))) throw redirect("/signin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, secondStepSchema);
  if (!form.ok) return formFailure(form);
  try {
    const userId = await pendingSignIn(request);
    if (!userId) throw new DomainError("INVALID_TOKEN", "Your sign-in expired. Sign in again with your password.");
    await verifySecondFactor(userId, form.data.code);
    const done = await completeSecondStep(request);
    if (!done || done.userId !== userId) throw new DomainError("INVALID_TOKEN", "Your sign-in expired. Sign in again with your password.");
    const response = await startSession(request, userId, safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/events"));
    response.headers.append("Set-Cookie", done.clearCookie);
    return response;
  } catch (error) {
    return domainFailure(error);
  }
}

export default function SignInCode() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <section className="card form-card" aria-labelledby="code-title">
      <h1 id="code-title">Enter your code</h1>
      <p className="tz-note">Open your authenticator app and enter the 6-digit code for SCALE Events. Lost your phone? Enter one of your recovery codes.</p>
      <FormError message={result?.formError} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField
          label="Code"
          {...bindFields(secondStepSchema, { errors: result?.fieldErrors }).code}
          autoComplete="one-time-code"
          inputMode="text"
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Verify and sign in
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        <Link to="/signin">Start again</Link>
      </p>
    </section>
  );
}
