// The organiser's session form: create, or edit (the keyboard/form alternative to drag and drop).
// Times are typed in the event's zone.
import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CsrfField, TextField } from "~/components/ui/forms";
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
  title: "", description: "", format: "TALK", startsAt: "", endsAt: "", roomId: "", trackId: "", onlineUrl: "", capacity: "", qaMode: "OPEN", speakerIds: [], themes: [],
};

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
  const { values, errors } = props;
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (props.resetOn) formRef.current?.reset();
  }, [props.resetOn]);
  const prefix = props.mode === "create" ? "new" : "edit";
  return (
    <Form method="post" key={props.formKey} ref={formRef} className="session-form" noValidate preventScrollReset aria-label={props.mode === "create" ? "Add a session" : "Edit session"}>
      <CsrfField />
      <input type="hidden" name="intent" value={props.mode} />
      {props.sessionId ? <input type="hidden" name="sessionId" value={props.sessionId} /> : null}
      {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
      <TextField label="Title" name="title" defaultValue={values.title} error={errors.title} required maxLength={200} />
      <div className="session-form__row">
        <div className={`field${errors.format ? " field--invalid" : ""}`}>
          <label htmlFor={`${prefix}-format`}>Format</label>
          <select id={`${prefix}-format`} name="format" defaultValue={values.format}>
            {SESSION_FORMATS.map((format) => <option key={format} value={format}>{SESSION_FORMAT_LABELS[format]}</option>)}
          </select>
          {errors.format ? <p className="field__error" role="alert">{errors.format}</p> : null}
        </div>
        <TextField label="Seats (optional)" name="capacity" type="number" min={1} inputMode="numeric" defaultValue={values.capacity} error={errors.capacity} hint="Limit for workshops; empty = no limit." />
      </div>
      <div className="session-form__row">
        <TextField label="Starts" name="startsAt" type="datetime-local" step={300} defaultValue={values.startsAt} error={errors.startsAt} required hint={props.timeZone.replace(/_/g, " ")} />
        <TextField label="Ends" name="endsAt" type="datetime-local" step={300} defaultValue={values.endsAt} error={errors.endsAt} required hint={props.timeZone.replace(/_/g, " ")} />
      </div>
      <div className="session-form__row">
        <div className={`field${errors.roomId ? " field--invalid" : ""}`}>
          <label htmlFor={`${prefix}-room`}>Room</label>
          <select id={`${prefix}-room`} name="roomId" defaultValue={values.roomId} aria-invalid={errors.roomId ? true : undefined}>
            <option value="">No room (online only)</option>
            {props.rooms.map((room) => <option key={room.id} value={room.id}>{room.name}</option>)}
          </select>
          {errors.roomId ? <p className="field__error" role="alert">{errors.roomId}</p> : null}
        </div>
        <div className={`field${errors.trackId ? " field--invalid" : ""}`}>
          <label htmlFor={`${prefix}-track`}>Track</label>
          <select id={`${prefix}-track`} name="trackId" defaultValue={values.trackId} aria-invalid={errors.trackId ? true : undefined}>
            <option value="">No track</option>
            {props.tracks.map((track) => <option key={track.id} value={track.id}>{track.name}</option>)}
          </select>
          {errors.trackId ? <p className="field__error" role="alert">{errors.trackId}</p> : null}
        </div>
      </div>
      <div className={`field${errors.qaMode ? " field--invalid" : ""}`}>
        <label htmlFor={`${prefix}-qa-mode`}>Live Q&amp;A</label>
        <select id={`${prefix}-qa-mode`} name="qaMode" defaultValue={values.qaMode} aria-describedby={`${prefix}-qa-mode-hint`}>
          <option value="OPEN">Open: questions appear as they are asked</option>
          <option value="PREMODERATED">Moderated: a moderator approves each question first</option>
        </select>
        <p className="field__hint" id={`${prefix}-qa-mode-hint`}>Moderated suits panels with invited guests; questions already asked keep their state when you switch.</p>
        {errors.qaMode ? <p className="field__error" role="alert">{errors.qaMode}</p> : null}
      </div>
      <TextField label="Online join URL (optional)" name="onlineUrl" type="url" defaultValue={values.onlineUrl} error={errors.onlineUrl} hint="Attendees never see it directly: they join through the platform, which records attendance." />
      <fieldset className={`field checkbox-group${errors.speakerIds ? " field--invalid" : ""}`}>
        <legend>Speakers</legend>
        {props.speakers.length === 0 ? <p className="field__hint">No speakers yet: add them under “Rooms, tracks and speakers”.</p> : null}
        <div className="checkbox-group__items">
          {props.speakers.map((speaker) => (
            <label key={speaker.id} className="checkbox">
              <input type="checkbox" name="speakerIds" value={speaker.id} defaultChecked={values.speakerIds.includes(speaker.id)} />
              {speaker.name}{speaker.organisation ? <span className="tz-note"> · {speaker.organisation}</span> : null}
            </label>
          ))}
        </div>
        {errors.speakerIds ? <p className="field__error" role="alert">{errors.speakerIds}</p> : null}
      </fieldset>
      <fieldset className={`field checkbox-group${errors.themes ? " field--invalid" : ""}`}>
        <legend>Themes</legend>
        <div className="checkbox-group__items">
          {THEMES.map((theme) => (
            <label key={theme} className="checkbox">
              <input type="checkbox" name="themes" value={theme} defaultChecked={values.themes.includes(theme)} />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
        {errors.themes ? <p className="field__error" role="alert">{errors.themes}</p> : null}
      </fieldset>
      <div className={`field${errors.description ? " field--invalid" : ""}`}>
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea id={`${prefix}-description`} name="description" rows={3} defaultValue={values.description} />
        {errors.description ? <p className="field__error" role="alert">{errors.description}</p> : null}
      </div>
      <button type="submit" className="button" disabled={props.busy}>
        {props.mode === "create" ? (props.busy ? "Adding…" : "Add session") : props.busy ? "Saving…" : "Save changes"}
      </button>
    </Form>
  );
}
