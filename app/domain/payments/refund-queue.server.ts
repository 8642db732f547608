// Refunds owed by a webhook (money that arrived for a registration a person had ended), or by a
// cancellation within the refund window (cancel.server.ts → call `issueRefundsAfterCommit` with
// { registrationId, amountCents } once its transaction has committed), are asked of Stripe right
// after the transaction commits — never inside it, so no row lock is
// held across a network call. When Stripe cannot be reached, the refund is handed to the job
// queue (server/jobs), which retries with backoff; the idempotency key makes every retry safe.
import { db, type Tx } from "~/platform/db.server";
import { paymentsLog } from "./log.server";
import { refundRegistration } from "./refunds.server";

/** A refund decided in a transaction, to ask of Stripe once it has committed (a network call). */
export interface RefundToIssue {
  registrationId: string;
  /** Informational (logs); the refund is always made on the registration's Stripe payment. */
  paymentId?: string;
  amountCents: number;
}

/**
 * Records, in the transaction that decided it, that `amountCents` more is to be refunded on a
 * card payment. What is owed beyond what Stripe has reported refunded is asked for again by
 * `requestOwedRefunds` until Stripe's charge.refunded webhook catches up — so a crash between
 * the commit and the Stripe call cannot lose a refund.
 */
export async function recordRefundOwed(tx: Tx, paymentId: string, amountCents: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Payment"
    SET "refundOwedCents" = LEAST("amountCents", GREATEST("refundOwedCents", "refundedCents") + ${amountCents})
    WHERE id = ${paymentId}::uuid`;
}

/**
 * The sweep's half: asks Stripe for every refund owed but not yet reported. The request repeats
 * the original idempotency key (amount and refunded-so-far are unchanged until Stripe reports),
 * so asking again never refunds twice.
 */
export async function requestOwedRefunds(): Promise<number> {
  const owed = await db().$queryRaw<{ registrationId: string; owedCents: number }[]>`
    SELECT "registrationId", ("refundOwedCents" - "refundedCents") AS "owedCents"
    FROM "Payment"
    WHERE "refundOwedCents" > "refundedCents" AND method = 'STRIPE' AND state IN ('PAID', 'PARTIALLY_REFUNDED')
    LIMIT 100`;
  let requested = 0;
  for (const refund of owed) {
    try {
      await refundRegistration(refund.registrationId, Number(refund.owedCents));
      requested += 1;
    } catch (error) {
      paymentsLog.error({ ...refund, err: error }, "owed refund still not accepted by Stripe; the next sweep asks again");
    }
  }
  return requested;
}

export const REFUND_QUEUE = "payments-refund";

type RefundJobSender = (refund: RefundToIssue) => Promise<void>;
const senderKey = Symbol.for("scale-events.refund-job-sender");
type Holder = typeof globalThis & { [senderKey]?: RefundJobSender[] };

function senders(): RefundJobSender[] {
  const holder = globalThis as Holder;
  return (holder[senderKey] ??= []);
}

/**
 * server/jobs registers how to queue a retry (the latest registration wins); returns how to
 * withdraw exactly this one, so a stopping runner never removes another runner's sender.
 */
export function registerRefundJobSender(sender: RefundJobSender): () => void {
  senders().push(sender);
  return () => {
    const list = senders();
    const index = list.lastIndexOf(sender);
    if (index >= 0) list.splice(index, 1);
  };
}

export async function issueRefundsAfterCommit(refunds: readonly RefundToIssue[]): Promise<void> {
  for (const refund of refunds) {
    try {
      const requested = await refundRegistration(refund.registrationId, refund.amountCents);
      paymentsLog.info({ ...refund, refundId: requested.refundId }, "refund requested from Stripe");
    } catch (error) {
      const sender = senders().at(-1);
      paymentsLog.error({ ...refund, err: error, retry: Boolean(sender) }, "refund request failed");
      if (sender) await sender(refund).catch((queueError) => paymentsLog.error({ ...refund, err: queueError }, "could not queue the refund retry"));
    }
  }
}
