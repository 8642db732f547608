// Investor (host) page for one roadshow stop: my availability, my slots and meetings, the
// requests to answer, the cities and projects attending this stop (to mark), and a link to the
// printable day schedule.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionNotice, MeetingItem, PreferenceForm, preferenceLabel, PreviousOutcomes } from "~/components/meetings/meeting-parts";
import { bindFields, CsrfField, TextField } from "~/components/ui/forms";
import { runMeetingAction } from "~/domain/meetings/actions.server";
import { hostStopActionSchema } from "~/domain/meetings/meeting-forms";
import { publishAvailability, removeAvailability } from "~/domain/meetings/availability.server";
import { hostStopView } from "~/domain/meetings/views.server";
import { requireUser } from "~/web/auth.server";
import { CSRF_FIELD_NAME } from "~/web/csrf";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `My meetings in ${data.stop.city} — ${data.event.title} — SCALE Events` : "My meetings — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(hostStopView(user, params.slug ?? "", params.stopId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, hostStopActionSchema);
  if (!form.ok) {
    const publishing = form.values.intent === "publish";
    return formFailure({
      ...form,
      formError: publishing
        ? "The window was not published: check the fields marked below."
        : (Object.values(form.fieldErrors)[0] ?? "That form could not be read."),
    });
  }
  const slug = params.slug ?? "";
  const data = form.data;
  try {
    if (data.intent === "publish") {
      const count = await publishAvailability(user, slug, params.stopId, [
        { start: data.start, end: data.end, slotMinutes: data.slotMinutes, bufferMinutes: data.bufferMinutes, onlineUrl: data.onlineUrl },
      ]);
      return json({ ok: true as const, notice: `Availability published (${count} window).` });
    }
    if (data.intent === "remove-window") {
      await removeAvailability(user, slug, data.availabilityId);
      return json({ ok: true as const, notice: "Window removed." });
    }
    return json({ ok: true as const, notice: await runMeetingAction(user, slug, data) });
  } catch (error) {
    // Availability problems come back keyed "windows.0": the form shows them above its fields.
    return domainFailure(error, formValues(form.form));
  }
}

function formValues(form: FormData): Record<string, string> {
  return Object.fromEntries(
    [...form.entries()].filter(([key, value]) => typeof value === "string" && key !== CSRF_FIELD_NAME).map(([key, value]) => [key, String(value)]),
  );
}

