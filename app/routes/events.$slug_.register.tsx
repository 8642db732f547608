// /events/:slug/register — choose a ticket (hidden ones via ?code=), answer the questions, pay
// by invoice or card where the ticket is priced. Works without JavaScript; errors are shown
// beside their fields and the values typed so far are kept.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { QuestionField } from "~/components/registration/question-field";
import { Notice } from "~/components/registration/status";
import { TicketChoices } from "~/components/registration/ticket-choices";
import { Trans, useTranslation } from "react-i18next";
import { metaT, useLanguage } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { resolveLanguage } from "~/web/i18n.server";
import { localizeRow } from "~/domain/kernel/i18n/content";
import { bindFields, Choice, CsrfField, FieldSet, FormError, TextField } from "~/components/ui/forms";
import { isDomainError, type DomainError } from "~/domain/kernel/errors";
import { startCheckout } from "~/domain/payments/checkout.server";
import { limitAccessCodeAttempts } from "~/domain/registration/access-codes.server";
import { registrationPage } from "~/domain/registration/attendee.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { formatRange } from "~/domain/kernel/time/zoned";
import { getUser, requireUser } from "~/web/auth.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

// A 429 (too many access-code attempts) keeps its Retry-After on document requests.
export const headers = forwardActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaT(matches)("registration.register.metaTitle", { title: data.event.title }) : metaT(matches)("registration.register.metaFallback") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [user, language] = await Promise.all([getUser(request), resolveLanguage(request)]);
  let code = new URL(request.url).searchParams.get("code")?.trim() || null;
  // Whether a code opens a ticket is an answer worth guessing for: attempts are counted, and
  // past the limit the page shows the public tickets only (429 + Retry-After).
  let limited: DomainError | null = null;
  if (code) {
    try {
      await limitAccessCodeAttempts(clientIp(request), user?.id ?? null);
    } catch (error) {
      if (!isDomainError(error) || error.code !== "RATE_LIMITED") throw error;
      limited = error;
      code = null;
    }
  }
  const page = await registrationPage(params.slug ?? "", user?.id ?? null, code);
  if (!page) throw new Response(translate(language, "registration.register.notFound"), { status: 404 });
  const data = { ...page, event: localizeRow(page.event, language), accessCode: code, signedIn: Boolean(user), codeError: limited?.message ?? null };
  return json(data, limited ? { status: 429, headers: { "Retry-After": String(limited.retryAfter ?? 60) } } : undefined);
}

