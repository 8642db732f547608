// /events/:slug/register — choose a ticket (hidden ones via ?code=), answer the questions, pay
// by invoice or card where the ticket is priced. Works without JavaScript; errors are shown
// beside their fields and the values typed so far are kept.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { QuestionField } from "~/components/registration/question-field";
import { money, Notice } from "~/components/registration/status";
import { bindFields, Choice, CsrfField, FieldSet, FormError, TextField } from "~/components/ui/forms";
import { isDomainError, type DomainError } from "~/domain/kernel/errors";
import { startCheckout } from "~/domain/payments/checkout.server";
import { limitAccessCodeAttempts } from "~/domain/registration/access-codes.server";
import { registrationPage } from "~/domain/registration/attendee.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { formatDate, formatRange, formatTime } from "~/domain/kernel/time/zoned";
import { getUser, requireUser } from "~/web/auth.server";
import { clientIp, domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

// A 429 (too many access-code attempts) keeps its Retry-After on document requests.
export const headers = forwardActionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Register: ${data.event.title} — SCALE Events` : "Register — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
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
  if (!page) throw new Response("This event does not exist or is not open for registration.", { status: 404 });
  const data = { ...page, accessCode: code, signedIn: Boolean(user), codeError: limited?.message ?? null };
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
  const here = `/events/${event.slug}/register${data.accessCode ? `?code=${encodeURIComponent(data.accessCode)}` : ""}`;

  return (
    <article className="reg-page">
      <p className="reg-back">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1>Register</h1>
      <p className="tz-note">
        {event.title} · {formatRange(start, end, event.timeZone)} ({event.timeZone.replace(/_/g, " ")})
      </p>

      {event.status === "CANCELLED" ? <Notice tone="error">This event has been cancelled; registration is closed.</Notice> : null}
      {data.existing ? (
        <Notice tone="info">
          You are already registered for this event. <Link to={`/my/registrations/${data.existing.id}`}>See your registration</Link>.
        </Notice>
      ) : null}
      {!data.signedIn ? (
        <Notice tone="info">
          <Link to={`/signin?redirectTo=${encodeURIComponent(here)}`}>Sign in</Link> or{" "}
          <Link to={`/signup?redirectTo=${encodeURIComponent(here)}`}>create an account</Link> to register.
        </Notice>
      ) : null}

      <div className="two-col">
        <section className="card" aria-labelledby="reg-form-title">
          <h2 id="reg-form-title" className="visually-hidden">
            Registration form
          </h2>
          <FormError message={result && !result.ok ? result.formError : undefined} />
          {data.tickets.length === 0 ? (
            <div className="empty-state">
              <h2>No tickets available</h2>
              <p>{data.accessCode ? "That access code does not open any ticket for this event." : "Registration for this event has not opened yet."}</p>
            </div>
          ) : (
            <Form method="post" noValidate aria-busy={busy}>
              <CsrfField />
              {data.accessCode ? <input type="hidden" name="accessCode" value={data.accessCode} /> : null}
              <FieldSet legend="Ticket" id="ticket" className="field reg-tickets" error={fields.ticketTypeId.error}>
                {data.tickets.map((ticket) => {
                  const full = ticket.seatsLeft === 0;
                  return (
                    <label key={ticket.id} className={`reg-ticket${ticket.onSale ? "" : " reg-ticket--off"}`}>
                      <input
                        type="radio"
                        name={fields.ticketTypeId.name}
                        value={ticket.id}
                        defaultChecked={chosen === ticket.id}
                        disabled={!ticket.onSale || data.event.status !== "PUBLISHED"}
                      />
                      <span className="reg-ticket__body">
                        <span className="reg-ticket__head">
                          <strong>{ticket.name}</strong>
                          <span className="reg-ticket__price">{money(ticket.priceCents, ticket.currency)}</span>
                        </span>
                        {ticket.description ? <span className="reg-ticket__desc">{ticket.description}</span> : null}
                        <span className="reg-ticket__meta">
                          {!ticket.onSale
                            ? ticket.notOnSaleReason
                            : full
                              ? "Full — you will join the waiting list"
                              : ticket.seatsLeft !== null
                                ? `${ticket.seatsLeft} of ${ticket.capacity} left`
                                : "Places available"}
                          {ticket.requiresApproval ? " · confirmed by the organisers" : ""}
                          {ticket.salesEndAt && ticket.onSale
                            ? ` · sales close ${formatDate(new Date(ticket.salesEndAt), event.timeZone)} ${formatTime(new Date(ticket.salesEndAt), event.timeZone)}`
                            : ""}
                          {ticket.priceCents > 0
                            ? ticket.refundUntilHours !== null
                              ? ` · refundable until ${ticket.refundUntilHours} h before the start`
                              : " · not refundable"
                            : ""}
                        </span>
                      </span>
                    </label>
                  );
                })}
              </FieldSet>

              {priced && methods.length > 0 ? (
                <FieldSet
                  legend={
                    <>
                      How will you pay? <span className="field__hint">(priced tickets only)</span>
                    </>
                  }
                  id="pay"
                  className="field reg-choices"
                  hint="Public bodies usually choose invoice / bank transfer: your place is confirmed at once and the organisers send the invoice."
                  error={fields.paymentMethod.error}
                >
                  {methods.includes("INVOICE") ? (
                    <Choice
                      type="radio"
                      name={fields.paymentMethod.name}
                      value="INVOICE"
                      defaultChecked={values.paymentMethod === "INVOICE" || (!values.paymentMethod && methods.length === 1)}
                    >
                      Invoice / bank transfer
                    </Choice>
                  ) : null}
                  {methods.includes("STRIPE") ? (
                    <Choice type="radio" name={fields.paymentMethod.name} value="STRIPE" defaultChecked={values.paymentMethod === "STRIPE"}>
                      Card now (secure payment with Stripe)
                    </Choice>
                  ) : null}
                </FieldSet>
              ) : null}

              {data.questions.length > 0 ? (
                <fieldset className="reg-questions">
                  <legend>A few questions from the organisers</legend>
                  {data.questions.map((question) => {
                    const field = `answer.${question.id}`;
                    return <QuestionField key={question.id} question={question} error={errors[field]} values={values[field] ? [values[field]] : []} />;
                  })}
                </fieldset>
              ) : null}

              {errors.accessCode ? <Notice tone="error">{errors.accessCode}</Notice> : null}
              <button type="submit" className="button reg-submit" disabled={busy || !data.signedIn || Boolean(data.existing) || onSale.length === 0}>
                {busy ? "Registering…" : "Register"}
              </button>
              {busy ? (
                <p className="tz-note" role="status">
                  Holding your place…
                </p>
              ) : null}
            </Form>
          )}
        </section>
        <aside className="card" aria-labelledby="code-title">
          <h2 id="code-title">Have an access code?</h2>
          <p className="tz-note">Some tickets (partners, speakers, delegations) are reserved and open with a code.</p>
          {data.codeError ? <Notice tone="error">{data.codeError}</Notice> : null}
          <Form method="get">
            <TextField label="Access code" id="access-code" name="code" defaultValue={data.accessCode ?? ""} autoComplete="off" />
            <button type="submit" className="button button--ghost">
              Show my tickets
            </button>
          </Form>
        </aside>
      </div>
    </article>
  );
}
