// The organiser's session form: create, or edit (the keyboard/form alternative to drag and drop).
// Times are typed in the event's zone.
import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { bindFields, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { createSessionForm, updateSessionForm } from "~/domain/agenda/agenda-forms";
import { SESSION_FORMATS, SESSION_FORMAT_LABELS } from "~/domain/agenda/types";
import { THEME_LABELS, THEMES } from "~/domain/kernel/vocabulary";

export interface SessionFormValues {
  title: string;
  description: string;
  format: string;
  startsAt: string;
  endsAt: string;
  roomId: string;
  trackId: string;
  onlineUrl: string;
  capacity: string;
  qaMode: string;
  speakerIds: string[];
  themes: string[];
}

export const EMPTY_SESSION_VALUES: SessionFormValues = {
  title: "",
  description: "",
  format: "TALK",
  startsAt: "",
  endsAt: "",
  roomId: "",
  trackId: "",
  onlineUrl: "",
  capacity: "",
  qaMode: "OPEN",
  speakerIds: [],
  themes: [],
};

const QA_MODE_OPTIONS = [
  ["OPEN", "Open: questions appear as they are asked"],
  ["PREMODERATED", "Moderated: a moderator approves each question first"],
] as const;

export function SessionForm(props: {
  mode: "create" | "update";
  sessionId?: string;
  version?: number;
  values: SessionFormValues;
  errors: Record<string, string>;
  timeZone: string;
  rooms: { id: string; name: string }[];
  tracks: { id: string; name: string }[];
  speakers: { id: string; name: string; organisation: string | null }[];
  busy: boolean;
  /** Changes the form's identity so defaults reset after a save. */
  formKey: string;
  /** A new value (e.g. the action result of a successful create) empties the form. */
  resetOn?: unknown;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (props.resetOn) formRef.current?.reset();
  }, [props.resetOn]);
  const prefix = props.mode === "create" ? "new" : "edit";
  const fields = bindFields(props.mode === "create" ? createSessionForm : updateSessionForm, { errors: props.errors, values: props.values });
  const zone = props.timeZone.replace(/_/g, " ");
  return (
    <Form
      method="post"
      key={props.formKey}
      ref={formRef}
      className="session-form"
      noValidate
      preventScrollReset
      aria-label={props.mode === "create" ? "Add a session" : "Edit session"}
    >
      <CsrfField />
      <input type="hidden" name="intent" value={props.mode} />
      {props.sessionId ? <input type="hidden" name="sessionId" value={props.sessionId} /> : null}
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
      <TextField label="Title" {...fields.title} required maxLength={200} />
      <div className="session-form__row">
        <SelectField
          label="Format"
          id={`${prefix}-format`}
          {...fields.format}
          options={SESSION_FORMATS.map((format) => [format, SESSION_FORMAT_LABELS[format]])}
        />
        <TextField label="Seats (optional)" {...fields.capacity} type="number" min={1} inputMode="numeric" hint="Limit for workshops; empty = no limit." />
      </div>
      <div className="session-form__row">
        <TextField label="Starts" {...fields.startsAt} type="datetime-local" step={300} required hint={zone} />
        <TextField label="Ends" {...fields.endsAt} type="datetime-local" step={300} required hint={zone} />
      </div>
      <div className="session-form__row">
        <SelectField
          label="Room"
          id={`${prefix}-room`}
          {...fields.roomId}
          options={[["", "No room (online only)"], ...props.rooms.map((room) => [room.id, room.name] as const)]}
        />
        <SelectField
          label="Track"
          id={`${prefix}-track`}
          {...fields.trackId}
          options={[["", "No track"], ...props.tracks.map((track) => [track.id, track.name] as const)]}
        />
      </div>
      <SelectField
        label="Live Q&A"
        id={`${prefix}-qa-mode`}
        {...fields.qaMode}
        options={QA_MODE_OPTIONS}
        hintBelow
        hint="Moderated suits panels with invited guests; questions already asked keep their state when you switch."
      />
      <TextField
        label="Online join URL (optional)"
        {...fields.onlineUrl}
        type="url"
        hint="Attendees never see it directly: they join through the platform, which records attendance."
      />
      <ChoiceGroup
        legend="Speakers"
        {...fields.speakerIds}
        note={props.speakers.length === 0 ? <p className="field__hint">No speakers yet: add them under “Rooms, tracks and speakers”.</p> : null}
        options={props.speakers.map((speaker) => [
          speaker.id,
          <>
            {speaker.name}
            {speaker.organisation ? <span className="tz-note"> · {speaker.organisation}</span> : null}
          </>,
        ])}
      />
      <ChoiceGroup legend="Themes" {...fields.themes} options={THEMES.map((theme) => [theme, THEME_LABELS[theme]])} />
      <TextAreaField label="Description" id={`${prefix}-description`} {...fields.description} rows={3} />
      <button type="submit" className="button" disabled={props.busy}>
        {props.mode === "create" ? (props.busy ? "Adding…" : "Add session") : props.busy ? "Saving…" : "Save changes"}
      </button>
    </Form>
  );
}
