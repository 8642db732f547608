// Badges and small formatters shared by the attendee and organiser pages.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ParseKeys } from "i18next";

export const STATUS_TEXT: Record<string, string> = {
  PENDING_APPROVAL: "Awaiting approval",
  PENDING_PAYMENT: "Awaiting payment",
  CONFIRMED: "Confirmed",
  WAITLISTED: "Waiting list",
  OFFERED: "Seat offered",
  CANCELLED: "Cancelled",
  REJECTED: "Not accepted",
  EXPIRED: "Expired",
};

export const PAYMENT_TEXT: Record<string, string> = {
  NONE: "",
  PENDING: "Payment pending",
  PAID: "Paid",
  UNPAID_INVOICE: "Invoice unpaid",
  REFUNDED: "Refunded",
  FAILED: "Payment failed",
};

const TONE: Record<string, string> = {
  CONFIRMED: "ok",
  PENDING_APPROVAL: "wait",
  PENDING_PAYMENT: "wait",
  OFFERED: "wait",
  WAITLISTED: "info",
  CANCELLED: "off",
  REJECTED: "off",
  EXPIRED: "off",
};

/** A registration's status in the page's language (STATUS_TEXT: the English words, for CSV and logs). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const text = status in STATUS_TEXT ? t(`registration.status.${status}` as ParseKeys) : status;
  return <span className={`badge reg-badge reg-badge--${TONE[status] ?? "info"}`}>{text}</span>;
}

export function PaymentBadge({ paymentStatus }: { paymentStatus: string }) {
  const { t } = useTranslation();
  if (!PAYMENT_TEXT[paymentStatus]) return null;
  const text = t(`registration.payment.${paymentStatus}` as ParseKeys);
  const tone = paymentStatus === "PAID" ? "ok" : paymentStatus === "UNPAID_INVOICE" || paymentStatus === "PENDING" ? "wait" : "off";
  return <span className={`badge reg-badge reg-badge--${tone}`}>{text}</span>;
}

export function money(cents: number, currency = "EUR"): string {
  if (cents <= 0) return "Free";
  return new Intl.NumberFormat("en-IE", { style: "currency", currency }).format(cents / 100);
}

export function Notice({ tone, children }: { tone: "success" | "error" | "info"; children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
