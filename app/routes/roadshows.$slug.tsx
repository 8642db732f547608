// The roadshow's meeting page for cities and projects: per stop, the investors with free slots
// (in the stop's zone, or the viewer's on request), a request form, my requests and meetings,
// recommendations with reasons and preference marks. The roadshow's hosts also find here the
// registered cities and projects, to mark who they want to meet (the scheduler needs both marks),
// with the stops each attends. Cities and projects choose the stops they attend here (one form).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionNotice, MeetingItem, PreferenceForm, preferenceLabel, PreviousOutcomes } from "~/components/meetings/meeting-parts";
import { bindFields, Choice, CsrfField, FieldSet, SelectField, TextAreaField } from "~/components/ui/forms";
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
        <section className="card" aria-labelledby="candidates" id="meet-cities">
          <h2 id="candidates">Cities and projects to meet</h2>
          <p className="tz-note">
            Everyone with a confirmed registration for this roadshow. Mark who you want to meet: the organisers’ scheduler books a meeting when both sides asked
            for it (must-meet first), at a free slot of yours.
          </p>
          {data.candidates.length === 0 ? (
            <p className="empty-state">No city or project is registered yet.</p>
          ) : (
            <ol className="meeting-list">
              {data.candidates.map((c) => (
                <li key={c.id} className="meeting-item">
                  <div className="meeting-item__head">
                    <strong>{c.name}</strong>
                    {c.recommended ? <span className="badge">Recommended</span> : null}
                    {c.preference ? <span className="badge badge--picked">{preferenceLabel(c.preference)}</span> : null}
                  </div>
                  <div className="tz-note">{[c.jobTitle, c.organisation, c.kind, c.seeks].filter(Boolean).join(" · ")}</div>
                  {c.themes.length > 0 ? <div className="tz-note">Themes: {c.themes.join(", ")}</div> : null}
                  <div className="tz-note">{c.stops.length > 0 ? `Attends: ${c.stops.join(", ")}` : "No stop chosen yet"}</div>
                  {c.reasons ? <div>{c.reasons}</div> : null}
                  <PreferenceForm toUserId={c.id} name={c.name} current={c.preference} idScope="guest" />
                </li>
              ))}
            </ol>
          )}
        </section>
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
        <section key={stop.id} className="card stop-section" aria-labelledby={`stop-${stop.id}`}>
          <h2 id={`stop-${stop.id}`}>{stop.city}</h2>
          <p className="tz-note">
            {stop.when}
            {stop.venueName ? ` · ${stop.venueName}` : ""}. Slot times in {stop.displayZone.replace(/_/g, " ")} ({stop.displayZoneName}).
          </p>
          {data.attendance && !data.attendance.stopIds.includes(stop.id) ? (
            <p className="tz-note">You have not ticked {stop.city} as a stop you attend; requesting a meeting here ticks it.</p>
          ) : null}

          {stop.meetings.length > 0 ? (
            <>
              <h3>My requests and meetings</h3>
              <ul className="meeting-list">
                {stop.meetings.map((m) => {
                  const host = stop.hosts.find((h) => h.id === m.otherId);
                  const slots = host
                    ? host.days.flatMap((d) => d.slots.map((s) => ({ startsAt: s.startsAt, label: `${d.day}, ${s.label} ${s.zoneName}` })))
                    : [];
                  return <MeetingItem key={m.id} meeting={m} proposeSlots={slots} />;
                })}
              </ul>
            </>
          ) : null}

          <h3>Investors at this stop</h3>
          {stop.hosts.length === 0 ? (
            <p className="empty-state">No investor has published slots for this stop yet.</p>
          ) : (
            <ul className="host-list">
              {stop.hosts.map((host) => {
                const formId = `req-${stop.id}-${host.id}`;
                return (
                  <li key={host.id} className="host-card">
                    <div className="meeting-item__head">
                      <strong>{host.name}</strong>
                      {host.preference ? <span className="badge badge--picked">{preferenceLabel(host.preference)}</span> : null}
                    </div>
                    <div className="tz-note">
                      {[host.jobTitle, host.organisation, host.ticket ? `invests ${host.ticket}` : null].filter(Boolean).join(" · ")}
                    </div>
                    {host.freeCount === 0 ? (
                      <p className="tz-note">No free slots left at this stop.</p>
                    ) : viewer?.participant ? (
                      <Form method="post" className="request-form" aria-label={`Request a meeting with ${host.name} in ${stop.city}`}>
                        <CsrfField />
                        <input type="hidden" name="intent" value="request" />
                        <input type="hidden" name="stopId" value={stop.id} />
                        <input type="hidden" name="hostId" value={host.id} />
                        <SelectField
                          label={`Slot with ${host.name}`}
                          id={`${formId}-slot`}
                          {...fields.startsAt}
                          required
                          defaultValue={failedRequest?.hostId === host.id ? failedRequest.startsAt : undefined}
                        >
                          {host.days.map((d) => (
                            <optgroup key={d.day} label={d.day}>
                              {d.slots.map((s) => (
                                <option key={s.startsAt} value={s.startsAt}>
                                  {s.label} {s.zoneName}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </SelectField>
                        <TextAreaField
                          label="Message (optional)"
                          id={`${formId}-msg`}
                          {...fields.message}
                          rows={2}
                          maxLength={500}
                          defaultValue={failedRequest?.hostId === host.id ? failedRequest.message : ""}
                        />
                        <button type="submit" className="button button--small">
                          Request meeting
                        </button>
                      </Form>
                    ) : (
                      <p className="tz-note">{host.freeCount} free slots.</p>
                    )}
                    {viewer?.participant ? <PreferenceForm toUserId={host.id} name={host.name} current={host.preference} idScope={stop.id} /> : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
