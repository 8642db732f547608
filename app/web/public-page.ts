// Which pages anonymous visitors may be served from the shared cache of rendered pages
// (server/public-cache.ts), and what distinguishes two cached copies of one page. Pure, so the
// rules are unit-tested and the server and the app agree on them.
import { chooseLanguage, LANGUAGE_COOKIE } from "~/domain/kernel/i18n/languages";
import { readCookie } from "./cookies";

/**
 * Public pages: the same for every anonymous visitor (given the variant below) and read far
 * more often than they change. Add a page here only if its loader and markup depend on nothing
 * but the URL, the language and data whose changes the database announces
 * (app/platform/changes.server.ts): a page added here needs a trigger on every table it shows
 * (migrations change_notifications and organisation_page_notifications).
 */
const PUBLIC_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/events$/,
  /^\/events\/[^/]+$/,
  /^\/events\/[^/]+\/agenda$/,
  /^\/roadshows\/[^/]+$/,
  /^\/organisations$/,
  /^\/organisations\/[^/]+$/,
];

export function isPublicPage(pathname: string): boolean {
  // "/events/x.data" is Remix's data request for a page, not the page.
  return !pathname.endsWith(".data") && PUBLIC_PAGES.some((pattern) => pattern.test(pathname));
}

/**
 * Public pages that a signed-in person may be served their own cached copy of
 * (server/public-cache.ts, personal cache): every row their signed-in render adds to the public
 * one is announced as a change of that person ("user:<id>": their account row with its roles and
 * language, picks) or of the event (event roles, seats). Not here: roadshow pages (meeting grants
 * and bookings that no notice covers) and organisation pages (join requests and invitations).
 */
const PERSONAL_PAGES: readonly RegExp[] = [/^\/$/, /^\/events$/, /^\/events\/[^/]+$/, /^\/events\/[^/]+\/agenda$/, /^\/organisations$/];

export function isPersonalPage(pathname: string): boolean {
  return isPublicPage(pathname) && PERSONAL_PAGES.some((pattern) => pattern.test(pathname));
}

/**
 * The cache key of a public page: ONE function decides every way two anonymous visitors may see
 * different pages at the same URL: the URL (path and query) and the language, chosen as
 * resolveLanguage (app/web/i18n.server.ts) chooses it for a visitor without an account: ?lang, the
 * switcher's cookie, Accept-Language. Other cookies (CSRF) never reach the key. The cache sends
 * `Vary: Cookie, Accept-Language` for the same reason.
 */
export function publicPageVariant(request: { url: string; headers: Pick<Headers, "get"> }): string {
  const url = new URL(request.url);
  const language = chooseLanguage({
    query: url.searchParams.get("lang"),
    cookie: readCookie(request.headers.get("Cookie"), LANGUAGE_COOKIE),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
  return `${language} ${url.pathname}${url.search}`;
}

/**
 * For browsers and a CDN in front: a copy may be used for 15 s and, while it is refreshed in the
 * background, for 60 s more. Short, because the server's own copy is exact to the change (it is
 * dropped the moment the database announces one); the CDN only absorbs bursts.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=60";

/**
 * A signed-in person's copy: for their browser only (never a CDN), which must ask every time — a
 * matching ETag then costs a 304.
 */
export const PERSONAL_PAGE_CACHE_CONTROL = "private, no-cache";
