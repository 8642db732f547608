// Cookie headers as sent by browsers and by anyone else: one reader that never throws, and the
// cleaner the server runs on every request so no handler meets a value it cannot decode.

/** `name=value` pairs of a Cookie header, values percent-decoded; a pair that cannot be decoded is null. */
function cookiePairs(header: string): Array<{ name: string; raw: string; value: string | null }> {
  const pairs = [];
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    let value: string | null;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = null;
    }
    pairs.push({ name, raw, value });
  }
  return pairs;
}

/** The decoded value of one cookie, or null when absent or malformed. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of cookiePairs(header)) if (pair.name === name) return pair.value;
  return null;
}

// Names are RFC 6265 tokens; values may not hold controls (a decoded NUL included).
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,128}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The header without the pairs that cannot be decoded, and the names of those dropped (names
 * only, cut short: values may be secrets). Pairs without "=" are left as they were.
 */
export function cleanCookieHeader(header: string): { header: string; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const part of header.split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const index = trimmed.indexOf("=");
    const name = index <= 0 ? trimmed : trimmed.slice(0, index).trim();
    const [pair] = index <= 0 ? [null] : cookiePairs(trimmed);
    if (pair && COOKIE_NAME.test(name) && pair.value !== null && !CONTROL.test(pair.value)) kept.push(trimmed);
    else dropped.push(name.slice(0, 40).replace(/[^\x21-\x7e]/g, "?"));
  }
  return { header: kept.join("; "), dropped };
}
