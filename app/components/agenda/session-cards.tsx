// The agenda editor's session cards: editing the selected session (its form, recording and
// slides, cancel or restore) and adding a new one.
import { Form, Link } from "@remix-run/react";
import { bindFields, CsrfField, TextField } from "~/components/ui/forms";
import { sessionLinksForm } from "~/domain/agenda/agenda-forms";
import { refillSessionValues, type AgendaEditorView, type EditorActionResult, type EditorFailure } from "./editor-view";
import { SessionForm } from "./session-form";

interface CardProps {
  view: AgendaEditorView;
  failed: EditorFailure | null;
  errorsFor: (intent: string) => Record<string, string>;
  busy: boolean;
  submittingIntent: unknown;
}

export function EditSessionCard({ view, failed, errorsFor, busy, submittingIntent, closeHref }: CardProps & { closeHref: string }) {
  const editing = view.editing;
  if (!editing) return null;
  const links = bindFields(sessionLinksForm, { errors: errorsFor("links"), values: { recordingUrl: editing.recordingUrl, slidesUrl: editing.slidesUrl } });
  return (
    <section className="card" aria-labelledby="edit-title" id="edit">
      <div className="section-head section-head--flush">
        <h2 id="edit-title">Edit “{editing.values.title}”</h2>
        <Link to={closeHref} preventScrollReset className="button button--small button--ghost">
          Close
        </Link>
      </div>
      <p className="tz-note">
        {editing.when} · {editing.status.toLowerCase()} · version {editing.version}
        {editing.taken > 0 ? ` · ${editing.taken} attendee(s) picked it` : ""}
      </p>
      <SessionForm
        mode="update"
        formKey={`edit-${editing.id}-${editing.version}`}
        sessionId={editing.id}
        version={editing.version}
        values={refillSessionValues(failed, "update", editing.values)}
        errors={errorsFor("update")}
        timeZone={view.event.timeZone}
        rooms={view.rooms}
        tracks={view.tracks}
        speakers={view.speakers}
        busy={submittingIntent === "update"}
      />
      <details className="subsection">
        <summary>Recording and slides</summary>
        <Form method="post" preventScrollReset key={`links-${editing.version}`}>
          <CsrfField />
          <input type="hidden" name="intent" value="links" />
          <input type="hidden" name="sessionId" value={editing.id} />
          <input type="hidden" name="version" value={editing.version} />
          <TextField label="Recording URL" {...links.recordingUrl} type="url" hint="Shown on the session page after it ends." />
          <TextField label="Slides URL" {...links.slidesUrl} type="url" />
          <button type="submit" className="button button--small" disabled={busy}>
            Save links
          </button>
        </Form>
      </details>
      <Form method="post" preventScrollReset className="danger-zone">
        <CsrfField />
        <input type="hidden" name="intent" value={editing.status === "CANCELLED" ? "restore" : "cancel"} />
        <input type="hidden" name="sessionId" value={editing.id} />
        <input type="hidden" name="version" value={editing.version} />
        <button type="submit" className="button button--small button--ghost" disabled={busy}>
          {editing.status === "CANCELLED" ? "Restore session" : "Cancel session"}
        </button>
        {editing.status === "PUBLISHED" ? <span className="tz-note">Attendees who picked it are emailed.</span> : null}
      </Form>
    </section>
  );
}

export function AddSessionCard({ view, failed, errorsFor, submittingIntent, result }: CardProps & { result: EditorActionResult | undefined }) {
  return (
    <section className="card" aria-labelledby="create-title">
      <h2 id="create-title">Add a session</h2>
      <SessionForm
        mode="create"
        formKey="create"
        resetOn={result?.ok && result.intent === "create" ? result : undefined}
        values={refillSessionValues(failed, "create", view.newDefaults)}
        errors={errorsFor("create")}
        timeZone={view.event.timeZone}
        rooms={view.rooms}
        tracks={view.tracks}
        speakers={view.speakers}
        busy={submittingIntent === "create"}
      />
    </section>
  );
}
