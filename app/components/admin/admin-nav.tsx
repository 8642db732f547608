import { NavLink } from "@remix-run/react";

/** The tabs of the platform console. */
export function AdminNav() {
  return (
    <nav aria-label="Admin console" className="account-nav admin-nav">
      <NavLink to="/admin" end>
        Overview
      </NavLink>
      <NavLink to="/admin/users">People</NavLink>
      <NavLink to="/admin/organisations">Organisations</NavLink>
      <NavLink to="/admin/requests">Requests</NavLink>
      <NavLink to="/admin/audit">Audit log</NavLink>
      <NavLink to="/admin/outbox">Outbox</NavLink>
    </nav>
  );
}
