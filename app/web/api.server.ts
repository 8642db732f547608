// The web edge of the REST API (/api/v1): who asks (an API token from `Authorization: Bearer`,
// never a cookie — the API ignores sessions, so no cookie-authenticated write can reach it and no
// CSRF token is needed), rate limits, input validation, ETag/304, and every error as RFC 9457
// problem+json. Routes stay one line: `apiGet(request, "read", (principal) => …)`.
import { createHash } from "node:crypto";
import type { z } from "zod";
import { authenticateApiToken, type ApiPrincipal } from "~/domain/integrations/api-tokens.server";
import { idempotent, requestFingerprint } from "~/domain/integrations/idempotency.server";
import { fieldErrors, problem, type ProblemDetails } from "~/domain/integrations/problem";
import { httpStatusFor, isDomainError } from "~/domain/kernel/errors";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/logger.server";
import { readBodyWithin } from "./body.server";

type Auth = "public" | "read" | "write";

const JSON_BODY_LIMIT = 64 * 1024;

export class ProblemResponse extends Error {
  constructor(
    readonly details: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(details.detail);
  }
}

export function problemResponse(details: ProblemDetails, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details), {
    status: details.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new ProblemResponse(problem(401, "Send the token as `Authorization: Bearer <token>`."), { "WWW-Authenticate": 'Bearer realm="api"' });
  return match[1] as string;
}

async function whoAsks(request: Request, auth: Auth): Promise<ApiPrincipal | null> {
  const token = bearerToken(request);
  const limit = env().API_RATE_LIMIT;
  if (!token) {
    // Public reads are as open as the public pages (and, like them, write nothing): only tokens
    // are counted against a rate limit.
    if (auth !== "public") throw new ProblemResponse(problem(401, "This endpoint needs an organiser API token."), { "WWW-Authenticate": 'Bearer realm="api"' });
    return null;
  }
  return authenticateApiToken(token, limit);
}

/** Parses a query string against a schema; a 400 problem naming each bad field otherwise. */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ProblemResponse(problem(400, "Some query parameters are not valid.", { errors: fieldErrors(parsed.error) }));
  return parsed.data;
}

function errorToResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof ProblemResponse) return problemResponse(error.details, error.headers);
  if (isDomainError(error)) {
    const status = httpStatusFor(error.code);
    const errors = error.fieldErrors ? Object.entries(error.fieldErrors).map(([name, detail]) => ({ name, detail })) : undefined;
    const headers: Record<string, string> = {};
    if (error.retryAfter) headers["Retry-After"] = String(error.retryAfter);
    if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api", error="invalid_token"';
    return problemResponse(problem(status, error.message, { code: error.code, errors }), headers);
  }
  logger.error({ err: error }, "api request failed");
  return problemResponse(problem(500, "Something went wrong on our side."));
}

/** A GET: JSON with a strong ETag; 304 when If-None-Match names it. */
export async function apiGet(request: Request, auth: Auth, read: (principal: ApiPrincipal | null) => Promise<unknown>): Promise<Response> {
  try {
    const principal = await whoAsks(request, auth);
    const body = JSON.stringify(await read(principal));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const headers = { ETag: etag, "Cache-Control": auth === "public" ? "public, no-cache" : "private, no-cache", Vary: "Authorization" };
    const wanted = request.headers.get("if-none-match");
    if (wanted && wanted.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*"))
      return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (error) {
    return errorToResponse(error);
  }
}

/** A write with a JSON body: validated, and idempotent when the client sends an Idempotency-Key. */
export async function apiWrite<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  write: (principal: ApiPrincipal, body: z.infer<Schema>) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  try {
    const principal = (await whoAsks(request, "write")) as ApiPrincipal;
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
      throw new ProblemResponse(problem(415 as number, "Send the body as application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" }));
    const raw = await readBodyWithin(request, JSON_BODY_LIMIT);
    if (raw === null) throw new ProblemResponse(problem(413, "The body is larger than 64 KiB.", { code: "PAYLOAD_TOO_LARGE" }));
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new ProblemResponse(problem(400, "The body is not valid JSON.", { errors: [{ name: "(body)", detail: "Not valid JSON." }] }));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ProblemResponse(problem(400, "Some fields are not valid.", { errors: fieldErrors(parsed.error) }));
    const key = request.headers.get("idempotency-key");
    const run = async () => {
      const { status, body } = await write(principal, parsed.data);
      return { status, body: JSON.stringify(body) };
    };
    const answer =
      key === null
        ? { ...(await run()), replayed: false }
        : await idempotent(principal.tokenId, key, requestFingerprint(request.method, new URL(request.url).pathname, parsed.data), run);
    return new Response(answer.body, {
      status: answer.status,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
        ...(answer.replayed ? { "Idempotent-Replayed": "true" } : {}),
      },
    });
  } catch (error) {
    return errorToResponse(error);
  }
}
