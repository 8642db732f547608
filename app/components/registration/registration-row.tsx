// One registration in the organiser's list: who, which ticket, its status and payment, and the
// actions its state allows (approve or reject with a message, invoice paid, refund, cancel).
// Each action is its own POST form carrying the CSRF token, the registration id and an `intent`.
import { Form } from "@remix-run/react";
import { money, PaymentBadge, StatusBadge } from "~/components/registration/status";
import { CsrfField, TextAreaField, TextField, type BoundField } from "~/components/ui/forms";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";

/** A row of the organiser's registration list, as the loader sends it (dates as ISO strings). */
export interface RegistrationRowData {
  id: string;
  status: string;
  paymentStatus: string;
  paymentMethod: string | null;
  ticketCode: string;
  createdAt: string;
  checkedInAt: string | null;
  decisionNote: string | null;
  user: { name: string; email: string };
  ticketType: { name: string; priceCents: number; currency: string };
}

export function RegistrationRow({
  row: r,
  tz,
  busy,
  messageField,
  amountField,
}: {
  row: RegistrationRowData;
  tz: string;
  busy: boolean;
  messageField: BoundField<"message">;
  amountField: BoundField<"amount">;
}) {
  return (
    <li className="card reg-admin-row">
      <div className="reg-admin-row__who">
        <strong>{r.user.name}</strong>
        <a href={`mailto:${r.user.email}`} className="tz-note">
          {r.user.email}
        </a>
      </div>
      <div className="reg-admin-row__what tz-note">
        {r.ticketType.name} · {money(r.ticketType.priceCents, r.ticketType.currency)}
        <br />
        {r.ticketCode} · registered {formatDate(new Date(r.createdAt), tz)} {formatTime(new Date(r.createdAt), tz)}
        {r.checkedInAt ? ` · checked in ${formatTime(new Date(r.checkedInAt), tz)}` : ""}
      </div>
      <div className="badges">
        <StatusBadge status={r.status} />
        <PaymentBadge paymentStatus={r.paymentStatus} />
        {r.status === "CANCELLED" && r.paymentStatus === "PAID" ? <span className="badge reg-badge reg-badge--wait">Refund to settle?</span> : null}
      </div>
      <div className="reg-admin-row__actions">
        {r.status === "PENDING_APPROVAL" ? (
          <details className="reg-decide">
            <summary className="button button--small">Approve or reject…</summary>
            <Form method="post" className="reg-decide__form">
              <CsrfField />
              <input type="hidden" name="registrationId" value={r.id} />
              <TextAreaField label={`Message to ${r.user.name} (optional)`} id={`msg-${r.id}`} {...messageField} rows={3} maxLength={2000} />
              <div className="reg-actions">
                <button type="submit" name="intent" value="approve" className="button button--small" disabled={busy}>
                  Approve
                </button>
                <button type="submit" name="intent" value="reject" className="button button--small reg-danger" disabled={busy}>
                  Reject
                </button>
              </div>
            </Form>
          </details>
        ) : null}
        {r.paymentStatus === "UNPAID_INVOICE" && r.status === "CONFIRMED" ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="registrationId" value={r.id} />
            <button type="submit" name="intent" value="invoice-paid" className="button button--small button--ghost" disabled={busy}>
              Mark invoice paid
            </button>
          </Form>
        ) : null}
        {r.paymentMethod === "STRIPE" && r.paymentStatus === "PAID" ? (
          <details className="reg-decide">
            <summary className="button button--small button--ghost">Refund…</summary>
            <Form method="post" className="reg-decide__form">
              <CsrfField />
              <input type="hidden" name="registrationId" value={r.id} />
              <TextField
                label={`Amount to refund (${r.ticketType.currency})`}
                id={`refund-${r.id}`}
                {...amountField}
                inputMode="decimal"
                placeholder={(r.ticketType.priceCents / 100).toFixed(2)}
                hintBelow
                hint="Leave empty to refund everything not yet refunded. The card is refunded through Stripe; the registration stays as it is unless the whole amount goes back."
              />
              <button type="submit" name="intent" value="refund" className="button button--small" disabled={busy}>
                Refund through Stripe
              </button>
            </Form>
          </details>
        ) : null}
        {r.status === "CANCELLED" && r.paymentStatus === "PAID" ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="registrationId" value={r.id} />
            <button type="submit" name="intent" value="refunded" className="button button--small button--ghost" disabled={busy}>
              Mark refunded
            </button>
          </Form>
        ) : null}
        {["CONFIRMED", "PENDING_PAYMENT", "PENDING_APPROVAL", "WAITLISTED", "OFFERED"].includes(r.status) ? (
          <details className="reg-decide">
            <summary className="button button--small button--ghost">Cancel…</summary>
            <Form method="post" className="reg-decide__form">
              <CsrfField />
              <input type="hidden" name="registrationId" value={r.id} />
              <p className="tz-note">
                Cancels {r.user.name}'s registration, emails them and offers the seat to the waiting list. Paid tickets follow the ticket's refund rule.
              </p>
              <button type="submit" name="intent" value="cancel" className="button button--small reg-danger" disabled={busy}>
                Yes, cancel it
              </button>
            </Form>
          </details>
        ) : null}
      </div>
      {r.decisionNote ? <p className="reg-note tz-note">Note: {r.decisionNote}</p> : null}
    </li>
  );
}
