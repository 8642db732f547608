// The organiser's timetable editor: a day view (rooms or tracks as columns, time as rows) with
// drag and drop, keyboard and form editing, live conflicts, and publishing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { z } from "zod";
import { EMPTY_SESSION_VALUES, SessionForm, type SessionFormValues } from "~/components/agenda/session-form";
import { TimetableGrid, type GridBlock } from "~/components/agenda/timetable-grid";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { requireAgendaEvent } from "~/domain/agenda/access.server";
import { conflictsBySession } from "~/domain/agenda/conflicts";
import { formatSessionTime } from "~/domain/agenda/display";
import {
  cancelSession,
  createRoom,
  createSession,
  createSpeaker,
  createTrack,
  loadAgendaEditor,
  publishAgenda,
  renameRoom,
  renameSpeaker,
  renameTrack,
  rescheduleSession,
  restoreSession,
  setConflictsAccepted,
  setSessionLinks,
  unpublishAgenda,
  updateSession,
} from "~/domain/agenda/organiser.server";
import { agendaActionFailure } from "~/domain/agenda/route-errors.server";
import { domainErrorResponse } from "~/web/responses.server";
import { editorDayWindow, editorDays, layoutTimetable } from "~/domain/agenda/timetable";
import { SESSION_FORMAT_LABELS } from "~/domain/agenda/types";
import { dayKey, formatDate, formatLocalDateTimeInput, formatRange, formatTime } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Agenda editor — ${data.event.title} — SCALE Events` : "Agenda editor — SCALE Events" }];

const GRANULARITY = 15;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  let data;
  try {
    data = await loadAgendaEditor(user, params.slug ?? "");
  } catch (error) {
    throw domainErrorResponse(error);
  }
  const { event, rooms, tracks, speakers, sessions, conflicts, blocking } = data;
  const zone = event.timeZone;
  const search = new URL(request.url).searchParams;
  const view: "room" | "track" = search.get("view") === "track" ? "track" : "room";
  const editId = search.get("edit");
  const editing = editId ? sessions.find((s) => s.id === editId) ?? null : null;
  const days = editorDays(event, sessions);
  const requestedDay = search.get("day");
  const day = requestedDay && days.includes(requestedDay) ? requestedDay : editing ? dayKey(editing.startsAt, zone) : days[0];
  const columns = (view === "room" ? rooms : tracks).map((c) => ({ id: c.id, name: c.name }));
  const layout = layoutTimetable({
    day,
    timeZone: zone,
    columnKind: view,
    columns,
    sessions,
    granularityMinutes: GRANULARITY,
    window: editorDayWindow(day, zone, sessions),
  });
  const bySession = conflictsBySession(conflicts);
  const trackColor = new Map(tracks.map((t) => [t.id, t.color]));
  const blocks: GridBlock[] = layout.placements.map((p) => ({
    id: p.session.id,
    title: p.session.title,
    time: formatSessionTime(p.session, zone),
    status: p.session.status,
    format: SESSION_FORMAT_LABELS[p.session.format],
    version: p.session.version,
    startsAt: p.session.startsAt.toISOString(),
    endsAt: p.session.endsAt.toISOString(),
    columnIndex: p.columnIndex!,
    startRow: p.startRow,
    rowSpan: p.rowSpan,
    lane: p.lane,
    laneCount: p.laneCount,
    conflicted: bySession.has(p.session.id),
    accepted: p.session.conflictsAccepted,
    color: p.session.trackId ? trackColor.get(p.session.trackId) ?? null : null,
    clippedTop: p.startsBeforeView,
    clippedBottom: p.endsAfterView,
  }));
  const blockingKeys = new Set(blocking.map((c) => `${c.code}|${c.sessionIds.join(",")}|${c.speaker?.speakerIds.join(",") ?? ""}`));
  const versionOf = new Map(sessions.map((s) => [s.id, s.version]));
  const drafts = sessions.filter((s) => s.status === "DRAFT").length;
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      timeZone: zone,
      when: formatRange(event.startsAt, event.endsAt, zone),
      agendaPublishedAt: event.agendaPublishedAt ? `${formatDate(event.agendaPublishedAt, zone)}, ${formatTime(event.agendaPublishedAt, zone)}` : null,
    },
    view,
    day,
    days: days.map((d) => ({ key: d, label: formatDate(new Date(`${d}T12:00:00Z`), "UTC") })),
    columns,
    rows: layout.rows.map((r) => ({ startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), label: r.label, endLabel: formatTime(r.endsAt, zone), onTheHour: r.onTheHour, afterClockChange: r.afterClockChange })),
    blocks,
    unassigned: layout.unassigned.map((p) => ({ id: p.session.id, title: p.session.title, time: formatSessionTime(p.session, zone), status: p.session.status, online: Boolean(p.session.onlineUrl), conflicted: bySession.has(p.session.id) })),
    conflicts: conflicts.map((c) => ({
      key: `${c.code}|${c.sessionIds.join(",")}|${c.speaker?.speakerIds.join(",") ?? ""}`,
      code: c.code,
      message: c.message,
      blocking: blockingKeys.has(`${c.code}|${c.sessionIds.join(",")}|${c.speaker?.speakerIds.join(",") ?? ""}`),
      acceptable: c.code !== "ENDS_BEFORE_START",
      sessions: c.sessionIds.map((id) => ({ id, version: versionOf.get(id) ?? 0, title: sessions.find((s) => s.id === id)?.title ?? "" })),
    })),
    blockingCount: blocking.length,
    drafts,
    sessionCount: sessions.length,
    rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    tracks: tracks.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, organisation: s.organisation, jobTitle: s.jobTitle, linked: Boolean(s.userId) })),
    editing: editing
      ? {
          id: editing.id,
          version: editing.version,
          status: editing.status,
          sequence: editing.sequence,
          taken: editing.taken,
          recordingUrl: editing.recordingUrl ?? "",
          slidesUrl: editing.slidesUrl ?? "",
          when: formatSessionTime(editing, zone),
          values: {
            title: editing.title,
            description: editing.description,
            format: editing.format,
            startsAt: formatLocalDateTimeInput(editing.startsAt, zone),
            endsAt: formatLocalDateTimeInput(editing.endsAt, zone),
            roomId: editing.roomId ?? "",
            trackId: editing.trackId ?? "",
            onlineUrl: editing.onlineUrl ?? "",
            capacity: editing.capacity === null ? "" : String(editing.capacity),
            qaMode: editing.qaMode,
            speakerIds: editing.speakers.map((s) => s.speaker.id),
            themes: editing.themes,
          } satisfies SessionFormValues,
        }
      : null,
    newDefaults: { ...EMPTY_SESSION_VALUES, startsAt: `${day}T09:00`, endsAt: `${day}T10:00` },
  };
}

const INTENTS = [
  "create", "update", "move", "cancel", "restore", "links", "accept", "unaccept", "publish", "unpublish",
  "room-create", "room-rename", "track-create", "track-rename", "speaker-create", "speaker-rename",
] as const;
const intentSchema = z.object({ intent: z.enum(INTENTS, { error: "Unknown action." }) });

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const versionOf = (form: FormData) => {
  const raw = text(form, "version");
  return /^\d+$/.test(raw) ? Number(raw) : -1;
};
const instantOf = (form: FormData, name: string) => {
  const raw = text(form, name);
  return raw ? new Date(raw) : undefined;
};
const columnOf = (form: FormData, name: string) => (form.has(name) ? text(form, name) || null : undefined);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, intentSchema);
  if (!parsed.ok) return formFailure(parsed);
  const { intent } = parsed.data;
  const form = parsed.form;
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "_csrf") values[key] = values[key] ? `${values[key]},${value}` : value;
  try {
    const event = await requireAgendaEvent(user, { slug: params.slug ?? "" });
    const sessionId = text(form, "sessionId");
    switch (intent) {
      case "create": {
        const result = await createSession(user, event.id, form);
        return json({ ok: true as const, intent, notice: `“${result.session.title}” added as a draft.${result.conflicts.some((c) => c.sessionIds.includes(result.session.id)) ? " It has a conflict: see the list." : ""}` });
      }
      case "update": {
        const result = await updateSession(user, event.id, sessionId, form);
        return json({ ok: true as const, intent, notice: `Saved “${result.session.title}”.${result.notified ? ` ${result.notified} attendee(s) will be emailed about the change.` : ""}` });
      }
      case "move": {
        const result = await rescheduleSession(user, event.id, sessionId, {
          version: versionOf(form),
          startsAt: instantOf(form, "startsAt"),
          endsAt: instantOf(form, "endsAt"),
          roomId: columnOf(form, "roomId"),
          trackId: columnOf(form, "trackId"),
        });
        return json({ ok: true as const, intent, notice: `Moved “${result.session.title}”.${result.notified ? ` ${result.notified} attendee(s) will be emailed.` : ""}` });
      }
      case "cancel": {
        const result = await cancelSession(user, event.id, sessionId, versionOf(form));
        return json({ ok: true as const, intent, notice: `Cancelled “${result.session.title}”.${result.notified ? ` ${result.notified} attendee(s) will be emailed.` : ""}` });
      }
      case "restore": {
        const result = await restoreSession(user, event.id, sessionId, versionOf(form));
        return json({ ok: true as const, intent, notice: `“${result.session.title}” is back on the agenda.` });
      }
      case "links": {
        await setSessionLinks(user, event.id, sessionId, versionOf(form), { recordingUrl: text(form, "recordingUrl"), slidesUrl: text(form, "slidesUrl") });
        return json({ ok: true as const, intent, notice: "Recording and slides saved." });
      }
      case "accept":
      case "unaccept": {
        const sessions = form.getAll("sessions").flatMap((entry) => {
          const [id, version] = String(entry).split(":");
          return id && /^\d+$/.test(version ?? "") ? [{ id, version: Number(version) }] : [];
        });
        await setConflictsAccepted(user, event.id, sessions, intent === "accept");
        return json({ ok: true as const, intent, notice: intent === "accept" ? "Conflict accepted." : "Acceptance withdrawn." });
      }
      case "publish": {
        const result = await publishAgenda(user, event.id);
        return json({ ok: true as const, intent, notice: `Agenda published${result.published ? ` (${result.published} new session${result.published === 1 ? "" : "s"})` : ""}.` });
      }
      case "unpublish":
        await unpublishAgenda(user, event.id);
        return json({ ok: true as const, intent, notice: "Agenda unpublished: only organisers can see it now." });
      case "room-create":
        await createRoom(user, event.id, { name: text(form, "name"), capacity: text(form, "capacity") });
        return json({ ok: true as const, intent, notice: "Room added." });
      case "room-rename":
        await renameRoom(user, event.id, text(form, "id"), text(form, "name"));
        return json({ ok: true as const, intent, notice: "Room renamed." });
      case "track-create":
        await createTrack(user, event.id, { name: text(form, "name"), color: text(form, "color") });
        return json({ ok: true as const, intent, notice: "Track added." });
      case "track-rename":
        await renameTrack(user, event.id, text(form, "id"), text(form, "name"));
        return json({ ok: true as const, intent, notice: "Track renamed." });
      case "speaker-create":
        await createSpeaker(user, event.id, { name: text(form, "name"), jobTitle: text(form, "jobTitle"), organisation: text(form, "organisation"), email: text(form, "email") });
        return json({ ok: true as const, intent, notice: "Speaker added." });
      case "speaker-rename":
        await renameSpeaker(user, event.id, text(form, "id"), text(form, "name"));
        return json({ ok: true as const, intent, notice: "Speaker renamed." });
    }
  } catch (error) {
    const failure = agendaActionFailure(error, values, intent);
    return json(failure.body, { status: failure.status });
  }
}

type ActionResult = { ok: true; intent: string; notice: string } | { ok: false; formError?: string; stale?: boolean; fieldErrors: Record<string, string>; values: Record<string, string>; intent?: string };

export default function AgendaEditor() {
  const data = useLoaderData<typeof loader>();
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const submittingIntent = busy ? navigation.formData?.get("intent") : null;
  const failed = result && !result.ok ? result : null;
  const errorsFor = (intent: string) => (failed && failed.intent === intent ? failed.fieldErrors : {});
  const base = `/organise/events/${data.event.slug}/agenda`;
  const href = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams({ day: data.day, view: data.view });
    if (data.editing) params.set("edit", data.editing.id);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    return `${base}?${params}`;
  };
  const refill = (intent: string, defaults: SessionFormValues): SessionFormValues => {
    if (!failed || failed.intent !== intent) return defaults;
    const v = failed.values;
    return {
      ...defaults,
      ...Object.fromEntries(Object.entries(v).filter(([k]) => k in defaults && k !== "speakerIds" && k !== "themes")),
      speakerIds: v.speakerIds ? v.speakerIds.split(",") : intent === "create" ? [] : defaults.speakerIds,
      themes: v.themes ? v.themes.split(",") : intent === "create" ? [] : defaults.themes,
    };
  };

  return (
    <div className="editor agenda-ui">
      <p className="breadcrumbs"><Link to={`/events/${data.event.slug}`}>← {data.event.title}</Link></p>
      <div className="section-head section-head--top">
        <div>
          <h1>Agenda editor</h1>
          <p className="tz-note">{data.event.title} · {data.event.when} · times in {data.event.timeZone.replace(/_/g, " ")}</p>
        </div>
        <Link to={`/events/${data.event.slug}/agenda`} className="button button--ghost">View public agenda</Link>
      </div>

      {result?.ok ? <div className="notice notice--success" role="status">{result.notice}</div> : null}
      {failed?.formError ? (
        <div className="notice notice--error" role="alert">
          {failed.stale ? <strong>Changed by someone else — reload. </strong> : null}
          {failed.formError}
          {failed.stale ? <> <a className="button button--small button--ghost" href={href({})}>Reload</a></> : null}
        </div>
      ) : null}

      <section className="card publish-panel" aria-labelledby="publish-title">
        <div>
          <h2 id="publish-title">Publishing</h2>
          <p>
            {data.event.agendaPublishedAt ? <>The agenda is <strong>published</strong> (since {data.event.agendaPublishedAt}).</> : <>The agenda is <strong>not published</strong>: only organisers see it.</>}
            {data.drafts > 0 ? ` ${data.drafts} draft session${data.drafts === 1 ? "" : "s"} will go public when you publish.` : ""}
          </p>
          {data.blockingCount > 0 ? (
            <p className="publish-panel__blocked">Publishing is blocked by {data.blockingCount} conflict{data.blockingCount === 1 ? "" : "s"}: resolve or accept {data.blockingCount === 1 ? "it" : "them"} below.</p>
          ) : null}
        </div>
        <div className="button-row">
          {!data.event.agendaPublishedAt || data.drafts > 0 ? (
            <Form method="post" preventScrollReset>
              <CsrfField />
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button" disabled={busy || data.blockingCount > 0} aria-describedby={data.blockingCount > 0 ? "publish-title" : undefined}>
                {submittingIntent === "publish" ? "Publishing…" : data.event.agendaPublishedAt ? "Publish drafts" : "Publish agenda"}
              </button>
            </Form>
          ) : null}
          {data.event.agendaPublishedAt ? (
            <Form method="post" preventScrollReset>
              <CsrfField />
              <input type="hidden" name="intent" value="unpublish" />
              <button type="submit" className="button button--ghost" disabled={busy}>Unpublish agenda</button>
            </Form>
          ) : null}
        </div>
      </section>

      <section className="card conflicts" aria-labelledby="conflicts-title" aria-live="polite">
        <h2 id="conflicts-title">Conflicts {data.conflicts.length > 0 ? <span className="badge badge--warn">{data.conflicts.length}</span> : null}</h2>
        {data.conflicts.length === 0 ? (
          <p className="conflicts__none">No conflicts: no double-booked rooms or speakers, every session within the event.</p>
        ) : (
          <ul className="conflict-list">
            {data.conflicts.map((conflict) => (
              <li key={conflict.key} className={conflict.blocking ? "conflict conflict--blocking" : "conflict conflict--accepted"}>
                <div>
                  <span className="conflict__kind">{conflict.blocking ? "Blocks publishing" : "Accepted"}</span>
                  <p>{conflict.message}</p>
                  <p className="conflict__links">
                    {conflict.sessions.map((s) => <Link key={s.id} to={href({ edit: s.id })} preventScrollReset>Edit “{s.title}”</Link>)}
                  </p>
                </div>
                {conflict.acceptable ? (
                  <Form method="post" preventScrollReset>
                    <CsrfField />
                    <input type="hidden" name="intent" value={conflict.blocking ? "accept" : "unaccept"} />
                    {conflict.sessions.map((s) => <input key={s.id} type="hidden" name="sessions" value={`${s.id}:${s.version}`} />)}
                    <button type="submit" className="button button--small button--ghost" disabled={busy}>
                      {conflict.blocking ? "Accept this conflict" : "Withdraw acceptance"}
                    </button>
                  </Form>
                ) : <span className="tz-note">Fix the times to continue.</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="editor__toolbar">
        <nav aria-label="Days" className="day-tabs">
          {data.days.map((day) => (
            <Link key={day.key} to={href({ day: day.key, edit: null })} className={day.key === data.day ? "day-tab is-current" : "day-tab"} aria-current={day.key === data.day ? "page" : undefined} preventScrollReset>
              {day.label}
            </Link>
          ))}
        </nav>
        <nav aria-label="Columns" className="view-toggle">
          <Link to={href({ view: "room" })} className={data.view === "room" ? "is-current" : undefined} aria-current={data.view === "room" ? "page" : undefined} preventScrollReset>By room</Link>
          <Link to={href({ view: "track" })} className={data.view === "track" ? "is-current" : undefined} aria-current={data.view === "track" ? "page" : undefined} preventScrollReset>By track</Link>
        </nav>
      </div>
      <p className="tz-note editor__help">Drag a session to move it, drag its bottom edge to change its length (snaps to {GRANULARITY} minutes). With the keyboard: focus a session, use the arrow keys (Shift+↑/↓ to resize), Enter to save, Escape to cancel. Or select it and use the form.</p>

      {data.columns.length === 0 ? (
        <div className="empty-state">
          <h2>No {data.view === "room" ? "rooms" : "tracks"} yet</h2>
          <p>Add {data.view === "room" ? "a room" : "a track"} below to lay out the timetable.</p>
        </div>
      ) : (
        <TimetableGrid
          rows={data.rows}
          columns={data.columns}
          blocks={data.blocks}
          columnKind={data.view}
          csrfToken={root?.csrfToken ?? ""}
          editHref={(id) => href({ edit: id })}
          selectedId={data.editing?.id ?? null}
        />
      )}
      {data.unassigned.length > 0 ? (
        <section className="card unassigned" aria-labelledby="unassigned-title">
          <h2 id="unassigned-title">Not in a {data.view} column</h2>
          <ul className="link-list">
            {data.unassigned.map((s) => (
              <li key={s.id}>
                <Link to={href({ edit: s.id })} preventScrollReset>{s.title}</Link> <span className="tz-note">{s.time}{s.online ? " · online" : ""}{s.status === "DRAFT" ? " · draft" : ""}{s.status === "CANCELLED" ? " · cancelled" : ""}</span>
                {s.conflicted ? <span className="badge badge--warn">Conflict</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="editor__forms two-col">
        {data.editing ? (
          <section className="card" aria-labelledby="edit-title" id="edit">
            <div className="section-head section-head--flush">
              <h2 id="edit-title">Edit “{data.editing.values.title}”</h2>
              <Link to={href({ edit: null })} preventScrollReset className="button button--small button--ghost">Close</Link>
            </div>
            <p className="tz-note">
              {data.editing.when} · {data.editing.status.toLowerCase()} · version {data.editing.version}
              {data.editing.taken > 0 ? ` · ${data.editing.taken} attendee(s) picked it` : ""}
            </p>
            <SessionForm
              mode="update"
              formKey={`edit-${data.editing.id}-${data.editing.version}`}
              sessionId={data.editing.id}
              version={data.editing.version}
              values={refill("update", data.editing.values)}
              errors={errorsFor("update")}
              timeZone={data.event.timeZone}
              rooms={data.rooms}
              tracks={data.tracks}
              speakers={data.speakers}
              busy={submittingIntent === "update"}
            />
            <details className="subsection">
              <summary>Recording and slides</summary>
              <Form method="post" preventScrollReset key={`links-${data.editing.version}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="links" />
                <input type="hidden" name="sessionId" value={data.editing.id} />
                <input type="hidden" name="version" value={data.editing.version} />
                <TextField label="Recording URL" name="recordingUrl" type="url" defaultValue={data.editing.recordingUrl} error={errorsFor("links").recordingUrl} hint="Shown on the session page after it ends." />
                <TextField label="Slides URL" name="slidesUrl" type="url" defaultValue={data.editing.slidesUrl} error={errorsFor("links").slidesUrl} />
                <button type="submit" className="button button--small" disabled={busy}>Save links</button>
              </Form>
            </details>
            <Form method="post" preventScrollReset className="danger-zone">
              <CsrfField />
              <input type="hidden" name="intent" value={data.editing.status === "CANCELLED" ? "restore" : "cancel"} />
              <input type="hidden" name="sessionId" value={data.editing.id} />
              <input type="hidden" name="version" value={data.editing.version} />
              <button type="submit" className="button button--small button--ghost" disabled={busy}>
                {data.editing.status === "CANCELLED" ? "Restore session" : "Cancel session"}
              </button>
              {data.editing.status === "PUBLISHED" ? <span className="tz-note">Attendees who picked it are emailed.</span> : null}
            </Form>
          </section>
        ) : null}
        <section className="card" aria-labelledby="create-title">
          <h2 id="create-title">Add a session</h2>
          <SessionForm
            mode="create"
            formKey="create"
            resetOn={result?.ok && result.intent === "create" ? result : undefined}
            values={refill("create", data.newDefaults)}
            errors={errorsFor("create")}
            timeZone={data.event.timeZone}
            rooms={data.rooms}
            tracks={data.tracks}
            speakers={data.speakers}
            busy={submittingIntent === "create"}
          />
        </section>
      </div>

      <section className="card resources" aria-labelledby="resources-title">
        <h2 id="resources-title">Rooms, tracks and speakers</h2>
        <div className="resources__grid">
          <ResourceList
            title="Rooms"
            kind="room"
            items={data.rooms.map((r) => ({ id: r.id, name: r.name, note: r.capacity ? `${r.capacity} seats` : null }))}
            errors={(intent) => errorsFor(intent)}
            busy={busy}
            extra={<TextField label="Seats (optional)" name="capacity" type="number" min={1} error={errorsFor("room-create").capacity} />}
          />
          <ResourceList
            title="Tracks"
            kind="track"
            items={data.tracks.map((t) => ({ id: t.id, name: t.name, note: null, color: t.color }))}
            errors={(intent) => errorsFor(intent)}
            busy={busy}
            extra={<div className="field"><label htmlFor="track-color">Colour</label><input id="track-color" type="color" name="color" defaultValue="#0b5cad" /></div>}
          />
          <ResourceList
            title="Speakers"
            kind="speaker"
            items={data.speakers.map((s) => ({ id: s.id, name: s.name, note: [s.jobTitle, s.organisation, s.linked ? "has an account" : null].filter(Boolean).join(" · ") || null }))}
            errors={(intent) => errorsFor(intent)}
            busy={busy}
            extra={
              <>
                <TextField label="Job title" name="jobTitle" error={errorsFor("speaker-create").jobTitle} />
                <TextField label="Organisation" name="organisation" error={errorsFor("speaker-create").organisation} />
                <TextField label="Account email (optional)" name="email" type="email" error={errorsFor("speaker-create").email} hint="Links a platform user, so double bookings are caught across their entries." />
              </>
            }
          />
        </div>
      </section>
    </div>
  );
}