export default function HostStopPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    { ok: boolean; formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; notice?: string } | undefined;
  const values = result && !result.ok ? (result.values ?? {}) : {};
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const publishing = values.intent === "publish";
  const window = bindFields(hostStopActionSchema, {
    errors: publishing ? { ...fieldErrors, onlineUrl: fieldErrors.onlineUrl ?? fieldErrors["windows.0.onlineUrl"] } : {},
    values: {
      start: values.start ?? data.defaults.start,
      end: values.end ?? data.defaults.end,
      slotMinutes: values.slotMinutes ?? "30",
      bufferMinutes: values.bufferMinutes ?? "0",
      onlineUrl: values.onlineUrl ?? "",
    },
  });
  return (
    <article className="meetings-page">
      <p className="tz-note">
        <Link to={`/roadshows/${data.event.slug}`}>{data.event.title}</Link>
      </p>
      <header className="section-head section-head--top">
        <div>
          <h1>My meetings in {data.stop.city}</h1>
          <p className="tz-note">
            {data.stop.when}
            {data.stop.venueName ? ` · ${data.stop.venueName}` : ""} · all times in {data.stop.timeZone.replace(/_/g, " ")} ({data.stop.zoneName})
          </p>
        </div>
        <Link className="button button--ghost" to="print">
          Print day schedule
        </Link>
      </header>
      {data.stops.length > 1 ? (
        <nav aria-label="Roadshow stops" className="stop-tabs">
          {data.stops.map((s) => (
            <Link key={s.id} to={`/roadshows/${data.event.slug}/stops/${s.id}/host`} aria-current={s.id === data.stop.id ? "page" : undefined}>
              {s.city}
            </Link>
          ))}
        </nav>
      ) : null}
      <ActionNotice data={result} />

      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="requests">
            <h2 id="requests">Requests to answer</h2>
            {data.requests.length === 0 ? (
              <p className="empty-state">No pending requests.</p>
            ) : (
              <ul className="meeting-list">
                {data.requests.map((m) => (
                  <MeetingItem key={m.id} meeting={m} proposeSlots={data.freeSlots} />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="meetings">
            <h2 id="meetings">My meetings at this stop</h2>
            {data.meetings.length === 0 ? (
              <p className="empty-state">No meetings yet. Once you accept a request it appears here.</p>
            ) : (
              <ul className="meeting-list">
                {data.meetings.map((m) => (
                  <MeetingItem key={m.id} meeting={m} proposeSlots={data.freeSlots} />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="who-to-meet">
            <h2 id="who-to-meet">Who do you want to meet?</h2>
            <p>
              The organisers’ scheduler books meetings between people who marked each other.{" "}
              <Link to={`/roadshows/${data.event.slug}#meet-cities`}>Mark the cities and projects registered for this roadshow</Link> (must meet, would like, no
              thanks).
            </p>
          </section>
          {data.attendees ? (
            <section className="card" aria-labelledby="attending">
              <h2 id="attending">Attending {data.stop.city}</h2>
              <p className="tz-note">
                The cities and projects who will be in {data.stop.city} (they ticked this stop or booked a meeting here): the scheduler pairs you only with them
                at this stop.
              </p>
              {data.attendees.length === 0 ? (
                <p className="empty-state">No city or project has said it attends {data.stop.city} yet.</p>
              ) : (
                <ul className="meeting-list">
                  {data.attendees.map((a) => (
                    <li key={a.id} className="meeting-item">
                      <div className="meeting-item__head">
                        <strong>{a.name}</strong>
                        {a.preference ? <span className="badge badge--picked">{preferenceLabel(a.preference)}</span> : null}
                      </div>
                      {a.jobTitle || a.organisation ? <div className="tz-note">{[a.jobTitle, a.organisation].filter(Boolean).join(" · ")}</div> : null}
                      <PreferenceForm toUserId={a.id} name={a.name} current={a.preference} idScope="attending" />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <PreviousOutcomes items={data.previous} />
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="slots">
            <h2 id="slots">My slots</h2>
            {data.slotDays.length === 0 ? (
              <p className="empty-state">You have not published any availability at this stop yet.</p>
            ) : (
              data.slotDays.map((day) => (
                <div key={day.day}>
                  <h3 className="slot-day">{day.day}</h3>
                  <ul className="slot-list">
                    {day.slots.map((slot) => (
                      <li key={slot.startsAt} className={`slot slot--${slot.status.toLowerCase()}`}>
                        <span>
                          {slot.label} <abbr className="tz-note">{slot.zoneName}</abbr>
                        </span>
                        <span className="tz-note">
                          {slot.meeting
                            ? `${slot.meeting.status === "CONFIRMED" ? "Meeting" : "Requested"}: ${slot.meeting.who}`
                            : slot.status === "PAST"
                              ? "Past"
                              : slot.status === "TAKEN"
                                ? "Taken"
                                : "Free"}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>

          <section className="card" aria-labelledby="availability">
            <h2 id="availability">My availability</h2>
            {data.windows.length > 0 ? (
              <ul className="meeting-list">
                {data.windows.map((w) => (
                  <li key={w.id} className="meeting-item">
                    <div>{w.when}</div>
                    <div className="tz-note">
                      {w.slotMinutes}-minute slots{w.bufferMinutes ? `, ${w.bufferMinutes} min pause` : ""}
                      {w.onlineUrl ? " · online" : ""}
                    </div>
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove-window" />
                      <input type="hidden" name="availabilityId" value={w.id} />
                      <button type="submit" className="button button--small button--ghost">
                        Remove window
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : null}
            <Form method="post" className="stack" aria-labelledby="add-window">
              <h3 id="add-window">Add a window</h3>
              <CsrfField />
              <input type="hidden" name="intent" value="publish" />
              {publishing && fieldErrors["windows.0"] ? (
                <p className="notice notice--error" role="alert">
                  {fieldErrors["windows.0"]}
                </p>
              ) : null}
              <TextField label={`From (${data.stop.zoneName})`} {...window.start} type="datetime-local" required />
              <TextField label={`Until (${data.stop.zoneName})`} {...window.end} type="datetime-local" required />
              <TextField label="Slot length (minutes)" {...window.slotMinutes} type="number" min={10} max={240} step={5} required />
              <TextField label="Pause between slots (minutes)" {...window.bufferMinutes} type="number" min={0} max={120} step={5} required />
              <TextField label="Online meeting link (optional)" {...window.onlineUrl} type="url" hint="Leave empty to meet at a table at the venue." />
              <button type="submit" className="button">
                Publish availability
              </button>
            </Form>
          </section>
        </div>
      </div>
    </article>
  );
}
