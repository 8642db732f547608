// Paths as they may be logged: secrets in them (feed tokens, ticket codes) replaced.

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
