// /organise/events/:slug/registrations — filter by status and ticket type, search by name or
// email, decide on pending requests (with a message), cancel, mark invoices paid; CSV export.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { RegistrationRow } from "~/components/registration/registration-row";
import { money, Notice, STATUS_TEXT } from "~/components/registration/status";
import { bindFields, FormError, SelectField, TextField } from "~/components/ui/forms";
import { Pager } from "~/components/ui/pager";
import { parseMoneyInput } from "~/domain/kernel/money";
import { refundForOrganiser } from "~/domain/payments/refunds.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { approveRegistration, markInvoicePaid, markRefunded, rejectRegistration } from "~/domain/registration/decisions.server";
import { isUuid } from "~/domain/registration/load-ticket.server";
import { listTicketTypes } from "~/domain/registration/organiser.server";
import { listRegistrations } from "~/domain/registration/reports.server";
import { REGISTRATION_STATUSES } from "~/domain/registration/statuses";
import type { RegistrationStatus } from "~/generated/prisma/enums";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = REGISTRATION_STATUSES.includes(statusParam as RegistrationStatus) ? (statusParam as RegistrationStatus) : null;
  const ticketParam = url.searchParams.get("ticket");
  const ticketTypeId = ticketParam && isUuid(ticketParam) ? ticketParam : null;
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page") ?? 1);
  const [list, ticketTypes] = await Promise.all([listRegistrations(event.id, { status, ticketTypeId, q }, page), listTicketTypes(event.id)]);
  return { event, list, ticketTypes: ticketTypes.map((t) => ({ id: t.id, name: t.name })), filters: { status, ticketTypeId, q } };
}

// One form per intent; the intent comes from the button pressed. (This schema stays here rather
// than in app/domain/registration, which another change owns; it is built from pure parts only.)
const registrationId = z.string().uuid({ error: "Unknown registration." });
const decision = { registrationId, message: z.string().max(2000, { error: "Keep the message under 2,000 characters." }).optional() };
// Euros and cents as typed ("25", "25.50", "25,50"); empty means everything not yet refunded.
const amount = z
  .string()
  .refine((text) => parseMoneyInput(text) !== null, { error: "Enter an amount like 25 or 25.50, or leave it empty to refund the rest." })
  .transform((text) => parseMoneyInput(text) ?? undefined)
  .optional();
const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), ...decision }),
    z.object({ intent: z.literal("reject"), ...decision }),
    z.object({ intent: z.literal("cancel"), registrationId }),
    z.object({ intent: z.literal("invoice-paid"), registrationId }),
    z.object({ intent: z.literal("refunded"), registrationId }),
    z.object({ intent: z.literal("refund"), registrationId, amount }),
  ],
  { error: "Unknown action." },
);

const DONE: Record<string, string> = {
  approve: "Approved — the attendee has been emailed.",
  reject: "Rejected — the attendee has been emailed.",
  cancel: "Registration cancelled; the seat went to the waiting list.",
  "invoice-paid": "Invoice marked as paid.",
  refunded: "Marked as refunded.",
  refund: "",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  try {
    const form = await readForm(request, schema);
    if (!form.ok) return formFailure(form);
    const data = form.data;
    const { intent, registrationId } = data;
    let extra = "";
    if (data.intent === "approve") await approveRegistration(event.id, registrationId, data.message);
    if (data.intent === "reject") await rejectRegistration(event.id, registrationId, data.message);
    if (intent === "invoice-paid") await markInvoicePaid(event.id, registrationId);
    if (intent === "refunded") await markRefunded(event.id, registrationId);
    if (data.intent === "refund") {
      const refund = await refundForOrganiser(event.id, registrationId, data.amount);
      extra = `A refund of ${money(refund.amountCents, refund.currency)} was requested from Stripe; it shows here once Stripe confirms it.`;
    }
    if (intent === "cancel") {
      const outcome = await cancelRegistration({ kind: "organiser", eventId: event.id }, registrationId);
      if (outcome.refund.due)
        extra =
          outcome.refund.method === "STRIPE"
            ? " A card refund was requested from Stripe."
            : ` Refund ${money(outcome.refund.amountCents, outcome.refund.currency)} by bank transfer, then mark it refunded.`;
    }
    return { ok: true as const, message: DONE[intent] + extra };
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function Registrations() {
  const { event, list, ticketTypes, filters } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const tz = event.timeZone;
  const csv = `/organise/events/${event.slug}/registrations.csv`;
  const fields = bindFields(schema);
  return (
    <div className="stack">
      <div className="section-head reg-head-row">
        <h2>
          Registrations <span className="tz-note">({list.paging.total})</span>
        </h2>
        <a className="button button--ghost" href={csv} download>
          Export CSV (with answers)
        </a>
      </div>
      {answer?.ok ? <Notice tone="success">{answer.message}</Notice> : null}
      <FormError message={answer && !answer.ok ? answer.formError : undefined} />

      <Form method="get" className="filters reg-filters" role="search" aria-label="Filter registrations">
        <TextField label="Name or email" id="f-q" name="q" type="search" defaultValue={filters.q} />
        <SelectField
          label="Status"
          id="f-status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={[["", "All statuses"], ...REGISTRATION_STATUSES.map((s) => [s, `${STATUS_TEXT[s]} (${list.byStatus[s] ?? 0})`] as const)]}
        />
        <SelectField
          label="Ticket type"
          id="f-ticket"
          name="ticket"
          defaultValue={filters.ticketTypeId ?? ""}
          options={[["", "All tickets"], ...ticketTypes.map((t) => [t.id, t.name] as const)]}
        />
        <div className="filters__actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          {params.toString() ? (
            <Link className="button button--ghost" to=".">
              Reset
            </Link>
          ) : null}
        </div>
      </Form>

      {list.rows.length === 0 ? (
        <div className="empty-state">
          <h2>No registrations {filters.status || filters.ticketTypeId || filters.q ? "match these filters" : "yet"}</h2>
          <p>
            {filters.status || filters.ticketTypeId || filters.q ? "Try other filters." : "Share the event page: registrations appear here as they come in."}
          </p>
        </div>
      ) : (
        <ul className="reg-admin-list">
          {list.rows.map((r) => (
            <RegistrationRow key={r.id} row={r} tz={tz} busy={busy} messageField={fields.message} amountField={fields.amount} />
          ))}
        </ul>
      )}
      <Pager info={list.paging} hrefFor={(page) => pageHref(params, page)} label="Pages of registrations" />
    </div>
  );
}

/** The same filters, another page. */
function pageHref(params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page > 1) next.set("page", String(page));
  else next.delete("page");
  const query = next.toString();
  return query ? `?${query}` : ".";
}
