// A local HTTP double of the few Stripe API endpoints the platform calls, so the real `stripe`
// SDK runs unchanged in tests (configured with host/port/protocol through STRIPE_API_BASE):
//   POST /v1/checkout/sessions            create (records the Idempotency-Key)
//   GET  /v1/checkout/sessions/:id        retrieve
//   GET  /v1/checkout/sessions?payment_intent=pi_…  list (how a charge is traced to its session)
//   POST /v1/checkout/sessions/:id/expire expire an open session
//   POST /v1/refunds                      create a refund (against a payment_intent)
// A repeated Idempotency-Key returns the very same object, as Stripe does. Webhooks are not sent
// by the double: tests build events with `checkoutSessionEvent` / `chargeRefundedEvent` and sign
// them with the SDK's `webhooks.generateTestHeaderString`.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Stripe from "stripe";

export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
}

export interface DoubleCheckoutSession {
  id: string;
  object: "checkout.session";
  url: string | null;
  status: "open" | "complete" | "expired";
  mode: string;
  payment_status: "paid" | "unpaid" | "no_payment_required";
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  customer_email: string | null;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  payment_intent: string | null;
  line_items_params: unknown;
  payment_intent_data: unknown;
  created: number;
}

export interface DoubleRefund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: "succeeded";
  metadata: Record<string, string>;
  created: number;
}

export interface StripeDouble {
  baseUrl: string;
  secretKey: string;
  webhookSecret: string;
  requests: RecordedRequest[];
  sessions: Map<string, DoubleCheckoutSession>;
  refunds: DoubleRefund[];
  /** The next `count` API calls answer with this HTTP status and a Stripe error body. */
  failNext(status: number, count?: number): void;
  /** Marks a session paid (as if the attendee paid on Stripe's page); returns its payment intent. */
  pay(sessionId: string, paymentStatus?: "paid" | "unpaid"): DoubleCheckoutSession;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Reads Stripe's form encoding (`a[b][0][c]=x`) into nested objects/arrays. Only what the SDK
 * produces for our calls: string leaves, numeric keys become array positions.
 */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      if (container[key] === undefined) container[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

function stripeError(res: ServerResponse, status: number, message: string, type = "invalid_request_error") {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ error: { type, message } }));
}

