import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { limitSignInAttempts, signIn } from "~/domain/accounts/accounts.server";
import { signInSchema } from "~/domain/accounts/validation";
import { accountFormAction, getUser, safeRedirect } from "~/web/auth.server";
import { beginSecondStep } from "~/web/second-factor.server";
import { clientIp, forwardActionHeaders } from "~/web/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("accounts.signIn.metaTitle") }];

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
  const { t } = useTranslation();
  return (
    <section className="card form-card" aria-labelledby="signin-title">
      <h1 id="signin-title">{t("accounts.signIn.title")}</h1>
      {params.get("reset") === "done" ? (
        <div className="notice notice--success" role="status">
          {t("accounts.signIn.resetDone")}
        </div>
      ) : null}
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField label={t("accounts.signIn.email")} {...fields.email} type="email" autoComplete="email" required />
        <TextField
          label={t("accounts.signIn.password")}
          {...fields.password}
          defaultValue={undefined}
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("accounts.signIn.submitting") : t("accounts.signIn.submit")}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        <Link to="/forgot-password">{t("accounts.signIn.forgot")}</Link>
      </p>
      <p style={{ marginTop: "1rem" }}>
        {t("accounts.signIn.newHere")}{" "}
        <Link to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>
          {t("accounts.signIn.createAccount")}
        </Link>
      </p>
    </section>
  );
}
