// The agenda editor's rooms, tracks and speakers: rename in place, add with a small form.
import { Form } from "@remix-run/react";
import { bindFields, CsrfField, FieldError, TextField } from "~/components/ui/forms";
import { roomCreateForm, roomRenameForm, speakerCreateForm, trackCreateForm } from "~/domain/agenda/agenda-forms";
import type { AgendaEditorView, EditorFailure } from "./editor-view";

type Kind = "room" | "track" | "speaker";

export function ResourcesSection({ view, failed, busy }: { view: AgendaEditorView; failed: EditorFailure | null; busy: boolean }) {
  const errorsFor = (intent: string) => (failed && failed.intent === intent ? failed.fieldErrors : {});
  const renameFailure = (kind: Kind) => (failed && failed.intent === `${kind}-rename` ? { id: failed.values.id, errors: failed.fieldErrors } : null);
  const room = bindFields(roomCreateForm, { errors: errorsFor("room-create") });
  const track = bindFields(trackCreateForm, { errors: errorsFor("track-create"), values: { color: "#0b5cad" } });
  const speaker = bindFields(speakerCreateForm, { errors: errorsFor("speaker-create") });
  return (
    <section className="card resources" aria-labelledby="resources-title">
      <h2 id="resources-title">Rooms, tracks and speakers</h2>
      <div className="resources__grid">
        <ResourceList
          title="Rooms"
          kind="room"
          items={view.rooms.map((r) => ({ id: r.id, name: r.name, note: r.capacity ? `${r.capacity} seats` : null }))}
          nameError={room.name.error}
          renameFailure={renameFailure("room")}
          busy={busy}
          extra={<TextField label="Seats (optional)" {...room.capacity} type="number" min={1} />}
        />
        <ResourceList
          title="Tracks"
          kind="track"
          items={view.tracks.map((t) => ({ id: t.id, name: t.name, note: null, color: t.color }))}
          nameError={track.name.error}
          renameFailure={renameFailure("track")}
          busy={busy}
          extra={<TextField label="Colour" id="track-color" type="color" {...track.color} />}
        />
        <ResourceList
          title="Speakers"
          kind="speaker"
          items={view.speakers.map((s) => ({
            id: s.id,
            name: s.name,
            note: [s.jobTitle, s.organisation, s.linked ? "has an account" : null].filter(Boolean).join(" · ") || null,
          }))}
          nameError={speaker.name.error}
          renameFailure={renameFailure("speaker")}
          busy={busy}
          extra={
            <>
              <TextField label="Job title" {...speaker.jobTitle} />
              <TextField label="Organisation" {...speaker.organisation} />
              <TextField
                label="Account email (optional)"
                {...speaker.email}
                type="email"
                hint="Links a platform user, so double bookings are caught across their entries."
              />
            </>
          }
        />
      </div>
    </section>
  );
}

function ResourceList(props: {
  title: string;
  kind: Kind;
  items: { id: string; name: string; note: string | null; color?: string }[];
  nameError?: string;
  /** The rename that was refused: which item, and why. */
  renameFailure: { id?: string; errors: Record<string, string> } | null;
  busy: boolean;
  extra?: React.ReactNode;
}) {
  const rename = bindFields(roomRenameForm, { errors: props.renameFailure?.errors });
  const errorId = `rename-${props.kind}`;
  return (
    <div className="resource">
      <h3>{props.title}</h3>
      {props.items.length === 0 ? <p className="tz-note">None yet.</p> : null}
      <ul className="resource__list">
        {props.items.map((item) => {
          const failed = rename.name.error && props.renameFailure?.id === item.id;
          return (
            <li key={item.id}>
              <Form method="post" preventScrollReset className="rename-form">
                <CsrfField />
                <input type="hidden" name="intent" value={`${props.kind}-rename`} />
                <input type="hidden" name="id" value={item.id} />
                {item.color ? <span className="swatch" style={{ background: item.color }} aria-hidden="true" /> : null}
                <label className="visually-hidden" htmlFor={`rename-${item.id}`}>
                  Name of {item.name}
                </label>
                <input
                  id={`rename-${item.id}`}
                  name={rename.name.name}
                  defaultValue={item.name}
                  required
                  maxLength={120}
                  aria-invalid={failed ? true : undefined}
                  aria-describedby={failed ? `${errorId}-error` : undefined}
                />
                <button type="submit" className="button button--small button--ghost" disabled={props.busy}>
                  Rename
                </button>
              </Form>
              {item.note ? <span className="tz-note">{item.note}</span> : null}
            </li>
          );
        })}
      </ul>
      <FieldError id={errorId} error={rename.name.error} />
      <details className="subsection">
        <summary>Add a {props.kind}</summary>
        <Form method="post" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value={`${props.kind}-create`} />
          <TextField label={`${props.kind[0].toUpperCase()}${props.kind.slice(1)} name`} name="name" required maxLength={120} error={props.nameError} />
          {props.extra}
          <button type="submit" className="button button--small" disabled={props.busy}>
            Add {props.kind}
          </button>
        </Form>
      </details>
    </div>
  );
}
