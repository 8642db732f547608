// The organiser's event form, shared by "Create an event" and the event's settings. Times are
// typed as wall-clock times in the chosen zone; the server reads them there.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { bindFields, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { EVENT_KINDS, KIND_LABELS, THEMES, THEME_LABELS } from "~/domain/kernel/vocabulary";
import { eventForm } from "~/domain/events/event-forms";
import { ATTENDANCE_MODES, MODE_LABELS, SUMMARY_MAX } from "~/domain/events/event-input";

/** Field values as text; `themes` is a comma-separated list. */
export type EventFormDefaults = Partial<Record<string, string>>;

interface EventFormProps {
  defaults: EventFormDefaults;
  errors: Record<string, string>;
  timeZones: string[];
  submitLabel: string;
  /** Settings: the optimistic-locking version the form was drawn from. */
  version?: string;
  disabled?: boolean;
}

export function EventForm({ defaults, errors, timeZones, submitLabel, version, disabled }: EventFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "publish";
  const [mode, setMode] = useState(defaults.mode ?? "IN_PERSON");
  // Without JavaScript every field shows (the server ignores the ones the mode does not use);
  // once hydrated, only the fields of the chosen mode do.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [zone, setZone] = useState(defaults.timeZone ?? "Europe/Brussels");
  const fields = bindFields(eventForm, { errors, values: defaults });
  const zoneOptions: Array<[string, string]> = (timeZones.includes(zone) ? timeZones : [zone, ...timeZones]).map((z) => [z, z.replace(/_/g, " ")]);
  const zoneLabel = zone.replace(/_/g, " ");
  return (
    <Form method="post" noValidate className="event-form">
      <CsrfField />
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <input type="hidden" name="intent" value="save" />
      <fieldset className="event-form__section" disabled={disabled}>
        <legend>About the event</legend>
        <TextField label="Title" {...fields.title} required maxLength={160} />
        <div className="reg-form-row">
          <SelectField label="Kind" {...fields.kind} defaultValue={defaults.kind ?? "WORKSHOP"} options={EVENT_KINDS.map((k) => [k, KIND_LABELS[k]])} />
        </div>
        <TextAreaField
          label="Summary"
          {...fields.summary}
          rows={2}
          maxLength={SUMMARY_MAX}
          hint={`One or two sentences for the catalogue, at most ${SUMMARY_MAX} characters.`}
        />
        <TextAreaField label="Description" {...fields.description} rows={7} hint="The programme, who it is for, what to bring. Optional." />
        <ChoiceGroup legend="Themes" className="checkbox-group" {...fields.themes} options={THEMES.map((theme) => [theme, THEME_LABELS[theme]])} />
      </fieldset>

      <fieldset className="event-form__section" disabled={disabled}>
        <legend>When</legend>
        <SelectField
          label="Time zone"
          {...fields.timeZone}
          defaultValue={zone}
          hint="Where the event happens; start and end are clock times there."
          options={zoneOptions}
          onChange={setZone}
        />
        <div className="reg-form-row">
          <TextField label="Starts" {...fields.startsAt} type="datetime-local" required hint={`${zoneLabel} time`} />
          <TextField label="Ends" {...fields.endsAt} type="datetime-local" required hint={`${zoneLabel} time`} />
        </div>
      </fieldset>

      <fieldset className="event-form__section" disabled={disabled}>
        <legend>Where</legend>
        <SelectField label="Attendance" {...fields.mode} defaultValue={mode} options={ATTENDANCE_MODES.map((m) => [m, MODE_LABELS[m]])} onChange={setMode} />
        {!hydrated ? <p className="field__hint">In person and hybrid: fill in the venue. Online and hybrid: give the link.</p> : null}
        <div hidden={hydrated && mode === "ONLINE"}>
          <TextField label="Venue name" {...fields.venueName} maxLength={200} />
          <TextField label="Venue address" {...fields.venueAddress} maxLength={300} hint="Street and number. Optional." />
          <div className="reg-form-row">
            <TextField label="City" {...fields.city} maxLength={100} hint="As attendees know it, e.g. Lisbon" />
            <TextField label="Country" {...fields.country} maxLength={2} autoCapitalize="characters" hint="Two-letter code, e.g. FR, PT, FI" />
          </div>
        </div>
        <div hidden={hydrated && mode === "IN_PERSON"}>
          <TextField
            label="Online link"
            {...fields.onlineUrl}
            type="url"
            inputMode="url"
            maxLength={2000}
            hint="https://… — shown only to registered people, never on public pages."
          />
        </div>
      </fieldset>

      {disabled ? null : (
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Saving…" : submitLabel}
          </button>
        </div>
      )}
    </Form>
  );
}
