// /organise/events/:slug/tickets — the event's ticket types and a form for a new one.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { money, Notice } from "~/components/registration/status";
import { TicketTypeForm } from "~/components/registration/ticket-type-form";
import { FormError } from "~/components/ui/forms";
import { ticketTypeFormSchema } from "~/domain/registration/organiser-input";
import { createTicketType, listTicketTypes } from "~/domain/registration/organiser.server";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  return { event, ticketTypes: await listTicketTypes(event.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  try {
    const form = await readForm(request, ticketTypeFormSchema);
    if (!form.ok) return formFailure(form);
    await createTicketType(event, form.data);
    return redirect(`/organise/events/${event.slug}/tickets?created=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function Tickets() {
  const { event, ticketTypes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const tz = event.timeZone;
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <div className="two-col">
      <section className="stack" aria-labelledby="tickets-title">
        <h2 id="tickets-title">Ticket types</h2>
        {params.get("created") ? <Notice tone="success">Ticket type created.</Notice> : null}
        {params.get("saved") ? <Notice tone="success">Ticket type saved.</Notice> : null}
        {ticketTypes.length === 0 ? (
          <div className="empty-state">
            <h3>No tickets yet</h3>
            <p>Create the first ticket type with the form.</p>
          </div>
        ) : (
          <ul className="reg-admin-list">
            {ticketTypes.map((t) => (
              <li key={t.id} className="card reg-admin-row">
                <div className="reg-admin-row__who">
                  <strong>{t.name}</strong>
                  <span className="tz-note">
                    {money(t.priceCents, t.currency)} · {t.capacity === null ? `${t.taken} taken, no limit` : `${t.taken}/${t.capacity} taken`}
                    {t._count.registrations ? ` · ${t._count.registrations} waiting` : ""}
                  </span>
                </div>
                <div className="tz-note">
                  {t.salesStartAt ? `Opens ${formatDate(new Date(t.salesStartAt), tz)} ${formatTime(new Date(t.salesStartAt), tz)}. ` : ""}
                  {t.salesEndAt ? `Closes ${formatDate(new Date(t.salesEndAt), tz)} ${formatTime(new Date(t.salesEndAt), tz)}. ` : ""}
                  {t.requiresApproval ? "Approval required. " : ""}
                  {t.hidden ? `Hidden, code ${t.accessCode}. ` : ""}
                  {t.priceCents > 0
                    ? `Pay by ${t.paymentMethods.map((m) => (m === "INVOICE" ? "invoice" : "card")).join(" or ") || "any method"}; ${t.refundUntilHours === null ? "not refundable" : `refundable until ${t.refundUntilHours} h before`}.`
                    : ""}
                </div>
                <div className="reg-admin-row__actions">
                  <Link className="button button--small button--ghost" to={`/organise/events/${event.slug}/tickets/${t.id}`}>
                    Edit
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="new-ticket">
        <h2 id="new-ticket">New ticket type</h2>
        <FormError message={result && !result.ok ? result.formError : undefined} />
        <TicketTypeForm
          timeZone={tz}
          errors={errors}
          submitLabel="Create ticket type"
          defaults={{
            ...values,
            requiresApproval: values.requiresApproval === "on",
            hidden: values.hidden === "on",
            paymentMethods: values.paymentMethods ? [values.paymentMethods] : undefined,
          }}
        />
      </section>
    </div>
  );
}
