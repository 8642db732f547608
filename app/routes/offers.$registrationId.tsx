// /offers/:registrationId — a waiting-list offer: claim the held place before it expires (at
// most once), or decline it so it passes on at once.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { orResponse } from "~/components/registration/route-helpers.server";
import { money, Notice } from "~/components/registration/status";
import { bindFields, ChoiceGroup, CsrfField, FormError } from "~/components/ui/forms";
import { startCheckout } from "~/domain/payments/checkout.server";
import { myRegistration } from "~/domain/registration/attendee.server";
import { offeredPaymentMethods } from "~/domain/registration/ticket-rules";
import { isStripeConfigured as stripeConfigured } from "~/platform/env.server";
import { claimOffer, declineOffer } from "~/domain/registration/waitlist.server";
import { formatDate, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Your waiting-list offer — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const registration = await orResponse(() => myRegistration(user.id, params.registrationId ?? ""));
  const methods = offeredPaymentMethods(registration.ticketType, { stripeConfigured: stripeConfigured() });
  return {
    registration,
    methods,
    expired: registration.status === "OFFERED" && registration.offerExpiresAt !== null && registration.offerExpiresAt <= new Date(),
  };
}

const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("claim"), paymentMethod: z.enum(["STRIPE", "INVOICE"], { error: "Please choose how you would like to pay." }).optional() }),
    z.object({ intent: z.literal("decline") }),
  ],
  { error: "Unknown action." },
);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.registrationId ?? "";
  let needsCheckout = false;
  try {
    const form = await readForm(request, schema);
    if (!form.ok) return formFailure(form);
    if (form.data.intent === "decline") {
      await declineOffer(user, id);
      return redirect("/my/registrations?cancelled=1");
    }
    needsCheckout = (await claimOffer(user, id, { paymentMethod: form.data.paymentMethod ?? null })).needsCheckout;
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
  if (needsCheckout) {
    try {
      return redirect((await startCheckout(id, { userId: user.id })).url);
    } catch {
      return redirect(`/checkout/${id}`);
    }
  }
  return redirect(`/my/registrations/${id}?welcome=1`);
}

export default function Offer() {
  const { registration: r, methods, expired } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const tz = r.event.timeZone;
  const busy = navigation.state === "submitting";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const fields = bindFields(schema, { errors, values: { paymentMethod: r.paymentMethod ?? methods[0] } });
  if (r.status !== "OFFERED" || expired) {
    return (
      <section className="card form-card reg-confirm">
        <h1>{r.status === "EXPIRED" || expired ? "This offer has expired" : "This offer has been answered"}</h1>
        <p>{r.status === "EXPIRED" || expired ? "The place has passed to the next person on the waiting list." : "There is nothing more to do here."}</p>
        <p>
          <Link className="button" to={`/my/registrations/${r.id}`}>
            See your registration
          </Link>
        </p>
      </section>
    );
  }
  const until = r.offerExpiresAt ? new Date(r.offerExpiresAt) : null;
  return (
    <section className="card form-card reg-confirm" aria-labelledby="offer-title">
      <h1 id="offer-title">A place is yours</h1>
      <p>
        <strong>{r.event.title}</strong> — {r.ticketType.name} · {money(r.ticketType.priceCents, r.ticketType.currency)}
      </p>
      {until ? (
        <Notice tone="info">
          Claim it before {formatDate(until, tz)} {formatTime(until, tz)} {zoneAbbreviation(until, tz)}; after that it goes to the next person waiting.
        </Notice>
      ) : null}
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post">
        <CsrfField />
        {methods.length > 0 ? (
          <ChoiceGroup
            legend="How will you pay?"
            type="radio"
            layout="list"
            {...fields.paymentMethod}
            options={methods.map((m) => [m, m === "INVOICE" ? "Invoice / bank transfer" : "Card now (Stripe)"])}
          />
        ) : null}
        <div className="reg-actions">
          <button type="submit" name="intent" value="claim" className="button" disabled={busy}>
            {busy ? "Claiming…" : "Claim my place"}
          </button>
          <button type="submit" name="intent" value="decline" className="button button--ghost" disabled={busy}>
            No thanks, pass it on
          </button>
        </div>
      </Form>
    </section>
  );
}
