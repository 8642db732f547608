import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { limitSignInAttempts, signIn } from "~/domain/accounts/accounts.server";
import { signInSchema } from "~/domain/accounts/validation";
import { accountFormAction, getUser, safeRedirect } from "~/web/auth.server";
import { beginSecondStep } from "~/web/second-factor.server";
import { clientIp, forwardActionHeaders } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Sign in — SCALE Events" }];

export const headers = forwardActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return accountFormAction(request, signInSchema, {
    echo: (data) => ({ email: data.email }),
    act: async (data) => {
      await limitSignInAttempts(clientIp(request), data.email);
      const user = await signIn(data);
      // Two-factor on: no session yet, the code comes first.
      if (user.twoFactor) throw await beginSecondStep(user.id, safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/events"));
      return user;
    },
  });
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  const fields = bindFields(signInSchema, { errors, values });
  return (
    <section className="card form-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {params.get("reset") === "done" ? (
        <div className="notice notice--success" role="status">
          Your new password is saved and every other session was signed out. Sign in with it.
        </div>
      ) : null}
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField label="Email" {...fields.email} type="email" autoComplete="email" required />
        <TextField label="Password" {...fields.password} defaultValue={undefined} type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p style={{ marginTop: "1rem" }}>
        New to SCALE Events?{" "}
        <Link to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>Create an account</Link>
      </p>
    </section>
  );
}
