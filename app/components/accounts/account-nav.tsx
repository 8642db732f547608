import { NavLink } from "@remix-run/react";

/** The tabs of the person's own account pages. */
export function AccountNav() {
  return (
    <nav aria-label="Account" className="account-nav">
      <NavLink to="/account" end>
        Settings
      </NavLink>
      <NavLink to="/account/profile">Profile</NavLink>
      <NavLink to="/account/security">Security</NavLink>
      <NavLink to="/account/calendar">Calendar</NavLink>
      <NavLink to="/account/roles">Roles</NavLink>
      <NavLink to="/my/introductions">Introductions</NavLink>
    </nav>
  );
}
