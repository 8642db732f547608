// The organiser's ticket type form (create and edit share it). Times are typed in the event's
// own zone; the hint says which.
import { Form, useNavigation } from "@remix-run/react";
import { CsrfField, TextField } from "~/components/ui/forms";

export interface TicketTypeDefaults {
  name?: string;
  description?: string;
  price?: string;
  capacity?: string;
  salesStartAt?: string;
  salesEndAt?: string;
  requiresApproval?: boolean;
  hidden?: boolean;
  accessCode?: string;
  paymentMethods?: string[];
  refundUntilHours?: string;
}

export function TicketTypeForm({ defaults, errors, timeZone, submitLabel, taken }: { defaults: TicketTypeDefaults; errors: Record<string, string>; timeZone: string; submitLabel: string; taken?: number }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const zone = timeZone.replace(/_/g, " ");
  return (
    <Form method="post" noValidate className="reg-form-grid">
      <CsrfField />
      <TextField label="Name" name="name" required defaultValue={defaults.name} error={errors.name} maxLength={120} />
      <div className={`field${errors.description ? " field--invalid" : ""}`}>
        <label htmlFor="tt-description">Description <span className="field__hint">(optional)</span></label>
        <textarea id="tt-description" name="description" rows={2} defaultValue={defaults.description} maxLength={1000} />
        {errors.description ? <p className="field__error" role="alert">{errors.description}</p> : null}
      </div>
      <div className="reg-form-row">
        <TextField label="Price (EUR)" name="price" inputMode="decimal" hint="0 or empty: free" defaultValue={defaults.price} error={errors.price} />
        <TextField label="Capacity" name="capacity" type="number" min={taken ?? 1} hint={taken !== undefined ? `Empty: no limit. At least ${taken} (taken).` : "Empty: no limit"} defaultValue={defaults.capacity} error={errors.capacity} />
      </div>
      <div className="reg-form-row">
        <TextField label="Sales open" name="salesStartAt" type="datetime-local" hint={`${zone} time · empty: now`} defaultValue={defaults.salesStartAt} error={errors.salesStartAt} />
        <TextField label="Sales close" name="salesEndAt" type="datetime-local" hint={`${zone} time · empty: until the event`} defaultValue={defaults.salesEndAt} error={errors.salesEndAt} />
      </div>
      <fieldset className={`field reg-choices${errors.paymentMethods ? " field--invalid" : ""}`}>
        <legend>Payment methods <span className="field__hint">(priced tickets)</span></legend>
        <label className="reg-choice"><input type="checkbox" name="paymentMethods" value="INVOICE" defaultChecked={defaults.paymentMethods?.includes("INVOICE") ?? true} /> <span>Invoice / bank transfer (confirmed at once, you mark it paid)</span></label>
        <label className="reg-choice"><input type="checkbox" name="paymentMethods" value="STRIPE" defaultChecked={defaults.paymentMethods?.includes("STRIPE") ?? false} /> <span>Card via Stripe Checkout (when Stripe is configured)</span></label>
        {errors.paymentMethods ? <p className="field__error" role="alert">{errors.paymentMethods}</p> : null}
      </fieldset>
      <TextField label="Refundable until (hours before the start)" name="refundUntilHours" type="number" min={0} hint="Empty: not refundable" defaultValue={defaults.refundUntilHours} error={errors.refundUntilHours} />
      <fieldset className="field reg-choices">
        <legend>Access</legend>
        <label className="reg-choice"><input type="checkbox" name="requiresApproval" defaultChecked={defaults.requiresApproval} /> <span>Organisers approve each registration</span></label>
        <label className="reg-choice"><input type="checkbox" name="hidden" defaultChecked={defaults.hidden} /> <span>Hidden: only reachable with the access code</span></label>
      </fieldset>
      <TextField label="Access code" name="accessCode" hint="For hidden tickets: at least 6 characters, hard to guess. Share the link /events/…/register?code=YOURCODE" defaultValue={defaults.accessCode} error={errors.accessCode} autoComplete="off" />
      <p className="tz-note">One ticket per person: registrations are personal, colleagues register with their own account.</p>
      <button type="submit" className="button" disabled={busy}>{busy ? "Saving…" : submitLabel}</button>
    </Form>
  );
}
