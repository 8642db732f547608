// POST /webhooks/stripe — Stripe's signed event deliveries.
//
// A Remix resource route: no body parser runs before it (server/app.ts installs none), so
// `request.arrayBuffer()` yields the exact bytes Stripe signed, which the signature check needs.
// The Express guard skips the CSRF/cross-site check for /webhooks/* (the signature replaces it)
// but still caps the body size. All the work happens in the payments domain.
import type { ActionFunctionArgs } from "@remix-run/node";
import { paymentsLog } from "~/domain/payments/log.server";
import { issueRefundsAfterCommit } from "~/domain/payments/refund-queue.server";
import { MAX_WEBHOOK_BYTES, receiveStripeWebhook } from "~/domain/payments/webhook.server";
import { readBodyWithin } from "~/web/body.server";

function reply(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

export async function loader() {
  return reply(405, { error: "METHOD_NOT_ALLOWED", message: "Stripe webhooks are delivered with POST." });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return reply(405, { error: "METHOD_NOT_ALLOWED", message: "Stripe webhooks are delivered with POST." });
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return reply(413, { error: "PAYLOAD_TOO_LARGE", message: "Webhook body too large." });
  const rawBody = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
  if (!rawBody) return reply(413, { error: "PAYLOAD_TOO_LARGE", message: "Webhook body too large." });
  const result = await receiveStripeWebhook(rawBody, request.headers.get("Stripe-Signature"), { logger: paymentsLog });
  if (result.outcome === "rejected") return reply(result.status, { error: "REJECTED", message: result.reason });
  if (result.refundsAfterCommit?.length) await issueRefundsAfterCommit(result.refundsAfterCommit);
  return reply(200, { received: true, outcome: result.outcome });
}
