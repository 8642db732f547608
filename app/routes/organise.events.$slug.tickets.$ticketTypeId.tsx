// /organise/events/:slug/tickets/:ticketTypeId — edit a ticket type. The capacity can't go
// below the seats taken; raising it offers the new seats to the waiting list at once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { orResponse, requireStaffEvent } from "~/components/registration/route-helpers.server";
import { TicketTypeForm } from "~/components/registration/ticket-type-form";
import { FormError } from "~/components/ui/forms";
import { isUuid } from "~/domain/registration/load-ticket.server";
import { ticketTypeFormSchema } from "~/domain/registration/organiser-input";
import { getTicketType, updateTicketType } from "~/domain/registration/organiser.server";
import { formatLocalDateTimeInput } from "~/domain/kernel/time/zoned";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  if (!isUuid(params.ticketTypeId)) throw new Response("This ticket type does not exist.", { status: 404 });
  const ticketType = await orResponse(() => getTicketType(event.id, params.ticketTypeId!));
  return { event, ticketType };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  if (!isUuid(params.ticketTypeId)) throw new Response("This ticket type does not exist.", { status: 404 });
  try {
    const form = await readForm(request, ticketTypeFormSchema);
    if (!form.ok) return formFailure(form);
    await updateTicketType(event, params.ticketTypeId!, form.data);
    return redirect(`/organise/events/${event.slug}/tickets?saved=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function EditTicketType() {
  const { event, ticketType: t } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const tz = event.timeZone;
  const failed = result && !result.ok ? result : null;
  const local = (d: string | Date | null) => (d ? formatLocalDateTimeInput(new Date(d), tz) : "");
  const defaults = failed
    ? {
        ...failed.values,
        requiresApproval: failed.values.requiresApproval === "on",
        hidden: failed.values.hidden === "on",
        paymentMethods: failed.values.paymentMethods ? [failed.values.paymentMethods] : [],
      }
    : {
        name: t.name,
        description: t.description ?? "",
        price: t.priceCents ? (t.priceCents / 100).toFixed(2) : "",
        capacity: t.capacity === null ? "" : String(t.capacity),
        salesStartAt: local(t.salesStartAt),
        salesEndAt: local(t.salesEndAt),
        requiresApproval: t.requiresApproval,
        hidden: t.hidden,
        accessCode: t.accessCode ?? "",
        paymentMethods: t.paymentMethods,
        refundUntilHours: t.refundUntilHours === null ? "" : String(t.refundUntilHours),
      };
  return (
    <section className="card reg-narrow" aria-labelledby="edit-ticket">
      <p className="reg-back">
        <Link to={`/organise/events/${event.slug}/tickets`}>← All ticket types</Link>
      </p>
      <h2 id="edit-ticket">Edit “{t.name}”</h2>
      <FormError message={failed?.formError} />
      <TicketTypeForm timeZone={tz} errors={failed?.fieldErrors ?? {}} defaults={defaults} submitLabel="Save ticket type" taken={t.taken} />
    </section>
  );
}
