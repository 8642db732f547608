// The organiser's ticket type form (create and edit share it). Times are typed in the event's
// own zone; the hint says which.
import { Form, useNavigation } from "@remix-run/react";
import { bindFields, Choice, ChoiceGroup, CsrfField, FieldSet, TextAreaField, TextField } from "~/components/ui/forms";
import { ticketTypeFormSchema } from "~/domain/registration/organiser-input";

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

export function TicketTypeForm({
  defaults,
  errors,
  timeZone,
  submitLabel,
  taken,
}: {
  defaults: TicketTypeDefaults;
  errors: Record<string, string>;
  timeZone: string;
  submitLabel: string;
  taken?: number;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const zone = timeZone.replace(/_/g, " ");
  const { requiresApproval, hidden, ...values } = defaults;
  const fields = bindFields(ticketTypeFormSchema, { errors, values: { ...values, paymentMethods: values.paymentMethods ?? ["INVOICE"] } });
  return (
    <Form method="post" noValidate className="reg-form-grid">
      <CsrfField />
      <TextField label="Name" {...fields.name} required maxLength={120} />
      <TextAreaField
        label={
          <>
            Description <span className="field__hint">(optional)</span>
          </>
        }
        id="tt-description"
        {...fields.description}
        rows={2}
        maxLength={1000}
      />
      <div className="reg-form-row">
        <TextField label="Price (EUR)" {...fields.price} inputMode="decimal" hint="0 or empty: free" />
        <TextField
          label="Capacity"
          {...fields.capacity}
          type="number"
          min={taken ?? 1}
          hint={taken !== undefined ? `Empty: no limit. At least ${taken} (taken).` : "Empty: no limit"}
        />
      </div>
      <div className="reg-form-row">
        <TextField label="Sales open" {...fields.salesStartAt} type="datetime-local" hint={`${zone} time · empty: now`} />
        <TextField label="Sales close" {...fields.salesEndAt} type="datetime-local" hint={`${zone} time · empty: until the event`} />
      </div>
      <ChoiceGroup
        legend={
          <>
            Payment methods <span className="field__hint">(priced tickets)</span>
          </>
        }
        layout="list"
        {...fields.paymentMethods}
        options={[
          ["INVOICE", "Invoice / bank transfer (confirmed at once, you mark it paid)"],
          ["STRIPE", "Card via Stripe Checkout (when Stripe is configured)"],
        ]}
      />
      <TextField label="Refundable until (hours before the start)" {...fields.refundUntilHours} type="number" min={0} hint="Empty: not refundable" />
      <FieldSet legend="Access" className="field reg-choices">
        <Choice name={fields.requiresApproval.name} defaultChecked={requiresApproval}>
          Organisers approve each registration
        </Choice>
        <Choice name={fields.hidden.name} defaultChecked={hidden}>
          Hidden: only reachable with the access code
        </Choice>
      </FieldSet>
      <TextField
        label="Access code"
        {...fields.accessCode}
        hint="For hidden tickets: at least 6 characters, hard to guess. Share the link /events/…/register?code=YOURCODE"
        autoComplete="off"
      />
      <p className="tz-note">One ticket per person: registrations are personal, colleagues register with their own account.</p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
