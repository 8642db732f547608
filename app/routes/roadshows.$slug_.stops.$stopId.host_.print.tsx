// Printable day schedule of a host at one stop (print CSS hides the site chrome).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hostPrintView } from "~/domain/meetings/views.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Schedule, ${data.stop.city} — ${data.event.title}` : "Schedule — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { ...(await orErrorResponse(hostPrintView(user, params.slug ?? "", params.stopId))), name: user.name };
}

export default function HostPrintPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="print-schedule">
      <p className="no-print">
        <Link to={`/roadshows/${data.event.slug}/stops/${data.stop.id}/host`}>Back to my meetings</Link> · use your browser’s Print command.
      </p>
      <h1>
        {data.name} — meetings in {data.stop.city}
      </h1>
      <p>
        {data.event.title} · {data.stop.venueName ? `${data.stop.venueName}, ` : ""}
        {data.stop.city} · times in {data.stop.timeZone.replace(/_/g, " ")} ({data.stop.zoneName})
      </p>
      {data.days.length === 0 ? (
        <p className="empty-state">No confirmed meetings at this stop yet.</p>
      ) : (
        data.days.map((day) => (
          <section key={day.day} aria-label={day.day}>
            <h2>{day.day}</h2>
            <table className="print-table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">With</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Where</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {day.meetings.map((m) => (
                  <tr key={m.id}>
                    <td>{m.time}</td>
                    <td>
                      {m.otherName}
                      {m.otherTitle ? <div className="tz-note">{m.otherTitle}</div> : null}
                    </td>
                    <td>{m.otherOrganisation ?? ""}</td>
                    <td>{m.place}</td>
                    <td className="print-notes">{m.message ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </article>
  );
}
