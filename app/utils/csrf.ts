// Synchroniser-token CSRF protection. The server sets a random token in an httpOnly cookie
// (server/security.ts); pages put the same token in a hidden field; mutations must echo it.
export const CSRF_COOKIE_NAME = "scale_csrf";
export const CSRF_FIELD_NAME = "_csrf";
