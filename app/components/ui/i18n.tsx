// The interface language in React. The root loader resolves the language on the server
// (app/web/i18n.server.ts) and sends that language's messages; English is bundled as the
// fallback for any key a language lacks. Components translate with react-i18next:
//
//   const { t } = useTranslation();          t("events.page.register")
//   const { locale } = useLanguage();         formatDate(date, event.timeZone, locale)
//
// Keys are typed (app/domain/kernel/i18n/i18next.d.ts); add a key to resources/en.ts first, then
// to every other language (the compiler and resources.test.ts refuse a missing one).
import { Form, useLocation } from "@remix-run/react";
import i18next, { type i18n } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { i18nextOptions } from "~/domain/kernel/i18n/options";
import { intlLocale, LANGUAGE_NAMES, LANGUAGES, toLanguage, type Language } from "~/domain/kernel/i18n/languages";
import { en } from "~/domain/kernel/i18n/resources/en";
import type { Messages } from "~/domain/kernel/i18n/resources/types";
import { CsrfField } from "./forms";

const instances = new Map<Language, i18n>();

/** One i18next instance per language, fixed to it (never changeLanguage: requests share them). */
export function i18nFor(language: Language, messages: Messages | null): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    const resources: Partial<Record<Language, Messages>> = { en };
    if (language !== "en" && messages) resources[language] = messages;
    void instance.init(i18nextOptions(language, resources));
    instances.set(language, instance);
  }
  return instance;
}

export function I18nProvider({ language, messages, children }: { language: Language; messages: Messages | null; children: ReactNode }) {
  const instance = useMemo(() => i18nFor(language, messages), [language, messages]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

/** The language shown and its Intl locale, for dates, numbers and money. */
export function useLanguage(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language) ?? "en";
  return { language, locale: intlLocale(language) };
}

/**
 * Meta functions run outside React: they translate with the root's language, found in the
 * route matches (English when the root has no data, as on an error page).
 */
export function metaT(matches: ReadonlyArray<{ id: string; data?: unknown }>) {
  const root = matches.find((match) => match.id === "root")?.data as { language?: Language; messages?: Messages | null } | undefined;
  const language = toLanguage(root?.language) ?? "en";
  return i18nFor(language, root?.messages ?? null).t;
}

/**
 * The switcher at the foot of every page, working without JavaScript. Visitors send a GET
 * (no CSRF token, so anonymous pages stay the same for everyone and can be cached); signed-in
 * people a POST that also saves the choice on their account.
 */
export function LanguageSwitcher({ language, signedIn }: { language: Language; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lang");
  const back = `${location.pathname}${params.size ? `?${params}` : ""}`;
  return (
    <Form method={signedIn ? "post" : "get"} action="/language" className="language-switcher" reloadDocument>
      {signedIn ? <CsrfField /> : null}
      <input type="hidden" name="redirectTo" value={back} />
      <label htmlFor="language-switcher">{t("common.language.label")}</label>
      <select id="language-switcher" name="lang" defaultValue={language} key={language}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small button--ghost">
        {t("common.language.change")}
      </button>
    </Form>
  );
}
