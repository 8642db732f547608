// The roadshow's meeting page for cities and projects: per stop, the investors with free slots
// (in the stop's zone, or the viewer's on request), a request form, my requests and meetings,
// recommendations with reasons and preference marks. The roadshow's hosts also find here the
// registered cities and projects, to mark who they want to meet (the scheduler needs both marks),
// with the stops each attends. Cities and projects choose the stops they attend here (one form).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionNotice, PreferenceForm, PreviousOutcomes } from "~/components/meetings/meeting-parts";
import { CandidatesSection, StopSection } from "~/components/meetings/roadshow-sections";
import { bindFields, Choice, CsrfField, FieldSet } from "~/components/ui/forms";
import { runMeetingAction } from "~/domain/meetings/actions.server";
import { roadshowActionSchema } from "~/domain/meetings/meeting-forms";
import { setStopAttendance } from "~/domain/meetings/attendance.server";
import { roadshowView } from "~/domain/meetings/views.server";
import { getUser, requireUser } from "~/web/auth.server";
import { CSRF_FIELD_NAME } from "~/web/csrf";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Meetings — ${data.event.title} — SCALE Events` : "Meetings — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const zone = new URL(request.url).searchParams.get("tz");
  return { ...(await orErrorResponse(roadshowView(user, params.slug ?? "", { zone }))), signedIn: Boolean(user) };
}

function attendanceNotice(cities: string[]): string {
  if (cities.length === 0) return "Saved: you attend no stop, so the scheduler will not book meetings for you.";
  return `Saved: you attend ${cities.length === 1 ? cities[0] : `${cities.slice(0, -1).join(", ")} and ${cities[cities.length - 1]}`}.`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, roadshowActionSchema);
  if (!form.ok) return formFailure({ ...form, formError: Object.values(form.fieldErrors)[0] ?? "That form could not be read." });
  try {
    if (form.data.intent === "attendance") {
      const stops = await setStopAttendance(user, params.slug ?? "", form.data.stopIds);
      return json({ ok: true as const, notice: attendanceNotice(stops.map((s) => s.city)), intent: "attendance" as const });
    }
    return json({ ok: true as const, notice: await runMeetingAction(user, params.slug ?? "", form.data), intent: form.data.intent });
  } catch (error) {
    const entries = [...form.form.entries()].filter(([k, v]) => typeof v === "string" && k !== CSRF_FIELD_NAME);
    const values = Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
    // The ticked stops, all of them, to re-tick after a refusal.
    if (values.intent === "attendance")
      values.stopIds = entries
        .filter(([k]) => k === "stopIds")
        .map(([, v]) => String(v))
        .join(",");
    return domainFailure(error, values);
  }
}

export default function RoadshowMeetingsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    { ok: boolean; formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; notice?: string } | undefined;
  const failedAttendance = result && !result.ok && result.values?.intent === "attendance" ? result : null;
  const failedRequest = result && !result.ok && result.values?.intent === "request" ? result.values : null;
  const viewer = data.viewer;
  const fields = bindFields(roadshowActionSchema);
  return (
    <article className="meetings-page">
      <p className="tz-note">
        <Link to={`/events/${data.event.slug}`}>About this roadshow</Link>
      </p>
      <header className="section-head section-head--top">
        <h1>Meetings — {data.event.title}</h1>
        <Form method="get" className="zone-toggle">
          <label htmlFor="tz">Show times in</label>
          <select id="tz" name="tz" defaultValue={data.zone ?? ""}>
            <option value="">Each stop’s local time</option>
            {data.zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small button--ghost">
            Show
          </button>
        </Form>
      </header>
      <ActionNotice data={result} />

      {!data.signedIn ? (
        <p className="notice notice--info">
          <Link to={`/signin?redirectTo=/roadshows/${data.event.slug}`}>Sign in</Link> to request meetings with investors.
        </p>
      ) : !viewer?.participant && !viewer?.host ? (
        <p className="notice notice--info">
          Only registered participants can book meetings. <Link to={`/events/${data.event.slug}/register`}>Register for the roadshow</Link> first.
        </p>
      ) : null}

      {viewer?.host || viewer?.organiser ? (
        <nav aria-label="Your stop pages" className="stop-tabs">
          {data.stops.map((s) => (
            <span key={s.id}>
              {viewer.host ? <Link to={`/roadshows/${data.event.slug}/stops/${s.id}/host`}>My slots in {s.city}</Link> : null}
              {viewer.organiser ? (
                <>
                  {" "}
                  <Link to={`/organise/roadshows/${data.event.slug}/stops/${s.id}`}>Organise {s.city}</Link>
                </>
              ) : null}
            </span>
          ))}
        </nav>
      ) : null}

      {data.attendance ? (
        <section className="card" aria-labelledby="my-stops" id="my-stops-section">
          <h2 id="my-stops">Stops you will attend</h2>
          <p className="tz-note">The organisers’ scheduler books your meetings only at the stops you tick. Requesting a meeting at a stop ticks it for you.</p>
          <Form
            method="post"
            key={failedAttendance ? `failed-${failedAttendance.values?.stopIds}` : data.attendance.stopIds.join(",")}
            aria-label="Stops you will attend"
          >
            <CsrfField />
            <input type="hidden" name="intent" value="attendance" />
            <FieldSet legend="Stops" id="stops" className="field reg-choices" error={failedAttendance?.fieldErrors?.stopIds}>
              {data.stops.map((s) => (
                <Choice
                  key={s.id}
                  name={fields.stopIds.name}
                  value={s.id}
                  defaultChecked={
                    failedAttendance ? (failedAttendance.values?.stopIds ?? "").split(",").includes(s.id) : data.attendance!.stopIds.includes(s.id)
                  }
                >
                  {s.city} — {s.when}
                </Choice>
              ))}
            </FieldSet>
            <button type="submit" className="button button--small">
              Save stops
            </button>
          </Form>
        </section>
      ) : null}

      {data.candidates ? (
        <CandidatesSection candidates={data.candidates} />
      ) : viewer?.host && !viewer.hostHere ? (
        <p className="notice notice--info">
          Publish your availability at one of the stops (My slots) to see the registered cities and projects and mark who you want to meet.
        </p>
      ) : null}

      {data.recommendations.length > 0 ? (
        <section className="card" aria-labelledby="recommended">
          <h2 id="recommended">Recommended for you</h2>
          <ol className="meeting-list">
            {data.recommendations.map((r) => (
              <li key={r.id} className="meeting-item">
                <div>
                  <strong>{r.name}</strong>
                  {r.organisation ? <span className="tz-note"> · {r.organisation}</span> : null}
                </div>
                <div className="tz-note">{r.reasons}</div>
                <PreferenceForm toUserId={r.id} name={r.name} current={r.preference} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <PreviousOutcomes items={data.previous} />

      {data.stops.map((stop) => (
        <StopSection key={stop.id} stop={stop} attendance={data.attendance} participant={Boolean(viewer?.participant)} failedRequest={failedRequest} />
      ))}
    </article>
  );
}
