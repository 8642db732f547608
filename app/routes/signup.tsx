import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { limitSignUps, signUp } from "~/domain/accounts/accounts.server";
import { signUpSchema } from "~/domain/accounts/validation";
import { accountFormAction, getUser } from "~/web/auth.server";
import { clientIp, forwardActionHeaders } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Create your account — SCALE Events" }];

export const headers = forwardActionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  return accountFormAction(request, signUpSchema, {
    echo: (data) => ({ name: data.name, email: data.email }),
    act: async (data) => {
      await limitSignUps(clientIp(request));
      return signUp(data);
    },
  });
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  const fields = bindFields(signUpSchema, { errors, values });
  return (
    <section className="card form-card" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <p className="tz-note">Register for events, book roadshow meetings and ask questions in live sessions.</p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField label="Full name" {...fields.name} autoComplete="name" required />
        <TextField label="Email" {...fields.email} type="email" autoComplete="email" required />
        <TextField
          label="Password"
          {...fields.password}
          defaultValue={undefined}
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. No symbols or digits needed: a few words you will remember make a strong one."
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        Already have an account?{" "}
        <Link to={`/signin${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>Sign in</Link>
      </p>
    </section>
  );
}
