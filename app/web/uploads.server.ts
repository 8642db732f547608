// Reading a file upload: a multipart form within the upload cap (upload-limits.ts), CSRF-checked,
// its `intent` parsed by a schema and its one file field returned as bytes. Too large is a 413 with
// a form error, a broken body a 400 — never a 500. What the bytes must be is the domain's call.
import { json } from "@remix-run/node";
import type { z } from "zod";
import { readBodyWithin } from "./body.server";
import { CSRF_FIELD_NAME } from "./csrf";
import { assertCsrf, zodFieldErrors, type FormFailure } from "./forms.server";
import { MAX_UPLOAD_BODY_BYTES } from "./upload-limits";

const failure = (status: number, formError: string) => json({ ok: false, formError, fieldErrors: {}, values: {} } satisfies FormFailure, { status });

export async function readUpload<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  fileField: string,
): Promise<{ ok: true; data: z.infer<Schema>; file: Uint8Array } | FormFailure> {
  const tooLarge = () => failure(413, `That upload is larger than ${MAX_UPLOAD_BODY_BYTES / 1024 / 1024} MB.`);
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_UPLOAD_BODY_BYTES) throw tooLarge();
  const body = await readBodyWithin(request, MAX_UPLOAD_BODY_BYTES);
  if (!body) throw tooLarge();
  const type = request.headers.get("Content-Type") ?? "";
  let form: FormData;
  try {
    if (type.startsWith("multipart/form-data")) form = await new Response(new Uint8Array(body), { headers: { "Content-Type": type } }).formData();
    else form = new FormData();
    if (!type.startsWith("multipart/form-data")) for (const [key, value] of new URLSearchParams(body.toString("utf8"))) form.append(key, value);
  } catch {
    throw failure(400, "That upload could not be read. Reload the page and try again.");
  }
  assertCsrf(request, form.get(CSRF_FIELD_NAME));
  const parsed = schema.safeParse({ intent: form.get("intent") ?? undefined });
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error), values: {} };
  const file = form.get(fileField);
  const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(0);
  return { ok: true, data: parsed.data, file: bytes };
}
