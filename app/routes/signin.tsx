import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { signIn } from "~/domain/accounts/accounts.server";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { signInSchema } from "~/domain/accounts/validation";
import { getUser, safeRedirect, startSession } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Sign in — SCALE Events" }];

export const headers = forwardActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/events");
  let values: Record<string, string> = {};
  try {
    const form = await readForm(request, signInSchema);
    if (!form.ok) return formFailure(form);
    values = { email: form.data.email };
    // Per address and per client: slows both password guessing and credential stuffing.
    await hitRateLimit({ key: `signin:ip:${clientIp(request)}`, limit: env().AUTH_RATE_LIMIT * 3, windowSeconds: 60 });
    await hitRateLimit({ key: `signin:email:${form.data.email}`, limit: env().AUTH_RATE_LIMIT, windowSeconds: 60 });
    const user = await signIn(form.data);
    return startSession(request, user.id, redirectTo);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <section className="card form-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        New to SCALE Events? <Link to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>Create an account</Link>
      </p>
    </section>
  );
}
