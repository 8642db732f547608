import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { limitSignUps, signUp } from "~/domain/accounts/accounts.server";
import { signUpSchema } from "~/domain/accounts/validation";
import { accountFormAction, getUser } from "~/web/auth.server";
import { clientIp, forwardActionHeaders } from "~/web/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("accounts.signUp.metaTitle") }];

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
  const { t } = useTranslation();
  return (
    <section className="card form-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("accounts.signUp.title")}</h1>
      <p className="tz-note">{t("accounts.signUp.intro")}</p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField label={t("accounts.signUp.name")} {...fields.name} autoComplete="name" required />
        <TextField label={t("accounts.signUp.email")} {...fields.email} type="email" autoComplete="email" required />
        <TextField
          label={t("accounts.signUp.password")}
          {...fields.password}
          defaultValue={undefined}
          type="password"
          autoComplete="new-password"
          required
          hint={t("accounts.signUp.passwordHint")}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("accounts.signUp.submitting") : t("accounts.signUp.submit")}
        </button>
      </Form>
      <p style={{ marginTop: "1rem" }}>
        {t("accounts.signUp.haveAccount")}{" "}
        <Link to={`/signin${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}>
          {t("accounts.signUp.signIn")}
        </Link>
      </p>
    </section>
  );
}