function send(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "Content-Type": "application/json", "Request-Id": id("req") });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startStripeDouble(): Promise<StripeDouble> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, DoubleCheckoutSession>();
  const refunds: DoubleRefund[] = [];
  /** Idempotency-Key → the response body first given for it. */
  const idempotent = new Map<string, unknown>();
  let failures: { status: number; count: number } | null = null;
  const secretKey = "sk_test_double";

  function createSession(params: Record<string, unknown>): DoubleCheckoutSession {
    const lineItems = (params.line_items as Array<{ price_data?: { unit_amount?: string; currency?: string }; quantity?: string }>) ?? [];
    const amountTotal = lineItems.reduce((sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1), 0);
    const expiresAt = params.expires_at ? Number(params.expires_at) : nowSeconds() + 24 * 3600;
    if (expiresAt < nowSeconds() + 30 * 60 - 5 || expiresAt > nowSeconds() + 24 * 3600) {
      throw Object.assign(new Error("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation."), { status: 400 });
    }
    const sessionId = id("cs");
    const session: DoubleCheckoutSession = {
      id: sessionId,
      object: "checkout.session",
      url: `https://checkout.stripe.test/c/pay/${sessionId}`,
      status: "open",
      mode: String(params.mode ?? "payment"),
      payment_status: "unpaid",
      amount_total: amountTotal,
      currency: String(lineItems[0]?.price_data?.currency ?? "eur"),
      metadata: (params.metadata as Record<string, string>) ?? {},
      client_reference_id: (params.client_reference_id as string) ?? null,
      customer_email: (params.customer_email as string) ?? null,
      expires_at: expiresAt,
      success_url: String(params.success_url ?? ""),
      cancel_url: String(params.cancel_url ?? ""),
      payment_intent: null,
      line_items_params: params.line_items,
      payment_intent_data: params.payment_intent_data ?? null,
      created: nowSeconds(),
    };
    sessions.set(sessionId, session);
    return session;
  }

  function createRefund(params: Record<string, unknown>): DoubleRefund {
    const paymentIntent = String(params.payment_intent ?? "");
    if (!paymentIntent) throw Object.assign(new Error("Missing payment_intent"), { status: 400 });
    const session = [...sessions.values()].find((s) => s.payment_intent === paymentIntent);
    if (!session) throw Object.assign(new Error(`No such payment_intent: '${paymentIntent}'`), { status: 404 });
    const already = refunds.filter((r) => r.payment_intent === paymentIntent).reduce((sum, r) => sum + r.amount, 0);
    const amount = params.amount ? Number(params.amount) : session.amount_total - already;
    if (amount <= 0 || already + amount > session.amount_total) {
      throw Object.assign(new Error("Refund amount is greater than unrefunded amount on charge"), { status: 400 });
    }
    const refund: DoubleRefund = {
      id: id("re"),
      object: "refund",
      amount,
      currency: session.currency,
      payment_intent: paymentIntent,
      charge: `ch_for_${paymentIntent}`,
      status: "succeeded",
      metadata: (params.metadata as Record<string, string>) ?? {},
      created: nowSeconds(),
    };
    refunds.push(refund);
    return refund;
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://double");
      const body = await readBody(req);
      const params = req.method === "GET" ? Object.fromEntries(url.searchParams) : parseStripeForm(body);
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      requests.push({ method: req.method ?? "", path: url.pathname, params, idempotencyKey });

      if (req.headers.authorization !== `Bearer ${secretKey}`) return stripeError(res, 401, "Invalid API Key provided", "authentication_error");
      if (failures && failures.count > 0) {
        failures.count -= 1;
        return stripeError(res, failures.status, "Simulated failure", "api_error");
      }
      if (idempotencyKey && req.method === "POST" && idempotent.has(`${url.pathname} ${idempotencyKey}`)) {
        return send(res, idempotent.get(`${url.pathname} ${idempotencyKey}`));
      }

      let result: unknown;
      const sessionMatch = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/);
      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        result = createSession(params);
      } else if (req.method === "GET" && url.pathname === "/v1/checkout/sessions") {
        const intent = url.searchParams.get("payment_intent");
        const data = [...sessions.values()].filter((s) => !intent || s.payment_intent === intent);
        result = { object: "list", url: "/v1/checkout/sessions", has_more: false, data };
      } else if (req.method === "GET" && sessionMatch && !sessionMatch[2]) {
        const session = sessions.get(sessionMatch[1]);
        if (!session) return stripeError(res, 404, `No such checkout.session: '${sessionMatch[1]}'`);
        result = session;
      } else if (req.method === "POST" && sessionMatch && sessionMatch[2]) {
        const session = sessions.get(sessionMatch[1]);
        if (!session) return stripeError(res, 404, `No such checkout.session: '${sessionMatch[1]}'`);
        if (session.status !== "open") return stripeError(res, 400, "Only Checkout Sessions with a status of open can be expired.");
        session.status = "expired";
        session.url = null;
        result = session;
      } else if (req.method === "POST" && url.pathname === "/v1/refunds") {
        result = createRefund(params);
      } else {
        return stripeError(res, 404, `Unrecognized request URL (${req.method}: ${url.pathname}).`);
      }
      // Snapshot: later changes to the session must not alter what a replayed key returns.
      const snapshot = JSON.parse(JSON.stringify(result));
      if (idempotencyKey && req.method === "POST") idempotent.set(`${url.pathname} ${idempotencyKey}`, snapshot);
      send(res, snapshot);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      stripeError(res, status, (error as Error).message);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    secretKey,
    webhookSecret: "whsec_test_double_secret",
    requests,
    sessions,
    refunds,
    failNext(status, count = 1) {
      failures = { status, count };
    },
    pay(sessionId, paymentStatus = "paid") {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`Unknown session ${sessionId}`);
      session.status = "complete";
      session.payment_status = paymentStatus;
      session.payment_intent ??= id("pi");
      session.url = null;
      return { ...session };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ───────────────────────────── webhook events ─────────────────────────────

export interface StripeEventBody {
  id: string;
  object: "event";
  type: string;
  api_version: string;
  created: number;
  livemode: false;
  data: { object: Record<string, unknown> };
}

export function stripeEvent(type: string, object: Record<string, unknown>, eventId: string = id("evt")): StripeEventBody {
  return { id: eventId, object: "event", type, api_version: "2026-10-28.endive", created: nowSeconds(), livemode: false, data: { object } };
}

/** A checkout.session.* event carrying the session as Stripe would (its metadata included). */
export function checkoutSessionEvent(
  type: "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed" | "checkout.session.expired",
  session: Pick<DoubleCheckoutSession, "id" | "metadata" | "amount_total" | "currency"> & Partial<DoubleCheckoutSession>,
  overrides: Partial<DoubleCheckoutSession> = {},
): StripeEventBody {
  const paymentStatus =
    type === "checkout.session.async_payment_succeeded"
      ? "paid"
      : type === "checkout.session.expired" || type === "checkout.session.async_payment_failed"
        ? "unpaid"
        : "paid";
  return stripeEvent(type, {
    object: "checkout.session",
    status: type === "checkout.session.expired" ? "expired" : "complete",
    payment_status: paymentStatus,
    ...session,
    ...overrides,
  });
}

/** charge.refunded for a payment intent: `amountRefunded` is the charge's cumulative refunded amount. */
export function chargeRefundedEvent(input: {
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
  currency?: string;
  metadata?: Record<string, string>;
}): StripeEventBody {
  return stripeEvent("charge.refunded", {
    id: `ch_for_${input.paymentIntent}`,
    object: "charge",
    payment_intent: input.paymentIntent,
    amount: input.amount,
    amount_refunded: input.amountRefunded,
    refunded: input.amountRefunded >= input.amount,
    currency: input.currency ?? "eur",
    metadata: input.metadata ?? {},
  });
}

/** Signs a body the way Stripe does, with the SDK's own test helper. */
export function signPayload(payload: string, secret: string, timestamp?: number): string {
  const stripe = new Stripe("sk_test_signing_only");
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