function ResourceList(props: {
  title: string;
  kind: "room" | "track" | "speaker";
  items: { id: string; name: string; note: string | null; color?: string }[];
  errors: (intent: string) => Record<string, string>;
  busy: boolean;
  extra?: React.ReactNode;
}) {
  const createErrors = props.errors(`${props.kind}-create`);
  const renameErrors = props.errors(`${props.kind}-rename`);
  return (
    <div className="resource">
      <h3>{props.title}</h3>
      {props.items.length === 0 ? <p className="tz-note">None yet.</p> : null}
      <ul className="resource__list">
        {props.items.map((item) => (
          <li key={item.id}>
            <Form method="post" preventScrollReset className="rename-form">
              <CsrfField />
              <input type="hidden" name="intent" value={`${props.kind}-rename`} />
              <input type="hidden" name="id" value={item.id} />
              {item.color ? <span className="swatch" style={{ background: item.color }} aria-hidden="true" /> : null}
              <label className="visually-hidden" htmlFor={`rename-${item.id}`}>Name of {item.name}</label>
              <input id={`rename-${item.id}`} name="name" defaultValue={item.name} required maxLength={120} />
              <button type="submit" className="button button--small button--ghost" disabled={props.busy}>Rename</button>
            </Form>
            {item.note ? <span className="tz-note">{item.note}</span> : null}
          </li>
        ))}
      </ul>
      {renameErrors.name ? <p className="field__error" role="alert">{renameErrors.name}</p> : null}
      <details className="subsection">
        <summary>Add a {props.kind}</summary>
        <Form method="post" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value={`${props.kind}-create`} />
          <TextField label={`${props.kind[0].toUpperCase()}${props.kind.slice(1)} name`} name="name" required maxLength={120} error={createErrors.name} />
          {props.extra}
          <button type="submit" className="button button--small" disabled={props.busy}>Add {props.kind}</button>
        </Form>
      </details>
    </div>
  );
}
