// Building blocks of the meeting pages. Every action is its own small POST form (works without
// JavaScript) carrying the CSRF token, an `intent` and the meeting id.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { bindFields, CheckboxField, CsrfField, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { outcomeForm, preferenceForm, proposeForm } from "~/domain/meetings/meeting-forms";
import type { MeetingCard } from "~/domain/meetings/views.server";

/** What a meeting card shows: the domain's view of a meeting, minus the fields pages group by. */
export type MeetingCardData = Omit<MeetingCard, "otherId" | "day" | "time">;

const STATUS_LABELS: Record<string, string> = {
  REQUESTED: "Requested",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge meeting-status meeting-status--${status.toLowerCase()}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function ActionButton({
  intent,
  meetingId,
  label,
  ghost,
  extra,
  confirmLabel,
}: {
  intent: string;
  meetingId?: string;
  label: string;
  ghost?: boolean;
  extra?: Record<string, string>;
  confirmLabel?: string;
}) {
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--small${ghost ? " button--ghost" : ""}`} aria-label={confirmLabel}>
        {label}
      </button>
    </Form>
  );
}

export function ProposeForm({ meetingId, slots }: { meetingId: string; slots: { startsAt: string; label: string }[] }) {
  if (slots.length === 0) return null;
  return (
    <details className="meeting-more">
      <summary>Propose another time</summary>
      <Form method="post" className="meeting-inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value="propose" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <SelectField
          label="Another free slot"
          id={`propose-${meetingId}`}
          name={bindFields(proposeForm).startsAt.name}
          required
          options={slots.map((s) => [s.startsAt, s.label])}
        />
        <button type="submit" className="button button--small">
          Send proposal
        </button>
      </Form>
    </details>
  );
}

export function OutcomeForm({ meeting }: { meeting: MeetingCardData }) {
  const o = meeting.outcome;
  const fields = bindFields(outcomeForm, { values: { nextStep: o?.nextStep ?? "", notes: o?.notes ?? "" } });
  return (
    <details className="meeting-more" open={!o}>
      <summary>{o ? "Edit the outcome" : "Record the outcome"}</summary>
      <Form method="post" className="meeting-inline-form">
        <CsrfField />
        <input type="hidden" name="intent" value="outcome" />
        <input type="hidden" name="meetingId" value={meeting.id} />
        <CheckboxField label="We want a follow-up" id={`follow-${meeting.id}`} name={fields.followUp.name} value="yes" defaultChecked={o?.followUp} />
        <TextField label="Next step" id={`next-${meeting.id}`} {...fields.nextStep} maxLength={300} />
        <TextAreaField
          label="Notes"
          id={`notes-${meeting.id}`}
          {...fields.notes}
          hint="Only members of your organisation can read these."
          rows={3}
          maxLength={2000}
        />
        <button type="submit" className="button button--small">
          Save outcome
        </button>
      </Form>
    </details>
  );
}

/** One meeting with the actions its viewer may take. */
export function MeetingItem({
  meeting,
  proposeSlots,
  children,
}: {
  meeting: MeetingCardData;
  proposeSlots?: { startsAt: string; label: string }[];
  children?: ReactNode;
}) {
  const answerable = meeting.side === "host" && meeting.status === "REQUESTED";
  return (
    <li className={`meeting-item meeting-item--${meeting.status.toLowerCase()}`}>
      <div className="meeting-item__head">
        <strong>{meeting.otherName}</strong>
        <StatusBadge status={meeting.status} />
        {meeting.noShow ? <span className="badge badge--warn">No-show</span> : null}
      </div>
      {meeting.otherTitle ? <div className="tz-note">{meeting.otherTitle}</div> : null}
      <div>{meeting.when}</div>
      <div className="tz-note">{meeting.place}</div>
      {meeting.onlineUrl ? (
        <div>
          <a href={meeting.onlineUrl}>Join online</a>
        </div>
      ) : null}
      {meeting.message ? <blockquote className="meeting-message">“{meeting.message}”</blockquote> : null}
      {meeting.expires && meeting.status === "REQUESTED" ? (
        <div className="tz-note">
          {answerable ? "Answer before" : "Waiting for an answer until"} {meeting.expires}
        </div>
      ) : null}
      {meeting.proposal ? (
        <div className="notice notice--info meeting-proposal">
          {meeting.proposal.byMe ? (
            <>
              You proposed {meeting.proposal.when}; waiting for {meeting.otherName}.
            </>
          ) : (
            <>
              {meeting.otherName} proposes {meeting.proposal.when}.
            </>
          )}
          {!meeting.proposal.byMe ? (
            <div className="meeting-actions">
              <ActionButton intent="accept-proposal" meetingId={meeting.id} label="Accept the new time" />
              <ActionButton intent="reject-proposal" meetingId={meeting.id} label="Keep the current time" ghost />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="meeting-actions">
        {answerable ? (
          <>
            <ActionButton intent="accept" meetingId={meeting.id} label="Accept" confirmLabel={`Accept the meeting with ${meeting.otherName}`} />
            <ActionButton intent="decline" meetingId={meeting.id} label="Decline" ghost confirmLabel={`Decline the meeting with ${meeting.otherName}`} />
          </>
        ) : null}
        {meeting.canCancel && !answerable ? (
          <ActionButton
            intent="cancel"
            meetingId={meeting.id}
            label={meeting.status === "REQUESTED" ? "Withdraw request" : "Cancel meeting"}
            ghost
            confirmLabel={`${meeting.status === "REQUESTED" ? "Withdraw the request to" : "Cancel the meeting with"} ${meeting.otherName}`}
          />
        ) : null}
        {meeting.status === "CONFIRMED" ? (
          <a className="button button--small button--ghost" href={`/meetings/${meeting.id}/calendar.ics`}>
            Add to calendar
          </a>
        ) : null}
      </div>
      {meeting.canPropose && proposeSlots ? <ProposeForm meetingId={meeting.id} slots={proposeSlots} /> : null}
      {meeting.canRecordOutcome ? <OutcomeForm meeting={meeting} /> : null}
      {meeting.outcome ? (
        <p className="tz-note">
          Outcome: {meeting.outcome.followUp ? "follow-up wanted" : "no follow-up"}
          {meeting.outcome.nextStep ? ` · next step: ${meeting.outcome.nextStep}` : ""}
        </p>
      ) : null}
      {children}
    </li>
  );
}

export function ActionNotice({ data }: { data: unknown }) {
  const result = data as { ok?: boolean; notice?: string; formError?: string } | undefined;
  if (!result) return null;
  if (result.ok && result.notice)
    return (
      <div className="notice notice--success" role="status">
        {result.notice}
      </div>
    );
  if (!result.ok && result.formError)
    return (
      <div className="notice notice--error" role="alert">
        {result.formError}
      </div>
    );
  return null;
}

export interface PreviousOutcomeData {
  meetingId: string;
  otherName: string;
  when: string;
  followUp: boolean;
  nextStep: string | null;
  notes: string | null;
}

export function PreviousOutcomes({ items }: { items: PreviousOutcomeData[] }) {
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="previous-outcomes">
      <h2 id="previous-outcomes">From earlier stops</h2>
      <p className="tz-note">What your organisation recorded after earlier meetings of this roadshow (only your organisation sees this).</p>
      <ul className="meeting-list">
        {items.map((p) => (
          <li key={p.meetingId} className="meeting-item">
            <strong>{p.otherName}</strong> <span className="tz-note">{p.when}</span>
            <div>
              {p.followUp ? "Follow-up wanted" : "No follow-up"}
              {p.nextStep ? ` · Next step: ${p.nextStep}` : ""}
            </div>
            {p.notes ? <div className="tz-note">{p.notes}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The marks the scheduler reads ("No mark" clears one), as the preference form offers them. */
export const PREFERENCE_CHOICES = [
  { value: "MUST_MEET", label: "Must meet" },
  { value: "WOULD_LIKE", label: "Would like to meet" },
  { value: "NO_THANKS", label: "No thanks" },
  { value: "NONE", label: "No mark" },
] as const;

export function preferenceLabel(level: string | null): string | null {
  return PREFERENCE_CHOICES.find((c) => c.value === level)?.label ?? null;
}

/**
 * "Must meet / would like / no thanks" about one person. `idScope` keeps the ids unique when
 * the same person is listed more than once on a page (one host card per stop).
 */
export function PreferenceForm({ toUserId, name, current, idScope }: { toUserId: string; name: string; current: string | null; idScope?: string }) {
  const id = `pref-${idScope ? `${idScope}-` : ""}${toUserId}`;
  return (
    <Form method="post" className="preference-form">
      <CsrfField />
      <input type="hidden" name="intent" value="preference" />
      <input type="hidden" name="toUserId" value={toUserId} />
      <label htmlFor={id}>Your interest in {name}</label>
      <select id={id} name={bindFields(preferenceForm).level.name} defaultValue={current ?? "NONE"}>
        {PREFERENCE_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small button--ghost">
        Save mark
      </button>
    </Form>
  );
}
