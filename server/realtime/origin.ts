// Cross-site WebSocket hijacking guard. Browsers send the session cookie with a WebSocket handshake
// from any page (CORS does not apply to websockets), so a socket opened by another site would act
// as the signed-in user. A browser always sends Origin on a handshake; a handshake whose Origin is
// not the site's own is refused. Non-browser clients (no Origin) cannot carry a victim's cookie
// and stay allowed.
import type { IncomingMessage } from "node:http";
import { env } from "../../app/platform/env.server";

/**
 * The site's own origin is PUBLIC_URL's when set (scheme, host and port must all match); without
 * it, the Host the request was sent to (host and port only: a TLS-terminating proxy may forward
 * plain http).
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) or junk
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  if (!host) return false;
  return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
}

/** Socket.IO's `allowRequest`: runs on the handshake (polling or websocket upgrade) only. */
export function allowSameOrigin(onRefused?: (origin: string, host: string | undefined) => void) {
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    let allowed = false;
    try {
      allowed = isSameOrigin(origin, req.headers.host, env().PUBLIC_URL);
    } catch {
      allowed = false; // e.g. a Host header that is not a host
    }
    if (!allowed) onRefused?.(String(origin), req.headers.host);
    callback(allowed ? null : "CROSS_ORIGIN", allowed);
  };
}
