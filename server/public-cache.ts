// Rendered pages kept in memory (README "Speed"), in two caches built the same way:
//
// - The SHARED cache of public pages (app/web/public-page.ts) for anonymous visitors: a page asked
//   for without a session is rendered once as an anonymous visitor sees it and then served from
//   memory — with an ETag (304 for a matching If-None-Match) and Cache-Control a CDN may honour.
// - A PERSONAL cache of the same pages for a signed-in person (those of `isPersonalPage`): their
//   own render, kept for their own next request only — keyed by everything of the request a render
//   reads (URL, every cookie, Accept-Language), served only after their session is looked up again
//   and found valid (a signed-out or suspended session never gets a copy), `private, no-cache`.
//
// Both are exact to the change: an entry is dropped the moment the database announces a change of
// what it shows (app/platform/changes.server.ts) — a change of one person's own rows ("user:<id>")
// drops only that person's copies, any other change drops every copy — and it lives at most
// PAGE_MAX_AGE_MS; while the listener is down, nothing is served from memory.
//
// Security of a copy: none holds a nonce — inline scripts are allowed by their SHA-256 hashes in
// the page's own Content-Security-Policy instead (still no 'unsafe-inline'); a copy is never kept
// from an answer that sets a cookie. The shared copy holds no per-visitor secret: it is rendered
// without cookies and with an empty CSRF token (forms fetch the visitor's own from /csrf-token,
// app/components/ui/forms.tsx), and runs before the CSRF cookie is set. A personal copy holds the
// person's CSRF token, which is part of its key (the cookie it came from), so it is only ever sent
// back to the browser that holds that cookie.
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { changeFeedGeneration, changeSequence, onDataChange } from "../app/platform/changes.server";
import { readCookie } from "../app/web/cookies";
import { isPersonalPage, isPublicPage, PERSONAL_PAGE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL, publicPageVariant } from "../app/web/public-page";
import { contentSecurityPolicy } from "./security";

/** Bounds staleness of what no row records: "today", "starts in …", slots that became past. */
export const PAGE_MAX_AGE_MS = 60_000;

interface CachedPage {
  body: Buffer;
  etag: string;
  csp: string;
  /** The page's language (Content-Language). */
  language: string | null;
  /** The person it was rendered for; null for the shared copy. */
  owner: string | null;
  generation: number;
  expiresAt: number;
}

export interface RenderedPageCache {
  middleware(req: Request, res: Response, next: NextFunction): void;
  stats(): { hits: number; renders: number; entries: number };
  clear(): void;
}

/** What the two caches differ in: who is served, what tells copies apart, what the browser may do. */
interface CachePolicy {
  eligible(req: Request, res: Response): boolean;
  /** The copy this request may get — its key and the person it is for — or null to render as usual. */
  identify(req: Request): Promise<{ key: string; owner: string | null } | null>;
  render(req: Request, res: Response): Promise<globalThis.Response>;
  cacheControl: string;
  vary: string;
  maxBytes: number;
}

