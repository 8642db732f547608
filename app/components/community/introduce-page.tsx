// The "request an introduction" page, for a person or an organisation: a short message, nothing
// else. No address is shown here or anywhere before the recipient accepts.
import { Form, Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { bindFields, CsrfField, FormError, TextAreaField } from "~/components/ui/forms";
import { INTRODUCTION_MESSAGE_MAX, introductionSchema } from "~/domain/community/community-forms";

export function IntroducePage(props: {
  target: { kind: "person" | "organisation"; name: string; detail: string | null };
  failure?: { formError?: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const fields = bindFields(introductionSchema, { errors: props.failure?.fieldErrors, values: props.failure?.values });
  return (
    <section className="card form-card stack" aria-labelledby="introduce-title">
      <h1 id="introduce-title">{t("community.introduce.title", { name: props.target.name })}</h1>
      {props.target.detail ? <p className="tz-note">{props.target.detail}</p> : null}
      <p>
        {props.target.kind === "organisation"
          ? t("community.introduce.organisationReceives", { name: props.target.name })
          : t("community.introduce.personReceives", { name: props.target.name })}{" "}
        <Trans i18nKey="community.introduce.privacy" components={{ linkto: <Link to="/my/introductions" /> }} />
      </p>
      <FormError message={props.failure && Object.keys(props.failure.fieldErrors).length === 0 ? props.failure.formError : undefined} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <TextAreaField
          label={t("community.introduce.message")}
          {...fields.message}
          rows={5}
          maxLength={INTRODUCTION_MESSAGE_MAX}
          hint={t("community.introduce.messageHint", { max: INTRODUCTION_MESSAGE_MAX })}
        />
        <button type="submit" className="button" disabled={props.busy}>
          {t("community.introduce.send")}
        </button>
      </Form>
    </section>
  );
}
