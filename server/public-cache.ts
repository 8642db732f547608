// The shared cache of public pages for anonymous visitors (README "Speed"). A page of
// app/web/public-page.ts, asked for without a session, is rendered once as an anonymous visitor
// sees it and then served from memory — with an ETag (304 for a matching If-None-Match) and
// Cache-Control a CDN may honour — until the database announces a change
// (app/platform/changes.server.ts), at most PAGE_MAX_AGE_MS, or while the listener is down never.
//
// Security of one copy for everybody: the cached HTML holds no per-visitor secret — it is
// rendered without cookies, with an empty CSRF token (forms fetch the visitor's own from
// /csrf-token, app/components/ui/forms.tsx) and without a nonce; its inline scripts are allowed
// by their SHA-256 hashes in the page's own Content-Security-Policy instead (still no
// 'unsafe-inline'); a cached answer never carries Set-Cookie (this runs before the CSRF cookie
// is set, and a render that sets a cookie is not cached).
import { createHash } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { changeFeedGeneration, changeSequence, onDataChange } from "../app/platform/changes.server";
import { readCookie } from "../app/web/cookies";
import { isPublicPage, PUBLIC_PAGE_CACHE_CONTROL, publicPageVariant } from "../app/web/public-page";
import { contentSecurityPolicy } from "./security";

/** Bounds staleness of what no row records: "today", "starts in …", slots that became past. */
export const PAGE_MAX_AGE_MS = 60_000;
const MAX_BYTES = 64 * 1024 * 1024;

interface CachedPage {
  body: Buffer;
  etag: string;
  csp: string;
  /** The page's language (Content-Language), one of the things its key tells apart. */
  language: string | null;
  generation: number;
  expiresAt: number;
}

export interface PublicPageCache {
  middleware(req: Request, res: Response, next: NextFunction): void;
  stats(): { hits: number; renders: number; entries: number };
  clear(): void;
}

export function publicPageCache(options: {
  sessionCookieName: string;
  render: (req: Request, res: Response) => Promise<globalThis.Response>;
}): PublicPageCache {
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
  // A person's own rows (picks, feed links, settings) show on no public page.
  onDataChange((change) => {
    if (change.scope !== "user") clear();
  });

  async function fill(key: string, req: Request, res: Response, generation: number): Promise<CachedPage | null> {
    const sequence = changeSequence();
    counters.renders++;
    const response = await options.render(req, res);
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
      generation,
      expiresAt: Date.now() + PAGE_MAX_AGE_MS,
    };
    // A change that arrived while we rendered may not be in what we read: serve this copy to
    // the visitors who waited for it, but do not keep it.
    if (changeSequence() === sequence && changeFeedGeneration() === generation) {
      drop(key);
      pages.set(key, page);
      bytes += body.length;
      while (bytes > MAX_BYTES && pages.size > 1) drop(pages.keys().next().value!);
    }
    return page;
  }

  function send(req: Request, res: Response, page: CachedPage, hit: boolean) {
    res.removeHeader("Set-Cookie");
    res.setHeader("X-Cache", hit ? "HIT" : "MISS");
    res.setHeader("Content-Security-Policy", page.csp);
    res.setHeader("ETag", page.etag);
    res.setHeader("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
    res.setHeader("Vary", "Cookie, Accept-Language");
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
    const headers = new Headers({ "accept-language": req.get("Accept-Language") ?? "", cookie: req.get("Cookie") ?? "" });
    const key = publicPageVariant({ url: `http://cache${req.originalUrl}`, headers });
    const cached = pages.get(key);
    if (cached && cached.generation === generation && cached.expiresAt > Date.now()) {
      counters.hits++;
      return send(req, res, cached, true);
    }
    // Only a GET renders a copy to keep: Remix answers HEAD without a body.
    if (req.method !== "GET") return next();
    let pending = filling.get(key);
    if (!pending) {
      pending = fill(key, req, res, generation).finally(() => filling.delete(key));
      filling.set(key, pending);
    }
    const page = await pending;
    // Not a cacheable answer (an unknown slug, a redirect…): the ordinary path renders it.
    if (!page) return next();
    send(req, res, page, false);
  }

  return {
    middleware(req, res, next) {
      const eligible =
        (req.method === "GET" || req.method === "HEAD") &&
        isPublicPage(req.path) &&
        !("_data" in req.query) &&
        !readCookie(req.headers.cookie, options.sessionCookieName);
      if (!eligible) return next();
      serve(req, res, next).catch(next);
    },
    stats: () => ({ ...counters, entries: pages.size }),
    clear,
  };
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
