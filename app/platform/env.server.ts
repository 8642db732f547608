// Every setting comes from the environment and is validated once; a bad value stops the
// process at start-up with a message naming the variable, instead of failing later.
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Public base URL, used in emails, calendar links and ICS UIDs. */
  PUBLIC_URL: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ protocol: /^https?$/, error: "use the site's address, starting with https:// (or http://)" }).optional())
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** PostgreSQL; when absent an embedded PostgreSQL is started with the server. */
  DATABASE_URL: optionalUrl,
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  /** Seed demo data into an empty database at start-up ("false" to skip). */
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  REDIS_URL: optionalUrl,
  /** Socket.IO adapter across nodes: memory (one node), redis (REDIS_URL) or postgres. */
  SOCKET_ADAPTER: z.enum(["memory", "redis", "postgres"]).optional(),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Only for tests and local doubles of Stripe's API, e.g. http://127.0.0.1:12111 */
  STRIPE_API_BASE: optionalUrl,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().default("SCALE Events <events@scale-cities.eu>"),
  /** Sessions live this many days. */
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Requests per minute per IP+email for sign-in and sign-up. */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Reminder emails before online sessions, e.g. "24h,15m" (read where used; checked here at start). */
  AGENDA_REMINDERS: z
    .string()
    .regex(/^\s*[1-9]\d{0,4}\s*[mhd]?(\s*,\s*[1-9]\d{0,4}\s*[mhd]?)*\s*$/i, "use a comma-separated list like 24h,15m")
    .optional(),
  /** Minutes before an online session starts that its join link opens. */
  AGENDA_JOIN_LEAD_MINUTES: z.coerce.number().int().min(0).max(1440).optional(),
  /** Live Q&A merges vote updates within this window per session. */
  QA_BROADCAST_WINDOW_MS: z.coerce.number().int().min(0).max(5000).default(100),
  /** Answers to custom registration questions are erased this many months after their event ends. */
  ANSWER_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** REST API (/api/v1): requests per minute per API token. */
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Webhooks may target private, loopback and link-local addresses (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).default("false"),
  /** A webhook endpoint is disabled after this many failed deliveries in a row. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(15),
  /** Seconds before the first webhook retry; later ones back off exponentially (pg-boss). */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * Cookies are marked Secure (and HSTS sent) when the public URL is https — not merely in
 * production, so a plain-http intranet install can still sign people in.
 */
export function servedOverHttps(): boolean {
  return publicUrl().startsWith("https://");
}

/**
 * Card payments need both Stripe settings (the key to create Checkout Sessions, the secret to
 * trust their webhooks); without them priced tickets are paid by invoice. Read by whoever offers
 * payment methods (registration) and whoever talks to Stripe (payments).
 */
export function isStripeConfigured(): boolean {
  const settings = env();
  return Boolean(settings.STRIPE_SECRET_KEY && settings.STRIPE_WEBHOOK_SECRET);
}

export function publicUrl(): string {
  const e = env();
  // PORT=0 means "any free port", which no link can name ("http://localhost:0" is not a URL
  // calendar files accept, and a registration's ticket carries one).
  return e.PUBLIC_URL ?? (e.PORT === 0 ? "http://localhost" : `http://localhost:${e.PORT}`);
}
