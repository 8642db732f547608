// One HTTP server: Express → Remix request handler, plus Socket.IO on the same port.
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { Logger } from "pino";
import { announceLocalWrite, startChangeListener } from "../app/platform/changes.server";
import { readCookie } from "../app/web/cookies";
import { db, disconnectDb } from "../app/platform/db.server";
import { servedOverHttps } from "../app/platform/env.server";
import { attachRealtime } from "./realtime/index";
import { type AdapterKind } from "./realtime/adapter";
import { createRemixRequestHandler } from "./remix-handler";
import { uploadBodyLimit } from "../app/web/upload-limits";
import { personalPageCache, publicPageCache } from "./public-cache";
import { SESSION_COOKIE_NAME, userFromCookieHeader } from "../app/web/auth.server";
import { eventFeedReply, personalFeedReply, type CalendarReply } from "../app/domain/calendar/http.server";
import { MAX_BODY_BYTES, readBodyWithinCap, refuseMalformedRequests } from "./request-hygiene";
import { redactPath } from "../app/web/redact-path";
import { csrfCookie, guardMutations, securityHeaders } from "./security";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUILD_PATH = path.join(ROOT, "build/index.js");

export interface AppServer {
  httpServer: HttpServer;
  port: number;
  close(): Promise<void>;
}

export async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
}

export async function startAppServer(options: {
  port: number;
  host?: string;
  databaseUrl: string;
  logger: Logger;
  production: boolean;
  adapter: AdapterKind;
  redisUrl?: string;
  trustProxy?: boolean;
  /** How long in-flight requests may take to finish when closing (default 10 s). */
  shutdownGraceMs?: number;
}): Promise<AppServer> {
  process.env.DATABASE_URL = options.databaseUrl;
  const { logger } = options;
  const build = await loadBuild();
  // Committed changes from the database, so in-memory copies of feeds and pages stay exact.
  const changes = await startChangeListener(options.databaseUrl, (error) => logger.warn({ err: error }, "change listener"));
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: redactPath(req.originalUrl), status: res.statusCode, ms: Math.round(ms) }, "request");
    });
    next();
  });
  app.use(securityHeaders(servedOverHttps()));
  app.use(refuseMalformedRequests(logger));

  app.get("/healthz", async (_req, res) => {
    try {
      await db().$queryRaw`SELECT 1`;
      res.json({ ok: true, database: "up" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ ok: false, database: "down" });
    }
  });

  // Calendar feeds without Remix: calendar apps poll them all day, and the same replies as the
  // routes' loaders (README "Speed").
  app.get(
    "/feeds/:token",
    calendarHandler((req) => personalFeedReply(req.params.token, req.get("If-None-Match"))),
  );
  app.get(
    "/events/:slug/feed.ics",
    calendarHandler((req) => eventFeedReply(req.params.slug, req.get("If-None-Match"))),
  );

  // Fingerprinted assets can be cached forever; everything else in public/ for an hour.
  app.use("/build", express.static(path.join(ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  // Only paths that name a file (an extension) can be one: pages skip the file-system lookup.
  const publicFiles = express.static(path.join(ROOT, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));

  app.use((req, _res, next) => {
    // The only trusted source of the client address for app code (rate limits).
    req.headers["x-scale-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  // Read your own writes: a signed-in person's form post drops this node's cached pages and
  // events when it is answered, before the notice of its change arrives (README "Speed").
  app.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD" && readCookie(req.headers.cookie, SESSION_COOKIE_NAME)) res.on("finish", announceLocalWrite);
    next();
  });
  const remix = createRemixRequestHandler({
    build,
    mode: options.production ? "production" : "development",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce, csrfToken: res.locals.csrfToken }),
  });
  // Public pages for anonymous visitors, before the CSRF cookie: a cached page sets no cookie.
  const pageCache = publicPageCache({ sessionCookieName: SESSION_COOKIE_NAME, render: remix.renderAnonymously });
  app.use(pageCache.middleware);

  app.use(csrfCookie(servedOverHttps()));
  // The same pages for a signed-in person: their own copy, after their CSRF cookie is known.
  const personalCache = personalPageCache({
    sessionCookieName: SESSION_COOKIE_NAME,
    personOf: async (cookieHeader) => (await userFromCookieHeader(cookieHeader))?.id ?? null,
    render: remix.renderWithoutNonce,
  });
  app.use(personalCache.middleware);
  // The visitor's own CSRF token, for forms on a page that came from the shared cache.
  app.get("/csrf-token", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ token: res.locals.csrfToken });
  });
  app.use(guardMutations);
  app.use(readBodyWithinCap(logger, (path) => uploadBodyLimit(path) ?? MAX_BODY_BYTES));
  app.all("*", remix);

  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  const realtime = await attachRealtime(httpServer, {
    adapter: options.adapter,
    redisUrl: options.redisUrl,
    databaseUrl: options.databaseUrl,
    logger,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    port,
    close() {
      closing ??= (async () => {
        // Socket.IO's close also stops the HTTP server from accepting and waits for it to close.
        // Idle keep-alive connections go at once; requests in flight get a grace period to
        // finish. Then every connection is cut — including ones a client opened but never used
        // (browsers preconnect), which Node would otherwise keep until headersTimeout (60 s).
        const closed = realtime.close();
        httpServer.closeIdleConnections();
        const force = setTimeout(() => httpServer.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
        try {
          await closed;
        } finally {
          clearTimeout(force);
        }
        await changes.stop();
        await disconnectDb();
      })();
      return closing;
    },
  };
}

function calendarHandler(reply: (req: express.Request) => Promise<CalendarReply>): express.RequestHandler {
  return (req, res, next) => {
    reply(req).then((answer) => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? undefined);
    }, next);
  };
}
