// /my/registrations/:id/cancel — the confirm step before cancelling: says what happens to the
// seat and the money, then cancels on POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { orResponse } from "~/components/registration/route-helpers.server";
import { money } from "~/components/registration/status";
import { CsrfField, FormError } from "~/components/ui/forms";
import { myRegistration } from "~/domain/registration/attendee.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { hasEnded, refundDecision } from "~/domain/registration/ticket-rules";
import { formatDate, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Cancel registration — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const registration = await orResponse(() => myRegistration(user.id, params.id ?? ""));
  if (hasEnded(registration.status)) throw redirect(`/my/registrations/${registration.id}`);
  const decision = registration.paymentStatus === "PAID" ? refundDecision(registration.ticketType, registration.event, new Date()) : null;
  return { registration, decision };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    const form = await readForm(request, z.object({ confirm: z.literal("yes", { error: "Please confirm the cancellation." }) }));
    if (!form.ok) return formFailure(form);
    const outcome = await cancelRegistration({ kind: "attendee", userId: user.id }, params.id ?? "");
    const note = outcome.refund.due ? (outcome.refund.method === "STRIPE" ? "refund" : "manual-refund") : "1";
    return redirect(`/my/registrations?cancelled=${note}`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function CancelRegistration() {
  const { registration: r, decision } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const tz = r.event.timeZone;
  const waitlisted = r.status === "WAITLISTED";
  return (
    <section className="card form-card reg-confirm" aria-labelledby="cancel-title">
      <h1 id="cancel-title">{waitlisted ? "Leave the waiting list?" : "Cancel your registration?"}</h1>
      <p>
        <strong>{r.event.title}</strong> — {r.ticketType.name}
      </p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <ul className="reg-consequences">
        {waitlisted ? (
          <li>You leave the waiting list; people behind you move up.</li>
        ) : (
          <li>Your place is released and offered to the next person on the waiting list.</li>
        )}
        {r.paymentStatus === "PAID" && decision ? (
          decision.refund ? (
            <li>
              You will be refunded {money(r.ticketType.priceCents, r.ticketType.currency)}
              {r.paymentMethod === "INVOICE" ? " by bank transfer from the organisers" : " to your card"}.
            </li>
          ) : (
            <li>
              No refund is due
              {decision.refundDeadline
                ? `: this ticket was refundable until ${formatDate(new Date(decision.refundDeadline), tz)} ${formatTime(new Date(decision.refundDeadline), tz)} ${zoneAbbreviation(new Date(decision.refundDeadline), tz)}`
                : ": this ticket is not refundable"}
              .
            </li>
          )
        ) : null}
        {r.paymentStatus === "UNPAID_INVOICE" ? <li>Your unpaid invoice is cancelled.</li> : null}
        <li>You can register again later if places remain.</li>
      </ul>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="confirm" value="yes" />
        <div className="reg-actions">
          <button type="submit" className="button reg-danger" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Cancelling…" : waitlisted ? "Yes, leave the list" : "Yes, cancel"}
          </button>
          <Link className="button button--ghost" to={`/my/registrations/${r.id}`}>
            Keep my {waitlisted ? "spot" : "place"}
          </Link>
        </div>
      </Form>
    </section>
  );
}
