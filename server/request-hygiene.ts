// The first thing every request meets: an address, a Host, cookies and a body that the rest of
// the app can trust to be well formed. Malformed requests are refused here, once, with a 4xx and
// a reason, so no route, loader or database query ever sees a NUL byte, a broken percent-escape,
// a Host that cannot make a URL, or a body larger than the cap.
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { cleanCookieHeader } from "../app/web/cookies";
import { hasNul } from "../app/web/storable-text";
import { redactPath } from "../app/web/redact-path";

/** Longest request target (path and query) served; browsers and proxies stop near 8 KB. */
export const MAX_URL_LENGTH = 4096;
/** Largest request body accepted by any route (forms cap theirs lower, see app/web/forms). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past the cap, this much more is read and dropped so the sender can read the 413; then the connection is cut. */
const DRAIN_BYTES = 16 * 1024 * 1024;

// C0 controls and DEL never belong in a path; they also break logs and some database text types.
const CONTROL = /[\u0000-\u001f\u007f]/;
// A host name, IPv4 or bracketed IPv6 literal, with an optional port: what `new URL` accepts.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The request body, read within MAX_BODY_BYTES (mutations only). */
      body?: Buffer;
    }
  }
}

export interface Refusal {
  status: number;
  error: string;
  message: string;
}

/** Why a request's target or headers cannot be served, or null when they can. Pure, for tests. */
export function malformedRequest(target: string, headers: { host?: string; forwardedHost?: string }): Refusal | null {
  if (target.length > MAX_URL_LENGTH) {
    return { status: 414, error: "URI_TOO_LONG", message: `Addresses are limited to ${MAX_URL_LENGTH} characters.` };
  }
  const queryAt = target.search(/[?#]/);
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return { status: 400, error: "MALFORMED_URL", message: "The address contains a malformed percent-escape." };
  }
  if (CONTROL.test(decodedPath)) {
    return { status: 400, error: "MALFORMED_URL", message: "The address contains control characters." };
  }
  if (queryAt !== -1) {
    // Lenient like browsers (a stray "%" stays literal), but a NUL cannot be stored or searched for.
    for (const [key, value] of new URLSearchParams(target.slice(queryAt + 1).replace(/#[\s\S]*$/, ""))) {
      if (hasNul(key) || hasNul(value)) return { status: 400, error: "MALFORMED_URL", message: "The address contains a NUL character." };
    }
  }
  for (const [name, value] of [
    ["Host", headers.host],
    ["X-Forwarded-Host", headers.forwardedHost],
  ] as const) {
    if (value !== undefined && !HOST.test(value)) {
      return { status: 400, error: "MALFORMED_HOST", message: `The ${name} header is not a host name.` };
    }
  }
  return null;
}

function refuse(res: Response, refusal: Refusal) {
  res.status(refusal.status).json({ error: refusal.error, message: refusal.message });
}

/**
 * Refuses malformed targets and Host headers (4xx with a reason) and drops cookies that cannot be
 * decoded (a browser holding a corrupt cookie must still be able to use the site: the request is
 * served as if the cookie were absent, so a CSRF cookie is simply issued again). Each malformed
 * request is logged once at warn, with the redacted path and never a cookie value.
 */
export function refuseMalformedRequests(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const refusal = malformedRequest(req.originalUrl, {
      host: req.headers.host,
      forwardedHost: req.get("X-Forwarded-Host"),
    });
    if (refusal) {
      logger.warn({ method: req.method, path: redactPath(req.originalUrl).slice(0, 200), reason: refusal.error }, "malformed request refused");
      return refuse(res, refusal);
    }
    if (req.headers.cookie !== undefined) {
      const { header, dropped } = cleanCookieHeader(req.headers.cookie);
      if (dropped.length > 0) {
        logger.warn({ method: req.method, path: redactPath(req.originalUrl).slice(0, 200), cookies: dropped }, "malformed cookies ignored");
        if (header) req.headers.cookie = header;
        else delete req.headers.cookie;
      }
    }
    next();
  };
}

/**
 * Reads every mutation's body here, within MAX_BODY_BYTES, whether or not it declares a length
 * (chunked uploads declare none), into `res.locals.body` for the Remix handler. Too large: a 413
 * with a reason, sent while the rest is read and dropped (up to DRAIN_BYTES) so the sender sees the
 * answer instead of a reset connection; the connection is closed after it.
 */
export function readBodyWithinCap(logger: Logger, cap: number | ((path: string) => number) = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // A few upload routes (app/web/uploads.server.ts) take a larger, documented cap.
    const limit = typeof cap === "number" ? cap : cap(req.path);
    const tooLarge = () => {
      logger.warn({ method: req.method, path: redactPath(req.originalUrl).slice(0, 200), reason: "PAYLOAD_TOO_LARGE" }, "malformed request refused");
      res.setHeader("Connection", "close");
      refuse(res, { status: 413, error: "PAYLOAD_TOO_LARGE", message: `Request bodies are limited to ${limit} bytes.` });
    };
    const declared = Number(req.headers["content-length"] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    if (declared > limit) {
      refused = true;
      tooLarge();
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > limit + DRAIN_BYTES) req.destroy();
        return;
      }
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (refused) return;
      res.locals.body = Buffer.concat(chunks, size);
      next();
    });
    req.on("error", (error) => {
      if (!refused && !res.headersSent) next(error);
    });
  };
}
