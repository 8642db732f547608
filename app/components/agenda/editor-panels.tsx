// The agenda editor's panels around the timetable: publishing, the conflict list, the day and
// column switches, and the sessions that have no column in the current view.
import { Form, Link } from "@remix-run/react";
import { CsrfField } from "~/components/ui/forms";
import { GRANULARITY, type AgendaEditorView } from "./editor-view";

type Href = (changes: Record<string, string | null>) => string;

export function PublishPanel({ view, busy, submittingIntent }: { view: AgendaEditorView; busy: boolean; submittingIntent: unknown }) {
  const { event, drafts, blockingCount } = view;
  return (
    <section className="card publish-panel" aria-labelledby="publish-title">
      <div>
        <h2 id="publish-title">Publishing</h2>
        <p>
          {event.agendaPublishedAt ? (
            <>
              The agenda is <strong>published</strong> (since {event.agendaPublishedAt}).
            </>
          ) : (
            <>
              The agenda is <strong>not published</strong>: only organisers see it.
            </>
          )}
          {drafts > 0 ? ` ${drafts} draft session${drafts === 1 ? "" : "s"} will go public when you publish.` : ""}
        </p>
        {blockingCount > 0 ? (
          <p className="publish-panel__blocked">
            Publishing is blocked by {blockingCount} conflict{blockingCount === 1 ? "" : "s"}: resolve or accept {blockingCount === 1 ? "it" : "them"} below.
          </p>
        ) : null}
      </div>
      <div className="button-row">
        {!event.agendaPublishedAt || drafts > 0 ? (
          <Form method="post" preventScrollReset>
            <CsrfField />
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button" disabled={busy || blockingCount > 0} aria-describedby={blockingCount > 0 ? "publish-title" : undefined}>
              {submittingIntent === "publish" ? "Publishing…" : event.agendaPublishedAt ? "Publish drafts" : "Publish agenda"}
            </button>
          </Form>
        ) : null}
        {event.agendaPublishedAt ? (
          <Form method="post" preventScrollReset>
            <CsrfField />
            <input type="hidden" name="intent" value="unpublish" />
            <button type="submit" className="button button--ghost" disabled={busy}>
              Unpublish agenda
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}

export function ConflictsPanel({ conflicts, href, busy }: { conflicts: AgendaEditorView["conflicts"]; href: Href; busy: boolean }) {
  return (
    <section className="card conflicts" aria-labelledby="conflicts-title" aria-live="polite">
      <h2 id="conflicts-title">Conflicts {conflicts.length > 0 ? <span className="badge badge--warn">{conflicts.length}</span> : null}</h2>
      {conflicts.length === 0 ? (
        <p className="conflicts__none">No conflicts: no double-booked rooms or speakers, every session within the event.</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((conflict) => (
            <li key={conflict.key} className={conflict.blocking ? "conflict conflict--blocking" : "conflict conflict--accepted"}>
              <div>
                <span className="conflict__kind">{conflict.blocking ? "Blocks publishing" : "Accepted"}</span>
                <p>{conflict.message}</p>
                <p className="conflict__links">
                  {conflict.sessions.map((s) => (
                    <Link key={s.id} to={href({ edit: s.id })} preventScrollReset>
                      Edit “{s.title}”
                    </Link>
                  ))}
                </p>
              </div>
              {conflict.acceptable ? (
                <Form method="post" preventScrollReset>
                  <CsrfField />
                  <input type="hidden" name="intent" value={conflict.blocking ? "accept" : "unaccept"} />
                  {conflict.sessions.map((s) => (
                    <input key={s.id} type="hidden" name="sessions" value={`${s.id}:${s.version}`} />
                  ))}
                  <button type="submit" className="button button--small button--ghost" disabled={busy}>
                    {conflict.blocking ? "Accept this conflict" : "Withdraw acceptance"}
                  </button>
                </Form>
              ) : (
                <span className="tz-note">Fix the times to continue.</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function EditorToolbar({ view, href }: { view: AgendaEditorView; href: Href }) {
  return (
    <>
      <div className="editor__toolbar">
        <nav aria-label="Days" className="day-tabs">
          {view.days.map((day) => (
            <Link
              key={day.key}
              to={href({ day: day.key, edit: null })}
              className={day.key === view.day ? "day-tab is-current" : "day-tab"}
              aria-current={day.key === view.day ? "page" : undefined}
              preventScrollReset
            >
              {day.label}
            </Link>
          ))}
        </nav>
        <nav aria-label="Columns" className="view-toggle">
          <Link
            to={href({ view: "room" })}
            className={view.view === "room" ? "is-current" : undefined}
            aria-current={view.view === "room" ? "page" : undefined}
            preventScrollReset
          >
            By room
          </Link>
          <Link
            to={href({ view: "track" })}
            className={view.view === "track" ? "is-current" : undefined}
            aria-current={view.view === "track" ? "page" : undefined}
            preventScrollReset
          >
            By track
          </Link>
        </nav>
      </div>
      <p className="tz-note editor__help">
        Drag a session to move it, drag its bottom edge to change its length (snaps to {GRANULARITY} minutes). With the keyboard: focus a session, use the arrow
        keys (Shift+↑/↓ to resize), Enter to save, Escape to cancel. Or select it and use the form.
      </p>
    </>
  );
}

export function UnassignedSessions({ view, href }: { view: AgendaEditorView; href: Href }) {
  if (view.unassigned.length === 0) return null;
  return (
    <section className="card unassigned" aria-labelledby="unassigned-title">
      <h2 id="unassigned-title">Not in a {view.view} column</h2>
      <ul className="link-list">
        {view.unassigned.map((s) => (
          <li key={s.id}>
            <Link to={href({ edit: s.id })} preventScrollReset>
              {s.title}
            </Link>{" "}
            <span className="tz-note">
              {s.time}
              {s.online ? " · online" : ""}
              {s.status === "DRAFT" ? " · draft" : ""}
              {s.status === "CANCELLED" ? " · cancelled" : ""}
            </span>
            {s.conflicted ? <span className="badge badge--warn">Conflict</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