const schema = z.object({
  ticketTypeId: z.string({ error: "Please choose a ticket." }).min(1, { error: "Please choose a ticket." }),
  accessCode: z.string().max(100).optional(),
  paymentMethod: z.enum(["STRIPE", "INVOICE"], { error: "Please choose how you would like to pay." }).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const values: Record<string, string> = {};
  let result;
  try {
    const form = await readForm(request, schema);
    if (!form.ok) return formFailure(form);
    for (const [key, value] of form.form) if (typeof value === "string" && key !== "_csrf") values[key] = value;
    if (form.data.accessCode?.trim()) await limitAccessCodeAttempts(clientIp(request), user.id);
    result = await registerForEvent(user, {
      eventSlug: slug,
      ticketTypeId: form.data.ticketTypeId,
      accessCode: form.data.accessCode ?? null,
      paymentMethod: form.data.paymentMethod ?? null,
      answers: form.form,
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
  if (result.needsCheckout) {
    // After the commit: the seat is held; Stripe is asked for a Checkout Session. If Stripe is
    // unreachable, the payment page offers to try again (or to pay by invoice).
    try {
      const checkout = await startCheckout(result.registration.id, { userId: user.id });
      return redirect(checkout.url);
    } catch {
      return redirect(`/checkout/${result.registration.id}`);
    }
  }
  return redirect(`/my/registrations/${result.registration.id}?welcome=1`);
}

export default function Register() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  const fields = bindFields(schema, { errors, values });
  const { event } = data;
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const priced = data.tickets.some((t) => t.priceCents > 0);
  const methods = [...new Set(data.tickets.flatMap((t) => t.paymentMethods))];
  const onSale = data.tickets.filter((t) => t.onSale);
  const chosen = values.ticketTypeId ?? (onSale.length === 1 ? onSale[0].id : undefined);
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const here = `/events/${event.slug}/register${data.accessCode ? `?code=${encodeURIComponent(data.accessCode)}` : ""}`;

  return (
    <article className="reg-page">
      <p className="reg-back">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1>{t("registration.register.title")}</h1>
      <p className="tz-note">
        {event.title} · {formatRange(start, end, event.timeZone, locale)} ({event.timeZone.replace(/_/g, " ")})
      </p>

      {event.status === "CANCELLED" ? <Notice tone="error">{t("registration.register.cancelled")}</Notice> : null}
      {data.existing ? (
        <Notice tone="info">
          {t("registration.register.already")} <Link to={`/my/registrations/${data.existing.id}`}>{t("registration.register.seeRegistration")}</Link>
        </Notice>
      ) : null}
      {!data.signedIn ? (
        <Notice tone="info">
          <Trans
            i18nKey="registration.register.signInFirst"
            components={{
              signin: <Link to={`/signin?redirectTo=${encodeURIComponent(here)}`} />,
              signup: <Link to={`/signup?redirectTo=${encodeURIComponent(here)}`} />,
            }}
          />
        </Notice>
      ) : null}

      <div className="two-col">
        <section className="card" aria-labelledby="reg-form-title">
          <h2 id="reg-form-title" className="visually-hidden">
            {t("registration.register.formTitle")}
          </h2>
          <FormError message={result && !result.ok ? result.formError : undefined} />
          {data.tickets.length === 0 ? (
            <div className="empty-state">
              <h2>{t("registration.register.noTickets")}</h2>
              <p>{data.accessCode ? t("registration.register.codeOpensNothing") : t("registration.register.notOpened")}</p>
            </div>
          ) : (
            <Form method="post" noValidate aria-busy={busy}>
              <CsrfField />
              {data.accessCode ? <input type="hidden" name="accessCode" value={data.accessCode} /> : null}
              <TicketChoices tickets={data.tickets} field={fields.ticketTypeId} chosen={chosen} event={event} />

              {priced && methods.length > 0 ? (
                <FieldSet
                  legend={
                    <>
                      {t("registration.register.howPay")} <span className="field__hint">{t("registration.register.pricedOnly")}</span>
                    </>
                  }
                  id="pay"
                  className="field reg-choices"
                  hint={t("registration.register.payHint")}
                  error={fields.paymentMethod.error}
                >
                  {methods.includes("INVOICE") ? (
                    <Choice
                      type="radio"
                      name={fields.paymentMethod.name}
                      value="INVOICE"
                      defaultChecked={values.paymentMethod === "INVOICE" || (!values.paymentMethod && methods.length === 1)}
                    >
                      {t("registration.register.invoice")}
                    </Choice>
                  ) : null}
                  {methods.includes("STRIPE") ? (
                    <Choice type="radio" name={fields.paymentMethod.name} value="STRIPE" defaultChecked={values.paymentMethod === "STRIPE"}>
                      {t("registration.register.card")}
                    </Choice>
                  ) : null}
                </FieldSet>
              ) : null}

              {data.questions.length > 0 ? (
                <fieldset className="reg-questions">
                  <legend>{t("registration.register.questions")}</legend>
                  {data.questions.map((question) => {
                    const field = `answer.${question.id}`;
                    return <QuestionField key={question.id} question={question} error={errors[field]} values={values[field] ? [values[field]] : []} />;
                  })}
                </fieldset>
              ) : null}

              {errors.accessCode ? <Notice tone="error">{errors.accessCode}</Notice> : null}
              <button type="submit" className="button reg-submit" disabled={busy || !data.signedIn || Boolean(data.existing) || onSale.length === 0}>
                {busy ? t("registration.register.submitting") : t("registration.register.submit")}
              </button>
              {busy ? (
                <p className="tz-note" role="status">
                  {t("registration.register.holding")}
                </p>
              ) : null}
            </Form>
          )}
        </section>
        <aside className="card" aria-labelledby="code-title">
          <h2 id="code-title">{t("registration.register.codeTitle")}</h2>
          <p className="tz-note">{t("registration.register.codeHint")}</p>
          {data.codeError ? <Notice tone="error">{data.codeError}</Notice> : null}
          <Form method="get">
            <TextField label={t("registration.register.codeLabel")} id="access-code" name="code" defaultValue={data.accessCode ?? ""} autoComplete="off" />
            <button type="submit" className="button button--ghost">
              {t("registration.register.showTickets")}
            </button>
          </Form>
        </aside>
      </div>
    </article>
  );
}
