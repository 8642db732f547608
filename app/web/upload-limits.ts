// The routes that take a file upload, and their body cap. Every other request body is capped at
// 1 MiB (server/request-hygiene.ts) and every form at 256 KiB (forms.server.ts); an image upload
// (a 5 MiB image at most, app/domain/network/image-rules.ts) needs more. The cap is set above the
// image limit, so an image a little too large gets a field message on the page, not a bare 413.
// Pure, so the server's body reader and the routes share it.

export const MAX_UPLOAD_BODY_BYTES = 12 * 1024 * 1024;

const UPLOAD_PATHS = [/^\/account\/profile\/photo\/?$/, /^\/organisations\/[^/]+\/logo\/?$/];

/** The body cap of an upload route, or null for every other path. */
export function uploadBodyLimit(path: string): number | null {
  return UPLOAD_PATHS.some((pattern) => pattern.test(path)) ? MAX_UPLOAD_BODY_BYTES : null;
}
