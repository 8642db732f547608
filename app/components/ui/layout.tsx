import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/kernel/i18n/languages";
import { CsrfField } from "./forms";
import { LanguageSwitcher } from "./i18n";

interface HeaderUser {
  name: string;
  roles: string[];
  /** Organises events (site role or a role at an event): "Organise" leads to /organise. */
  organises?: boolean;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label={t("common.home")}>
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">
            SCALE <span>Events</span>
          </span>
        </Link>
        <nav aria-label={t("common.nav.label")} className="site-nav">
          <NavLink to="/events">{t("common.nav.events")}</NavLink>
          <NavLink to="/organisations">{t("common.nav.organisations")}</NavLink>
          {user ? (
            <>
              <NavLink to="/people">{t("common.nav.people")}</NavLink>
              <NavLink to="/account/calendar">{t("common.nav.calendar")}</NavLink>
              <NavLink to="/my/agenda">{t("common.nav.myAgenda")}</NavLink>
              <NavLink to="/my/registrations">{t("common.nav.myRegistrations")}</NavLink>
              {user.organises ? <NavLink to="/organise">{t("common.nav.organise")}</NavLink> : null}
              {user.roles.includes("ADMIN") ? <NavLink to="/admin">{t("common.nav.admin")}</NavLink> : null}
              <NavLink to="/account" className="site-nav__user" title={t("common.nav.account", { roles: user.roles.join(", ").toLowerCase() })}>
                {user.name}
              </NavLink>
              <Form method="post" action="/signout" className="inline-form">
                <CsrfField />
                <button type="submit" className="button button--ghost">
                  {t("common.nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/signin">{t("common.nav.signIn")}</NavLink>
              <Link to="/signup" className="button button--small">
                {t("common.nav.createAccount")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ language, signedIn }: { language: Language; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("common.footer")}</p>
      <LanguageSwitcher language={language} signedIn={signedIn} />
    </footer>
  );
}
