// /organise/events/:slug/dashboard — registrations over time, fill rate per ticket type and
// check-ins, as inline SVG charts beside the numbers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart, LineChart } from "~/components/registration/charts";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { dashboard } from "~/domain/registration/reports.server";
import { engagementSummary } from "~/domain/engagement/exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  const [data, engagement] = await Promise.all([dashboard(event), engagementSummary(event)]);
  return { slug: event.slug, timeZone: event.timeZone, data, engagement };
}

export default function Dashboard() {
  const { slug, timeZone, data, engagement } = useLoaderData<typeof loader>();
  const { totals } = data;
  const numbers: [string, number, string?][] = [
    ["Confirmed", totals.confirmed, `/organise/events/${slug}/registrations?status=CONFIRMED`],
    ["Pending", totals.pending, `/organise/events/${slug}/registrations?status=PENDING_APPROVAL`],
    ["Waiting list", totals.waitlisted, `/organise/events/${slug}/registrations?status=WAITLISTED`],
    ["Checked in", totals.checkedIn, `/organise/events/${slug}/check-in`],
    ["Cancelled", totals.cancelled],
  ];
  return (
    <div className="stack">
      <ul className="reg-stats" aria-label="Key figures">
        {numbers.map(([label, value, href]) => (
          <li key={label} className="card">
            <span className="reg-stats__value">{value}</span>
            <span className="reg-stats__label">{href ? <Link to={href}>{label}</Link> : label}</span>
          </li>
        ))}
      </ul>
      <ul className="reg-stats" aria-label="Engagement">
        {(
          [
            ["Polls run", engagement.polls, `/organise/events/${slug}/polls.csv`],
            ["Poll answers", engagement.ballots, `/organise/events/${slug}/polls.csv`],
            ["Feedback responses", engagement.responses, `/organise/events/${slug}/feedback`],
            ["NPS", engagement.nps ?? "–", `/organise/events/${slug}/feedback`],
            ["Certificates issued", engagement.certificates, undefined],
          ] as const
        ).map(([label, value, href]) => (
          <li key={label} className="card">
            <span className="reg-stats__value">{value}</span>
            <span className="reg-stats__label">{href ? <a href={href}>{label}</a> : label}</span>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="over-time">
        <h2 id="over-time">Registrations over time</h2>
        <p className="tz-note">Running total of registrations made, per day ({timeZone.replace(/_/g, " ")}).</p>
        <LineChart points={data.registrationsOverTime} label="Registrations over time" unit="registrations" />
      </section>
      <section className="card" aria-labelledby="fill">
        <h2 id="fill">Fill rate per ticket type</h2>
        <BarChart
          label="Fill rate per ticket type"
          bars={data.fill.map((t) => ({
            label: t.name,
            value: t.taken,
            max: t.capacity,
            note: t.capacity === null ? `${t.taken} (no limit)` : `${t.taken}/${t.capacity}${t.waitlisted ? ` +${t.waitlisted} waiting` : ""}`,
          }))}
        />
      </section>
      <section className="card" aria-labelledby="checkins">
        <h2 id="checkins">Check-ins per hour</h2>
        <LineChart points={data.checkInsOverTime} label="Check-ins per hour" unit="check-ins" area={false} />
      </section>
    </div>
  );
}
