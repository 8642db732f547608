// Sections of the roadshow's meeting page: the cities and projects a host can mark, and one stop
// (my requests and meetings there, the investors with free slots and the request form). Plain
// props: the shapes below are what the page's loader returns.
import { Form } from "@remix-run/react";
import { MeetingItem, PreferenceForm, preferenceLabel, type MeetingCardData } from "~/components/meetings/meeting-parts";
import { bindFields, CsrfField, SelectField, TextAreaField } from "~/components/ui/forms";
import { roadshowActionSchema } from "~/domain/meetings/meeting-forms";

export interface CandidateData {
  id: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  kind: string | null;
  themes: string[];
  seeks: string | null;
  reasons: string;
  recommended: boolean;
  preference: string | null;
  stops: string[];
}

export function CandidatesSection({ candidates }: { candidates: CandidateData[] }) {
  return (
    <section className="card" aria-labelledby="candidates" id="meet-cities">
      <h2 id="candidates">Cities and projects to meet</h2>
      <p className="tz-note">
        Everyone with a confirmed registration for this roadshow. Mark who you want to meet: the organisers’ scheduler books a meeting when both sides asked for
        it (must-meet first), at a free slot of yours.
      </p>
      {candidates.length === 0 ? (
        <p className="empty-state">No city or project is registered yet.</p>
      ) : (
        <ol className="meeting-list">
          {candidates.map((c) => (
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
  );
}

export interface StopHostData {
  id: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  ticket: string | null;
  preference: string | null;
  freeCount: number;
  days: { day: string; slots: { startsAt: string; label: string; zoneName: string }[] }[];
}

export interface StopSectionData {
  id: string;
  city: string;
  when: string;
  venueName: string | null;
  displayZone: string;
  displayZoneName: string;
  hosts: StopHostData[];
  meetings: (MeetingCardData & { otherId: string })[];
}

export function StopSection({
  stop,
  attendance,
  participant,
  failedRequest,
}: {
  stop: StopSectionData;
  /** The stops the viewer ticked, when the viewer can tick stops. */
  attendance: { stopIds: string[] } | null;
  participant: boolean;
  /** The values of a refused request form, to fill it in again. */
  failedRequest: Record<string, string> | null;
}) {
  const fields = bindFields(roadshowActionSchema);
  return (
    <section className="card stop-section" aria-labelledby={`stop-${stop.id}`}>
      <h2 id={`stop-${stop.id}`}>{stop.city}</h2>
      <p className="tz-note">
        {stop.when}
        {stop.venueName ? ` · ${stop.venueName}` : ""}. Slot times in {stop.displayZone.replace(/_/g, " ")} ({stop.displayZoneName}).
      </p>
      {attendance && !attendance.stopIds.includes(stop.id) ? (
        <p className="tz-note">You have not ticked {stop.city} as a stop you attend; requesting a meeting here ticks it.</p>
      ) : null}

      {stop.meetings.length > 0 ? (
        <>
          <h3>My requests and meetings</h3>
          <ul className="meeting-list">
            {stop.meetings.map((m) => {
              const host = stop.hosts.find((h) => h.id === m.otherId);
              const slots = host ? host.days.flatMap((d) => d.slots.map((s) => ({ startsAt: s.startsAt, label: `${d.day}, ${s.label} ${s.zoneName}` }))) : [];
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
                <div className="tz-note">{[host.jobTitle, host.organisation, host.ticket ? `invests ${host.ticket}` : null].filter(Boolean).join(" · ")}</div>
                {host.freeCount === 0 ? (
                  <p className="tz-note">No free slots left at this stop.</p>
                ) : participant ? (
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
                {participant ? <PreferenceForm toUserId={host.id} name={host.name} current={host.preference} idScope={stop.id} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
