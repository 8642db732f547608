// /checkout/success — where Stripe sends the attendee back after paying. It fulfils nothing:
// the registration is confirmed only by the signed webhook. It just says what happens next,
// and — if the webhook has already arrived — that the place is confirmed.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { loadCheckoutView, registrationForSession } from "~/domain/payments/checkout.server";
import { getUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Payment received — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const sessionId = z
    .string()
    .regex(/^cs_[A-Za-z0-9_]{1,250}$/)
    .safeParse(new URL(request.url).searchParams.get("session_id"));
  if (!user || !sessionId.success) return { registration: null };
  const registrationId = await registrationForSession(sessionId.data, user.id);
  const view = registrationId ? await loadCheckoutView(registrationId, user.id) : null;
  return {
    registration: view ? { id: view.registrationId, eventTitle: view.event.title, eventSlug: view.event.slug, confirmed: view.status === "CONFIRMED" } : null,
  };
}

export default function CheckoutSuccess() {
  const { registration } = useLoaderData<typeof loader>();
  return (
    <section className="card checkout-card" aria-labelledby="success-title">
      <h1 id="success-title">Payment received — thank you</h1>
      <div className="notice notice--success" role="status">
        {registration?.confirmed
          ? `Your place at ${registration.eventTitle} is confirmed. Your ticket and calendar invitation are on their way by email.`
          : "Payment received — your confirmation follows by email as soon as Stripe has confirmed the payment to us, usually within a minute."}
      </div>
      <p>You don't need to keep this page open, and please don't pay again if the email takes a moment.</p>
      <div className="button-row">
        <Link className="button" to="/my/registrations">
          My registrations
        </Link>
        {registration ? (
          <Link className="button button--ghost" to={`/events/${registration.eventSlug}`}>
            Back to the event
          </Link>
        ) : (
          <Link className="button button--ghost" to="/events">
            Browse events
          </Link>
        )}
      </div>
    </section>
  );
}
