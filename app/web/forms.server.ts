// The one way actions read a form: size-capped, CSRF-checked, zod-parsed. A mistake becomes
// field-level messages (400) and the values typed so far, never a 500.
import { json } from "@remix-run/node";
import { timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { DomainError, httpStatusFor, isDomainError } from "~/domain/kernel/errors";
import { readBodyWithin } from "./body.server";
import { readCookie } from "./cookies";
import { CSRF_FIELD_NAME, csrfCookieName } from "./csrf";
import { findNul, NUL_MESSAGE } from "./storable-text";
import { servedOverHttps } from "~/platform/env.server";

export const MAX_FORM_BYTES = 256 * 1024;

export interface FormFailure {
  ok: false;
  formError?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function assertCsrf(request: Request, submitted: FormDataEntryValue | null): void {
  const expected = readCookie(request.headers.get("Cookie"), csrfCookieName(servedOverHttps()));
  if (!expected || typeof submitted !== "string" || !sameToken(expected, submitted)) {
    throw json({ ok: false, formError: "Your session form expired. Reload the page and try again.", fieldErrors: {}, values: {} }, { status: 403 });
  }
}

/** The form's fields, read within MAX_FORM_BYTES whether or not the body declares its length. */
async function readFormData(request: Request): Promise<FormData> {
  const tooLarge = () => json({ ok: false, formError: "That form is too large.", fieldErrors: {}, values: {} }, { status: 413 });
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_FORM_BYTES) throw tooLarge();
  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  if (!body) throw tooLarge();
  const type = request.headers.get("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    try {
      return await new Response(new Uint8Array(body), { headers: { "Content-Type": type } }).formData();
    } catch {
      throw json({ ok: false, formError: "That form could not be read. Reload the page and try again.", fieldErrors: {}, values: {} }, { status: 400 });
    }
  }
  const form = new FormData();
  for (const [key, value] of new URLSearchParams(body.toString("utf8"))) form.append(key, value);
  return form;
}

/** Plain string values, for re-filling a form after an error (never echo passwords). */
function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && key !== CSRF_FIELD_NAME && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/**
 * Reads, checks and parses a form. Returns the parsed data, or a FormFailure to hand to
 * `formFailure()`. Fields that repeat (checkbox groups) become arrays.
 */
export async function readForm<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<{ ok: true; data: z.infer<Schema>; form: FormData } | FormFailure> {
  const form = await readFormData(request);
  assertCsrf(request, form.get(CSRF_FIELD_NAME));
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === CSRF_FIELD_NAME) continue;
    const all = form.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const withNul = findNul(raw);
  if (withNul !== null) return { ok: false, fieldErrors: { [withNul || "form"]: NUL_MESSAGE }, values: {} };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values: echoValues(form) };
  return { ok: true, data: parsed.data, form };
}

export function formFailure(failure: FormFailure, status = 400) {
  return json(failure, { status });
}

/** Maps a DomainError to the same shape as a validation failure, with its HTTP status. */
export function domainFailure(error: unknown, values: Record<string, string> = {}) {
  if (!isDomainError(error)) throw error;
  const headers: Record<string, string> = {};
  if (error.retryAfter) headers["Retry-After"] = String(error.retryAfter);
  const body: FormFailure = { ok: false, formError: error.message, fieldErrors: error.fieldErrors ?? {}, values };
  return json(body, { status: httpStatusFor(error.code), headers });
}

export function clientIp(request: Request): string {
  // Set by server/index.ts from Express's req.ip (which honours TRUST_PROXY).
  return request.headers.get("X-Scale-Client-Ip") ?? "unknown";
}

export { DomainError };

/**
 * Remix takes a document response's headers from the route's `headers` export only; routes
 * that rate-limit export this so a 429 keeps its Retry-After.
 */
export function forwardActionHeaders({ actionHeaders, loaderHeaders }: { actionHeaders: Headers; loaderHeaders: Headers }): Headers {
  const headers = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}
