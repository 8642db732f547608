// The agenda editor's view: the loaded agenda laid out for one day and one column kind (rooms or
// tracks), conflicts with the versions needed to accept them, and the session being edited as
// form values in the event's zone. Pure; the route's loader hands it the domain's data.
import { conflictsBySession } from "~/domain/agenda/conflicts";
import { formatSessionTime } from "~/domain/agenda/display";
import type { loadAgendaEditor } from "~/domain/agenda/organiser.server";
import { editorDayWindow, editorDays, layoutTimetable } from "~/domain/agenda/timetable";
import { SESSION_FORMAT_LABELS } from "~/domain/agenda/types";
import { dayKey, formatDate, formatLocalDateTimeInput, formatRange, formatTime } from "~/domain/kernel/time/zoned";
import { EMPTY_SESSION_VALUES, type SessionFormValues } from "./session-form";
import type { GridBlock } from "./timetable-grid";

/** The timetable's rows, in minutes. */
export const GRANULARITY = 15;

export function agendaEditorView(data: Awaited<ReturnType<typeof loadAgendaEditor>>, search: URLSearchParams) {
  const { event, rooms, tracks, speakers, sessions, conflicts, blocking } = data;
  const zone = event.timeZone;
  const view: "room" | "track" = search.get("view") === "track" ? "track" : "room";
  const editId = search.get("edit");
  const editing = editId ? (sessions.find((s) => s.id === editId) ?? null) : null;
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
    color: p.session.trackId ? (trackColor.get(p.session.trackId) ?? null) : null,
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
    rows: layout.rows.map((r) => ({
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      label: r.label,
      endLabel: formatTime(r.endsAt, zone),
      onTheHour: r.onTheHour,
      afterClockChange: r.afterClockChange,
    })),
    blocks,
    unassigned: layout.unassigned.map((p) => ({
      id: p.session.id,
      title: p.session.title,
      time: formatSessionTime(p.session, zone),
      status: p.session.status,
      online: Boolean(p.session.onlineUrl),
      conflicted: bySession.has(p.session.id),
    })),
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

export type AgendaEditorView = ReturnType<typeof agendaEditorView>;

/** A link to the editor that keeps the day, the view and the session being edited, with `changes`. */
export function editorHref(view: Pick<AgendaEditorView, "event" | "day" | "view" | "editing">, changes: Record<string, string | null>): string {
  const params = new URLSearchParams({ day: view.day, view: view.view });
  if (view.editing) params.set("edit", view.editing.id);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return `/organise/events/${view.event.slug}/agenda?${params}`;
}

/** What the editor's action answers: a notice, or the refused form's errors and values. */
export type EditorActionResult =
  | { ok: true; intent: string; notice: string }
  | { ok: false; formError?: string; stale?: boolean; fieldErrors: Record<string, string>; values: Record<string, string>; intent?: string };
export type EditorFailure = Extract<EditorActionResult, { ok: false }>;

/**
 * The session form's values after a refused submission of `intent`: what was typed (checkboxes
 * arrive comma-joined), over the form's own values. An unticked list on the edit form keeps the
 * session's current choice, as before the submission.
 */
export function refillSessionValues(failed: EditorFailure | null, intent: "create" | "update", defaults: SessionFormValues): SessionFormValues {
  if (!failed || failed.intent !== intent) return defaults;
  const v = failed.values;
  return {
    ...defaults,
    ...Object.fromEntries(Object.entries(v).filter(([k]) => k in defaults && k !== "speakerIds" && k !== "themes")),
    speakerIds: v.speakerIds ? v.speakerIds.split(",") : intent === "create" ? [] : defaults.speakerIds,
    themes: v.themes ? v.themes.split(",") : intent === "create" ? [] : defaults.themes,
  };
}
