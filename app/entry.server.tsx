import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/components/ui/nonce";
import { logger } from "~/platform/logger.server";
import { redactPath } from "~/web/redact-path";
import { languageHeaders, resolveLanguage } from "~/web/i18n.server";
import type { HandleDataRequestFunction } from "@remix-run/node";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

/**
 * Errors Remix meets while answering. A 4xx it raises itself (no route matches, no action) is the
 * asker's mistake, answered with its status and not worth a stack trace in the log; an aborted
 * request is the client leaving. Anything else is logged once, through the app's logger, with the
 * path redacted (an unknown URL may still carry a feed token).
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logger.error({ err: error, method: request.method, path: redactPath(new URL(request.url).pathname) }, "request failed");
};

/** Loader data depends on the language as pages do (translated event text): caches must know. */
export const handleDataRequest: HandleDataRequestFunction = async (response, { request }) => {
  languageHeaders(response.headers, await resolveLanguage(request));
  return response;
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? "";
  // The language the root loader resolved (memoised per request), else decided now (no root data on some errors).
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { language?: Parameters<typeof languageHeaders>[1] } | undefined;
  languageHeaders(responseHeaders, rootData?.language ?? (await resolveLanguage(request)));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        // No route defers data, so streaming would only split the page into many small socket
        // writes (measured: a tenth of the server's CPU). Render it whole and send it once.
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const sink = new Writable({
            write(chunk, _encoding, callback) {
              chunks.push(Buffer.from(chunk));
              callback();
            },
            final(callback) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              callback();
            },
          });
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
