// The register page's ticket choice: one radio per ticket with its price, places left, approval,
// sales end and refund terms, in the page's language.
import { useTranslation } from "react-i18next";
import { FieldSet, type BoundField } from "~/components/ui/forms";
import { useLanguage } from "~/components/ui/i18n";
import { formatMoney } from "~/domain/kernel/money";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";

export interface TicketChoice {
  id: string;
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  requiresApproval: boolean;
  seatsLeft: number | null;
  capacity: number | null;
  onSale: boolean;
  notOnSaleReason: string | null;
  salesEndAt: string | Date | null;
  refundUntilHours: number | null;
}

export function TicketChoices({
  tickets,
  field,
  chosen,
  event,
}: {
  tickets: TicketChoice[];
  field: BoundField;
  chosen: string | undefined;
  event: { status: string; timeZone: string };
}) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  return (
    <FieldSet legend={t("registration.register.ticket")} id="ticket" className="field reg-tickets" error={field.error}>
      {tickets.map((ticket) => {
        const full = ticket.seatsLeft === 0;
        const salesEnd = ticket.salesEndAt ? new Date(ticket.salesEndAt) : null;
        const meta = [
          !ticket.onSale
            ? ticket.notOnSaleReason
            : full
              ? t("registration.register.full")
              : ticket.seatsLeft !== null
                ? t("events.page.placesLeft", { left: ticket.seatsLeft, capacity: ticket.capacity ?? 0 })
                : t("registration.register.available"),
          ticket.requiresApproval ? t("registration.register.approval") : null,
          salesEnd && ticket.onSale
            ? t("registration.register.salesClose", { date: `${formatDate(salesEnd, event.timeZone, locale)} ${formatTime(salesEnd, event.timeZone, locale)}` })
            : null,
          ticket.priceCents > 0
            ? ticket.refundUntilHours !== null
              ? t("registration.register.refundable", { hours: ticket.refundUntilHours })
              : t("registration.register.notRefundable")
            : null,
        ].filter(Boolean);
        return (
          <label key={ticket.id} className={`reg-ticket${ticket.onSale ? "" : " reg-ticket--off"}`}>
            <input
              type="radio"
              name={field.name}
              value={ticket.id}
              defaultChecked={chosen === ticket.id}
              disabled={!ticket.onSale || event.status !== "PUBLISHED"}
            />
            <span className="reg-ticket__body">
              <span className="reg-ticket__head">
                <strong>{ticket.name}</strong>
                <span className="reg-ticket__price">
                  {ticket.priceCents > 0 ? formatMoney(ticket.priceCents, ticket.currency, locale) : t("events.page.free")}
                </span>
              </span>
              {ticket.description ? <span className="reg-ticket__desc">{ticket.description}</span> : null}
              <span className="reg-ticket__meta">{meta.join(" · ")}</span>
            </span>
          </label>
        );
      })}
    </FieldSet>
  );
}
