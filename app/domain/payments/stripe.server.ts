// The Stripe client, built from the environment. Tests point STRIPE_API_BASE at a local double
// of Stripe's API; the SDK itself stays real. One client per (key, base) so a test that changes
// the environment gets a fresh one.
import Stripe from "stripe";
import { DomainError } from "~/domain/kernel/errors";
import { env } from "~/platform/env.server";

let cached: { signature: string; client: Stripe } | undefined;

export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = env();
  if (!key) throw new DomainError("PAYMENTS_UNAVAILABLE", "Card payments are not available right now. Please choose invoice or bank transfer.");
  const signature = `${key} ${base ?? ""}`;
  if (cached?.signature === signature) return cached.client;
  let client: Stripe;
  if (base) {
    const url = new URL(base);
    const protocol = url.protocol === "https:" ? "https" : "http";
    client = new Stripe(key, {
      host: url.hostname,
      port: Number(url.port || (protocol === "https" ? 443 : 80)),
      protocol,
      maxNetworkRetries: 0,
      telemetry: false,
    });
  } else {
    // Stripe's own retries re-use the idempotency key, so they are safe for every call we make.
    client = new Stripe(key, { maxNetworkRetries: 2, telemetry: false, timeout: 20_000 });
  }
  cached = { signature, client };
  return client;
}

export function webhookSecret(): string | undefined {
  return env().STRIPE_WEBHOOK_SECRET;
}
