// Express → Remix, built on @remix-run/express's pieces with two differences: the body handed to
// Remix is the one already read within the cap (request-hygiene.ts), and the URL is built from
// a Host the hygiene step checked, so no header can make the request fail to construct.
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { LANGUAGE_COOKIE } from "../app/domain/kernel/i18n/languages";
import { readCookie } from "../app/web/cookies";

export function createRemixRequestHandler(options: {
  build: ServerBuild;
  mode: "production" | "development";
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}) {
  const handleRequest = createRemixHandler(options.build, options.mode);
  const middleware = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handleRequest(toFetchRequest(req, res), options.getLoadContext(req, res));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
  /**
   * Renders a request as an anonymous visitor would see it — no nonce, no CSRF token, no cookie
   * but the language switcher's (part of the cache key, app/web/public-page.ts) — for the shared
   * cache of public pages (server/public-cache.ts).
   */
  const renderAnonymously = (req: Request, res: Response): Promise<globalThis.Response> => {
    const request = toFetchRequest(req, res);
    const language = readCookie(request.headers.get("cookie"), LANGUAGE_COOKIE);
    request.headers.delete("cookie");
    if (language) request.headers.set("cookie", `${LANGUAGE_COOKIE}=${encodeURIComponent(language)}`);
    return handleRequest(request, { cspNonce: "", csrfToken: "" });
  };
  /**
   * Renders a request as its visitor sees it, with their token, but without a nonce: for a
   * signed-in person's own cached copy, whose inline scripts are allowed by hash (server/public-cache.ts).
   */
  const renderWithoutNonce = (req: Request, res: Response): Promise<globalThis.Response> =>
    handleRequest(toFetchRequest(req, res), { cspNonce: "", csrfToken: res.locals.csrfToken ?? "" });
  return Object.assign(middleware, { renderAnonymously, renderWithoutNonce });
}

function toFetchRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname honours "trust proxy" (X-Forwarded-Host); the port comes from the same header.
  const forwarded = req.app.get("trust proxy") ? req.get("X-Forwarded-Host") : undefined;
  const port = (forwarded ?? req.get("host") ?? "").match(/:(\d{1,5})$/)?.[1];
  const url = new URL(`${req.protocol}://${req.hostname || "localhost"}${port ? `:${port}` : ""}${req.originalUrl}`);
  // Abort loaders and actions once no response can be written (closed before it finished).
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => finished || controller.abort());
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : res.locals.body;
  return new Request(url.href, {
    method: req.method,
    headers: fetchHeaders(req.headers),
    signal: controller.signal,
    ...(body ? { body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) } : {}),
  });
}

function fetchHeaders(incoming: Request["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function sendRemixResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
