import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The tabs of the person's own account pages. */
export function AccountNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("accounts.account.navLabel")} className="account-nav">
      <NavLink to="/account" end>
        {t("accounts.account.navSettings")}
      </NavLink>
      <NavLink to="/account/profile">{t("accounts.account.navProfile")}</NavLink>
      <NavLink to="/account/security">{t("accounts.account.navSecurity")}</NavLink>
      <NavLink to="/account/calendar">{t("accounts.account.navCalendar")}</NavLink>
      <NavLink to="/account/roles">{t("accounts.account.navRoles")}</NavLink>
      <NavLink to="/my/introductions">{t("accounts.account.navIntroductions")}</NavLink>
    </nav>
  );
}
