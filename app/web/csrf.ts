// Double-submit CSRF protection. The server sets a random token in an httpOnly cookie
// (server/security.ts); pages put the same token in a hidden field; mutations must echo it.
export const CSRF_COOKIE_NAME = "scale_csrf";
export const CSRF_FIELD_NAME = "_csrf";

/**
 * Over https the cookie carries the `__Host-` prefix: browsers then accept it only from this
 * exact origin (Secure, Path=/, no Domain), so a sibling subdomain cannot plant a token of its
 * choosing — the weak spot of double-submit cookies.
 */
export function csrfCookieName(https: boolean): string {
  return https ? `__Host-${CSRF_COOKIE_NAME}` : CSRF_COOKIE_NAME;
}
