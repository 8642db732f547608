// /admin — the platform console's overview: figures at a glance and what waits for an admin.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { ROLE_TEXT } from "~/components/community/labels";
import { BarChart } from "~/components/registration/charts";
import { consoleFigures } from "~/domain/admin/console.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Admin console — SCALE Events" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(consoleFigures(user));
}

export default function AdminOverview() {
  const f = useLoaderData<typeof loader>();
  const count = new Intl.NumberFormat("en-GB");
  const tiles: [string, number, string | null][] = [
    ["People", f.users, "/admin/users"],
    ["Suspended", f.suspended, "/admin/users"],
    ["Organisations", f.organisations, "/admin/organisations"],
    ["Published events", f.events, null],
    ["Registrations", f.registrations, null],
  ];
  const waiting: [string, number, string | null][] = [
    ["Role requests", f.roleRequests, "/admin/requests"],
    ["Reported introductions", f.reports, "/admin/requests#reports"],
    ["Requests to join organisations (their admins decide)", f.joinRequests, null],
    ["Emails waiting to be sent", f.outboxPending, "/admin/outbox?status=PENDING"],
    ["Emails that failed", f.outboxFailed, "/admin/outbox?status=FAILED"],
  ];
  const largest = Math.max(1, ...f.roles.map((r) => r.count));
  return (
    <section className="stack admin-page" aria-labelledby="admin-title">
      <header>
        <h1 id="admin-title">Admin console</h1>
        <AdminNav />
      </header>
      <ul className="admin-tiles" aria-label="Figures at a glance">
        {tiles.map(([label, value, to]) => (
          <li key={label} className="card admin-tile">
            <span className="admin-tile__value">{count.format(value)}</span>
            {to ? <Link to={to}>{label}</Link> : <span>{label}</span>}
          </li>
        ))}
      </ul>
      <div className="two-col">
        <section className="card stack" aria-labelledby="waiting-title">
          <h2 id="waiting-title">Waiting for an admin</h2>
          <ul className="admin-waiting">
            {waiting.map(([label, value, to]) => (
              <li key={label}>
                {to ? <Link to={to}>{label}</Link> : <span>{label}</span>}{" "}
                <span className={value > 0 ? "badge badge--warn" : "badge"}>{count.format(value)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card stack" aria-labelledby="roles-title">
          <h2 id="roles-title">People by platform role</h2>
          <BarChart
            label="People by platform role"
            bars={f.roles.map((r) => ({ label: ROLE_TEXT[r.role] ?? r.role, value: r.count, max: largest, note: count.format(r.count) }))}
          />
        </section>
      </div>
    </section>
  );
}
