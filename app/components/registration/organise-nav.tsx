// Tabs across the organiser's pages of one event.
import { NavLink } from "@remix-run/react";

const TABS = [
  ["dashboard", "Dashboard"],
  ["registrations", "Registrations"],
  ["check-in", "Check-in"],
  ["tickets", "Tickets"],
  ["questions", "Questions"],
  ["rooms", "Rooms"],
  ["feedback", "Feedback"],
  ["team", "Team"],
  ["api", "API"],
  ["settings", "Settings"],
  ["languages", "Languages"],
] as const;

export function OrganiseNav({ slug, canManage }: { slug: string; canManage: boolean }) {
  return (
    <nav className="reg-tabs" aria-label="Event management">
      {TABS.filter(([path]) => canManage || path === "check-in").map(([path, label]) => (
        <NavLink key={path} to={`/organise/events/${slug}/${path}`} prefetch="intent">
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