function renderedPageCache(policy: CachePolicy): RenderedPageCache {
  // Map order doubles as least-recently-stored order for eviction.
  const pages = new Map<string, CachedPage>();
  const filling = new Map<string, Promise<CachedPage | null>>();
  let bytes = 0;
  const counters = { hits: 0, renders: 0 };

  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.body.length;
    pages.delete(key);
  };
  const clear = () => {
    pages.clear();
    bytes = 0;
  };
  onDataChange((change) => {
    if (change.scope !== "user") return clear();
    for (const [key, page] of pages) if (page.owner === change.id) drop(key);
  });

  async function fill(key: string, owner: string | null, req: Request, res: Response, generation: number): Promise<CachedPage | null> {
    const sequence = changeSequence();
    counters.renders++;
    const response = await policy.render(req, res);
    const type = response.headers.get("Content-Type") ?? "";
    if (response.status !== 200 || response.headers.has("Set-Cookie") || !type.startsWith("text/html")) {
      await response.body?.cancel();
      return null;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const page: CachedPage = {
      body,
      etag: `"${createHash("sha256").update(body).digest("base64url")}"`,
      csp: contentSecurityPolicy(scriptHashes(body.toString("utf8"))),
      language: response.headers.get("Content-Language"),
      owner,
      generation,
      expiresAt: Date.now() + PAGE_MAX_AGE_MS,
    };
    // A change that arrived while we rendered may not be in what we read: serve this copy to
    // the requests that waited for it, but do not keep it.
    if (changeSequence() === sequence && changeFeedGeneration() === generation) {
      drop(key);
      pages.set(key, page);
      bytes += body.length;
      while (bytes > policy.maxBytes && pages.size > 1) drop(pages.keys().next().value!);
    }
    return page;
  }

  function send(req: Request, res: Response, page: CachedPage, hit: boolean) {
    res.removeHeader("Set-Cookie");
    res.setHeader("X-Cache", hit ? "HIT" : "MISS");
    res.setHeader("Content-Security-Policy", page.csp);
    res.setHeader("ETag", page.etag);
    res.setHeader("Cache-Control", policy.cacheControl);
    res.setHeader("Vary", policy.vary);
    if (page.language) res.setHeader("Content-Language", page.language);
    if (etagMatches(req.headers["if-none-match"], page.etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Length", String(page.body.length));
    res.end(page.body);
  }

  async function serve(req: Request, res: Response, next: NextFunction) {
    const generation = changeFeedGeneration();
    if (generation === null) return next();
    const copy = await policy.identify(req);
    if (!copy) return next();
    const cached = pages.get(copy.key);
    if (cached && cached.generation === generation && cached.expiresAt > Date.now() && cached.owner === copy.owner) {
      counters.hits++;
      return send(req, res, cached, true);
    }
    // Only a GET renders a copy to keep: Remix answers HEAD without a body.
    if (req.method !== "GET") return next();
    let pending = filling.get(copy.key);
    if (!pending) {
      pending = fill(copy.key, copy.owner, req, res, generation).finally(() => filling.delete(copy.key));
      filling.set(copy.key, pending);
    }
    const page = await pending;
    // Not a cacheable answer (an unknown slug, a redirect…): the ordinary path renders it.
    if (!page) return next();
    send(req, res, page, false);
  }

  return {
    middleware(req, res, next) {
      const eligible = (req.method === "GET" || req.method === "HEAD") && !("_data" in req.query) && policy.eligible(req, res);
      if (!eligible) return next();
      serve(req, res, next).catch(next);
    },
    stats: () => ({ ...counters, entries: pages.size }),
    clear,
  };
}

/** Anonymous visitors' copies of public pages, one per variant (URL and language), for everybody. */
export function publicPageCache(options: {
  sessionCookieName: string;
  render: (req: Request, res: Response) => Promise<globalThis.Response>;
}): RenderedPageCache {
  return renderedPageCache({
    eligible: (req) => isPublicPage(req.path) && !readCookie(req.headers.cookie, options.sessionCookieName),
    identify: async (req) => {
      const headers = new Headers({ "accept-language": req.get("Accept-Language") ?? "", cookie: req.get("Cookie") ?? "" });
      return { key: publicPageVariant({ url: `http://cache${req.originalUrl}`, headers }), owner: null };
    },
    render: options.render,
    cacheControl: PUBLIC_PAGE_CACHE_CONTROL,
    vary: "Cookie, Accept-Language",
    maxBytes: 64 * 1024 * 1024,
  });
}

/**
 * A signed-in person's own copies of the public pages whose personal parts are all announced
 * (isPersonalPage). Runs after the CSRF cookie: a request whose token was only just made sets a
 * cookie, so it is rendered as usual and its next request is served from here.
 */
export function personalPageCache(options: {
  sessionCookieName: string;
  /** The signed-in person of a Cookie header, looked up on every request; null if none. */
  personOf: (cookieHeader: string) => Promise<string | null>;
  render: (req: Request, res: Response) => Promise<globalThis.Response>;
}): RenderedPageCache {
  return renderedPageCache({
    eligible: (req, res) => isPersonalPage(req.path) && Boolean(readCookie(req.headers.cookie, options.sessionCookieName)) && !res.getHeader("Set-Cookie"),
    identify: async (req) => {
      const cookie = req.get("Cookie") ?? "";
      const owner = await options.personOf(cookie);
      if (!owner) return null;
      // Everything of the request that a render reads, hashed: no session token is kept in memory.
      const key = createHash("sha256")
        .update(`${req.originalUrl}\n${cookie}\n${req.get("Accept-Language") ?? ""}`)
        .digest("base64url");
      return { key, owner };
    },
    render: options.render,
    cacheControl: PERSONAL_PAGE_CACHE_CONTROL,
    vary: "Cookie",
    maxBytes: 32 * 1024 * 1024,
  });
}

/** 'sha256-…' sources for every inline script of a page (scripts with src need none). */
export function scriptHashes(html: string): string {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2].length === 0) continue;
    sources.add(`'sha256-${createHash("sha256").update(match[2], "utf8").digest("base64")}'`);
  }
  return [...sources].join(" ");
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}
