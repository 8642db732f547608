// The "request an introduction" page, for a person or an organisation: a short message, nothing
// else. No address is shown here or anywhere before the recipient accepts.
import { Form, Link } from "@remix-run/react";
import { bindFields, CsrfField, FormError, TextAreaField } from "~/components/ui/forms";
import { INTRODUCTION_MESSAGE_MAX, introductionSchema } from "~/domain/community/community-forms";

export function IntroducePage(props: {
  target: { kind: "person" | "organisation"; name: string; detail: string | null };
  failure?: { formError?: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
  busy: boolean;
}) {
  const fields = bindFields(introductionSchema, { errors: props.failure?.fieldErrors, values: props.failure?.values });
  return (
    <section className="card form-card stack" aria-labelledby="introduce-title">
      <h1 id="introduce-title">Request an introduction to {props.target.name}</h1>
      {props.target.detail ? <p className="tz-note">{props.target.detail}</p> : null}
      <p>
        {props.target.kind === "organisation" ? `${props.target.name}'s representatives receive your message.` : `${props.target.name} receives your message.`}{" "}
        If they accept, you both see each other&apos;s email address on <Link to="/my/introductions">your introductions</Link>; until then nobody&apos;s address
        is shared.
      </p>
      <FormError message={props.failure && Object.keys(props.failure.fieldErrors).length === 0 ? props.failure.formError : undefined} />
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <TextAreaField
          label="Your message"
          {...fields.message}
          rows={5}
          maxLength={INTRODUCTION_MESSAGE_MAX}
          hint={`Who you are and why you would like to meet, in up to ${INTRODUCTION_MESSAGE_MAX} characters.`}
        />
        <button type="submit" className="button" disabled={props.busy}>
          Send the request
        </button>
      </Form>
    </section>
  );
}
