// HTTP hardening shared by every response: security headers with a per-request CSP nonce,
// the CSRF cookie, a cap on body sizes, and a cross-site check on mutations.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { csrfCookieName } from "../app/web/csrf";

export const MAX_BODY_BYTES = 1024 * 1024;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      cspNonce: string;
      csrfToken: string;
    }
  }
}

export function securityHeaders(https: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self' https://checkout.stripe.com",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** Gives every visitor a CSRF token cookie; pages echo it in a hidden field. */
export function csrfCookie(https: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Calendar files are fetched by calendar apps, never followed by a form: a Set-Cookie there
    // only stops shared caches from storing public feeds.
    if (req.method === "GET" && req.path.endsWith(".ics")) return next();
    const name = csrfCookieName(https);
    const existing = parseCookie(req.headers.cookie ?? "", name);
    const token = existing && /^[A-Za-z0-9_-]{20,100}$/.test(existing) ? existing : randomBytes(24).toString("base64url");
    if (token !== existing) {
      res.cookie(name, token, { httpOnly: true, sameSite: "lax", secure: https, path: "/" });
      // The request being served must see it too (first visit straight to a form).
      req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ""}${name}=${token}`;
    }
    res.locals.csrfToken = token;
    next();
  };
}

/** Rejects oversized bodies early and cross-site mutations (defence in depth beside tokens). */
export function guardMutations(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).json({ error: "PAYLOAD_TOO_LARGE", message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` });
    return;
  }
  if (req.path.startsWith("/webhooks/")) return next(); // signed by the sender instead
  // "same-site" too: a page on a sibling subdomain is another party as far as this app is concerned.
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") {
    res.status(403).json({ error: "CROSS_SITE", message: "Submissions from other sites are not accepted." });
    return;
  }
  next();
}

export function parseCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

// Secret path segments: /feeds/<token>.ics (personal calendar feeds), /calendar/feed/<token>,
// /c/<ticket code>. Case-insensitive and tolerant of repeated slashes, because the router
// matches "/Feeds//<token>.ics" too.
const SECRET_SEGMENT = /(\/(?:feeds|calendar\/feed|c)\/+)[^/?#]+/gi;

/** Feed tokens and ticket codes must never reach the logs. Drops the query string too. */
export function redactPath(path: string): string {
  const withoutQuery = path.replace(/[?#][\s\S]*$/, "");
  let decoded = withoutQuery;
  try {
    // The router decodes percent-escapes ("/%66eeds/<token>"), so redaction must see the same path.
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    // Malformed escapes: the router would not decode them either; redact the raw path.
  }
  return decoded.replace(SECRET_SEGMENT, "$1[redacted]");
}
