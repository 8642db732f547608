import { Form, Link, NavLink } from "@remix-run/react";
import { CsrfField } from "./forms";

interface HeaderUser {
  name: string;
  roles: string[];
  /** Organises events (site role or a role at an event): "Organise" leads to /organise. */
  organises?: boolean;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="SCALE Events, home">
          <span className="brand__mark" aria-hidden="true">
            S
          </span>
          <span className="brand__name">
            SCALE <span>Events</span>
          </span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLink to="/events">Events</NavLink>
          <NavLink to="/organisations">Organisations</NavLink>
          {user ? (
            <>
              <NavLink to="/people">People</NavLink>
              <NavLink to="/account/calendar">Calendar</NavLink>
              <NavLink to="/my/agenda">My agenda</NavLink>
              <NavLink to="/my/registrations">My registrations</NavLink>
              {user.organises ? <NavLink to="/organise">Organise</NavLink> : null}
              {user.roles.includes("ADMIN") ? <NavLink to="/admin">Admin</NavLink> : null}
              <NavLink to="/account" className="site-nav__user" title={`Your account (${user.roles.join(", ").toLowerCase()})`}>
                {user.name}
              </NavLink>
              <Form method="post" action="/signout" className="inline-form">
                <CsrfField />
                <button type="submit" className="button button--ghost">
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/signin">Sign in</NavLink>
              <Link to="/signup" className="button button--small">
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        SCALE Events serves the SCALE network — European Smart and Lighthouse Cities Amplified: 48 lighthouse and 72 fellow cities replicating proven smart-city
        solutions.
      </p>
    </footer>
  );
}
