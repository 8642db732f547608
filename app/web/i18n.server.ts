// Which language a request is answered in. One function, resolveLanguage(request), decides it
// for pages, actions and anything in front of them (a shared page cache keys on its answer):
//
//   ?lang=xx in the URL → the account's setting (User.locale) → the `lang` cookie set by the
//   switcher → Accept-Language (q-values honoured) → English.
//
// Every step ignores what it cannot read, so no cookie, header or URL value can fail a request.
import { getUser } from "./auth.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { servedOverHttps } from "~/platform/env.server";
import { readCookie } from "./cookies";
import { chooseLanguage, LANGUAGE_COOKIE, type Language } from "~/domain/kernel/i18n/languages";

export { chooseLanguage, LANGUAGE_COOKIE };

const YEAR_SECONDS = 365 * 86_400;

const resolved = new WeakMap<Request, Promise<Language>>();

/**
 * The language of this request. Anonymous requests are decided from the request alone (no
 * database); a signed-in one reads the account's setting with the session. Memoised per request,
 * so the root loader, a route and the document's headers agree and ask once.
 */
export function resolveLanguage(request: Request, knownUser?: Pick<SessionUser, "locale"> | null): Promise<Language> {
  let language = resolved.get(request);
  if (!language) {
    language = (async () => {
      let query: string | null = null;
      try {
        query = new URL(request.url).searchParams.get("lang");
      } catch {
        query = null;
      }
      const cookieHeader = request.headers.get("Cookie");
      // A caller that already read the session passes its user (null: anonymous), saving a query.
      const user = knownUser !== undefined ? knownUser : await getUser(request).catch(() => null);
      return chooseLanguage({
        query,
        account: user?.locale,
        cookie: readCookie(cookieHeader, LANGUAGE_COOKIE),
        acceptLanguage: request.headers.get("Accept-Language"),
      });
    })();
    resolved.set(request, language);
  }
  return language;
}

/** The switcher's cookie: a year, whole site, readable by the server only. */
export function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax; HttpOnly${servedOverHttps() ? "; Secure" : ""}`;
}

/** What a page's response says about its language: caches must keep one copy per language. */
export function languageHeaders(headers: Headers, language: Language): void {
  headers.set("Content-Language", language);
  const vary = headers.get("Vary");
  const wanted = ["Cookie", "Accept-Language"].filter(
    (name) =>
      !vary
        ?.toLowerCase()
        .split(/\s*,\s*/)
        .includes(name.toLowerCase()),
  );
  if (wanted.length) headers.set("Vary", [vary, ...wanted].filter(Boolean).join(", "));
}
