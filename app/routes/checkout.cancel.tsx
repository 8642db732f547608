// /checkout/cancel — where Stripe sends the attendee who left Checkout without paying. The seat
// stays held until the hold runs out; they can try the card again or switch to invoice.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfField } from "~/components/ui/forms";
import { formatInstant } from "~/domain/kernel/time/zoned";
import { formatMoney } from "~/domain/kernel/money";
import { loadCheckoutView } from "~/domain/payments/checkout.server";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Payment not completed — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = z.string().uuid().safeParse(new URL(request.url).searchParams.get("registration"));
  const view = id.success ? await loadCheckoutView(id.data, user.id) : null;
  if (!view) return { view: null };
  return {
    view: {
      registrationId: view.registrationId,
      eventTitle: view.event.title,
      eventSlug: view.event.slug,
      price: formatMoney(view.priceCents, view.currency),
      holdUntil: view.holdExpiresAt ? formatInstant(view.holdExpiresAt, view.event.timeZone) : null,
      canPayByCard: view.canPayByCard,
      canSwitchToInvoice: view.canSwitchToInvoice,
      confirmed: view.status === "CONFIRMED",
    },
  };
}

export default function CheckoutCancelled() {
  const { view } = useLoaderData<typeof loader>();
  return (
    <section className="card checkout-card" aria-labelledby="cancel-title">
      <h1 id="cancel-title">Payment not completed</h1>
      {!view ? (
        <p>
          Nothing was charged. <Link to="/my/registrations">See your registrations</Link>
        </p>
      ) : view.confirmed ? (
        <div className="notice notice--success" role="status">
          Good news: your place at {view.eventTitle} is already confirmed.
        </div>
      ) : view.canPayByCard || view.canSwitchToInvoice ? (
        <>
          <p>
            Nothing was charged. Your seat at <strong>{view.eventTitle}</strong> is still held for you
            {view.holdUntil ? ` until ${view.holdUntil}` : ""}.
          </p>
          <div className="button-row">
            {view.canPayByCard ? (
              <Form method="post" action={`/checkout/${view.registrationId}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="card" />
                <button type="submit" className="button">{`Try the card payment again (${view.price})`}</button>
              </Form>
            ) : null}
            {view.canSwitchToInvoice ? (
              <Form method="post" action={`/checkout/${view.registrationId}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="invoice" />
                <button type="submit" className="button button--ghost">
                  Pay by invoice / bank transfer instead
                </button>
              </Form>
            ) : null}
          </div>
        </>
      ) : (
        <div className="notice notice--info" role="status">
          The seat held for you has been released. You're welcome to <Link to={`/events/${view.eventSlug}`}>register again</Link> while places remain.
        </div>
      )}
    </section>
  );
}
