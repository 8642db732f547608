// HTTP hardening shared by every response: security headers with a per-request CSP nonce,
// the CSRF cookie, and a cross-site check on mutations.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { readCookie } from "../app/web/cookies";
import { csrfCookieName } from "../app/web/csrf";

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
    // The embeddable event list (/embed/…) is meant to be framed by partner sites; nothing else is.
    const embeddable = isEmbedPath(req.path);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(`'nonce-${nonce}'`, embeddable));
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (!embeddable) res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/** The REST API: token-authenticated, cookie-free. */
export function isApiPath(path: string): boolean {
  return /^\/api\/v1(\/|$)/i.test(path);
}

function isApiDocsPath(path: string): boolean {
  return /^\/api\/v1\/docs\/?$/i.test(path);
}

export function isEmbedPath(path: string): boolean {
  return /^\/embed(\/|$)/i.test(path);
}

/**
 * The policy of every page; `scripts` allows its inline scripts: this response's nonce, or — for
 * a page served from the shared cache, whose bytes every visitor gets — the hashes of its scripts.
 */
export function contentSecurityPolicy(scripts: string, embeddable = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self' ws: wss:",
    embeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self' https://checkout.stripe.com",
    "object-src 'none'",
  ].join("; ");
}

/** Gives every visitor a CSRF token cookie; pages echo it in a hidden field. */
export function csrfCookie(https: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Calendar files are fetched by calendar apps, never followed by a form: a Set-Cookie there
    // only stops shared caches from storing public feeds.
    if (req.method === "GET" && req.path.endsWith(".ics")) return next();
    // The REST API authenticates by bearer token only and ignores cookies; the embed sets none.
    // (The API's docs page is an ordinary page of the site, with its header's sign-out form.)
    if ((isApiPath(req.path) && !isApiDocsPath(req.path)) || isEmbedPath(req.path)) return next();
    const name = csrfCookieName(https);
    const existing = readCookie(req.headers.cookie, name);
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

/** Rejects cross-site mutations (defence in depth beside tokens). */
export function guardMutations(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (req.path.startsWith("/webhooks/")) return next(); // signed by the sender instead
  // The REST API ignores cookies: only a bearer token authenticates there, which no other site's
  // page can make a browser send, so no cross-site write can act for anybody.
  if (isApiPath(req.path)) return next();
  // "same-site" too: a page on a sibling subdomain is another party as far as this app is concerned.
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") {
    res.status(403).json({ error: "CROSS_SITE", message: "Submissions from other sites are not accepted." });
    return;
  }
  next();
}
