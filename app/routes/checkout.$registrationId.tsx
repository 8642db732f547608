// /checkout/:registrationId — pay for a registration whose seat is held: by card (Stripe
// Checkout) or, where the ticket type allows it, by invoice / bank transfer. The price shown and
// charged comes from the ticket type; the form only says which way to pay.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsrfField, FormError } from "~/components/ui/forms";
import { formatInstant } from "~/domain/kernel/time/zoned";
import { formatMoney } from "~/domain/kernel/money";
import { loadCheckoutView, startCheckout } from "~/domain/payments/checkout.server";
import { switchToInvoice } from "~/domain/payments/invoice.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Payment — SCALE Events" }];

const UUID = z.string().uuid();
const paySchema = z.object({ intent: z.enum(["card", "invoice"], { message: "Choose how you would like to pay." }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = UUID.safeParse(params.registrationId);
  const view = id.success ? await loadCheckoutView(id.data, user.id) : null;
  if (!view) throw new Response("We couldn't find that registration.", { status: 404 });
  const url = new URL(request.url);
  return {
    view: {
      ...view,
      price: formatMoney(view.priceCents, view.currency),
      holdUntil: view.holdExpiresAt ? formatInstant(view.holdExpiresAt, view.event.timeZone) : null,
      eventDate: formatInstant(view.event.startsAt, view.event.timeZone),
    },
    switchedToInvoice: url.searchParams.get("invoice") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = UUID.safeParse(params.registrationId);
  if (!id.success) throw new Response("We couldn't find that registration.", { status: 404 });
  try {
    const form = await readForm(request, paySchema);
    if (!form.ok) return formFailure(form);
    if (form.data.intent === "card") {
      const checkout = await startCheckout(id.data, { userId: user.id });
      return redirect(checkout.url);
    }
    await switchToInvoice(id.data, user.id);
    return redirect(`/checkout/${id.data}?invoice=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function CheckoutPage() {
  const { view, switchedToInvoice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const confirmed = view.status === "CONFIRMED";
  return (
    <section className="card checkout-card" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{confirmed ? "You're registered" : "Complete your registration"}</h1>
      <FormError message={result && !result.ok ? (result.formError ?? Object.values(result.fieldErrors)[0]) : undefined} />
      {switchedToInvoice && confirmed ? (
        <div className="notice notice--success" role="status">
          Your place is confirmed. The organisers will send you an invoice for bank transfer; a confirmation with your ticket is on its way by email.
        </div>
      ) : null}
      <dl className="checkout-summary">
        <div>
          <dt>Event</dt>
          <dd>
            <Link to={`/events/${view.event.slug}`}>{view.event.title}</Link>
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{view.eventDate}</dd>
        </div>
        <div>
          <dt>Ticket</dt>
          <dd>{view.ticketTypeName}</dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>
            <strong>{view.price}</strong>
          </dd>
        </div>
      </dl>
      {view.canPayByCard || view.canSwitchToInvoice ? (
        <>
          {view.holdUntil ? <p className="tz-note">Your seat is held for you until {view.holdUntil}.</p> : null}
          <div className="button-row">
            {view.canPayByCard ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="card" />
                <button type="submit" className="button" disabled={busy}>{`Pay ${view.price} by card`}</button>
              </Form>
            ) : null}
            {view.canSwitchToInvoice ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="invoice" />
                <button type="submit" className="button button--ghost" disabled={busy}>
                  Pay by invoice / bank transfer instead
                </button>
              </Form>
            ) : null}
          </div>
          <p className="tz-note">Card payments are handled by Stripe; we never see your card details.</p>
        </>
      ) : confirmed ? (
        <p>
          {view.paymentStatus === "UNPAID_INVOICE" ? "Payment by invoice: the organisers will send it to you." : "Nothing left to pay."}{" "}
          <Link to="/my/registrations">See your registrations</Link>
        </p>
      ) : (
        <div className="notice notice--info" role="status">
          {view.status === "PENDING_PAYMENT"
            ? "Your payment is being processed. We'll email you as soon as it has gone through."
            : "This registration is no longer waiting for a payment. If the seat was released, you can register again from the event page."}
        </div>
      )}
    </section>
  );
}
