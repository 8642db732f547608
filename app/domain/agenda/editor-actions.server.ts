// The agenda editor's intents, one small handler each, dispatched on the parsed form's `intent`
// (agenda-forms.ts). Each applies one domain change and returns the notice the editor shows;
// a DomainError goes back to the route, which maps it (route-errors.server.ts).
import type { Actor } from "~/domain/access/permissions";
import type { AgendaEditorAction, AgendaEditorIntent } from "./agenda-forms";
import {
  cancelSession,
  createSession,
  publishAgenda,
  rescheduleSession,
  restoreSession,
  setConflictsAccepted,
  setSessionLinks,
  unpublishAgenda,
  updateSession,
} from "./organiser.server";
import { createRoom, createSpeaker, createTrack, renameRoom, renameSpeaker, renameTrack } from "./resources.server";

type Handler<I extends AgendaEditorIntent> = (user: Actor, eventId: string, form: Extract<AgendaEditorAction, { intent: I }>) => Promise<string>;

const emailed = (notified: number, what = "will be emailed") => (notified ? ` ${notified} attendee(s) ${what}.` : "");

const handlers: { [I in AgendaEditorIntent]: Handler<I> } = {
  async create(user, eventId, { intent: _intent, ...form }) {
    const result = await createSession(user, eventId, form);
    const conflicted = result.conflicts.some((c) => c.sessionIds.includes(result.session.id));
    return `“${result.session.title}” added as a draft.${conflicted ? " It has a conflict: see the list." : ""}`;
  },
  async update(user, eventId, { intent: _intent, sessionId, ...form }) {
    const result = await updateSession(user, eventId, sessionId, form);
    return `Saved “${result.session.title}”.${emailed(result.notified, "will be emailed about the change")}`;
  },
  async move(user, eventId, { sessionId, version, startsAt, endsAt, roomId, trackId }) {
    const result = await rescheduleSession(user, eventId, sessionId, { version, startsAt, endsAt, roomId, trackId });
    return `Moved “${result.session.title}”.${emailed(result.notified)}`;
  },
  async cancel(user, eventId, { sessionId, version }) {
    const result = await cancelSession(user, eventId, sessionId, version);
    return `Cancelled “${result.session.title}”.${emailed(result.notified)}`;
  },
  async restore(user, eventId, { sessionId, version }) {
    const result = await restoreSession(user, eventId, sessionId, version);
    return `“${result.session.title}” is back on the agenda.`;
  },
  async links(user, eventId, { sessionId, version, recordingUrl, slidesUrl }) {
    await setSessionLinks(user, eventId, sessionId, version, { recordingUrl, slidesUrl });
    return "Recording and slides saved.";
  },
  async accept(user, eventId, { sessions }) {
    await setConflictsAccepted(user, eventId, sessions, true);
    return "Conflict accepted.";
  },
  async unaccept(user, eventId, { sessions }) {
    await setConflictsAccepted(user, eventId, sessions, false);
    return "Acceptance withdrawn.";
  },
  async publish(user, eventId) {
    const { published } = await publishAgenda(user, eventId);
    return `Agenda published${published ? ` (${published} new session${published === 1 ? "" : "s"})` : ""}.`;
  },
  async unpublish(user, eventId) {
    await unpublishAgenda(user, eventId);
    return "Agenda unpublished: only organisers can see it now.";
  },
  async "room-create"(user, eventId, { name, capacity }) {
    await createRoom(user, eventId, { name, capacity });
    return "Room added.";
  },
  async "room-rename"(user, eventId, { id, name }) {
    await renameRoom(user, eventId, id, name);
    return "Room renamed.";
  },
  async "track-create"(user, eventId, { name, color }) {
    await createTrack(user, eventId, { name, color });
    return "Track added.";
  },
  async "track-rename"(user, eventId, { id, name }) {
    await renameTrack(user, eventId, id, name);
    return "Track renamed.";
  },
  async "speaker-create"(user, eventId, { name, jobTitle, organisation, email }) {
    await createSpeaker(user, eventId, { name, jobTitle, organisation, email });
    return "Speaker added.";
  },
  async "speaker-rename"(user, eventId, { id, name }) {
    await renameSpeaker(user, eventId, id, name);
    return "Speaker renamed.";
  },
};

/** Applies one parsed editor form to the event; returns the notice to show. */
export function runAgendaEditorAction(user: Actor, eventId: string, form: AgendaEditorAction): Promise<string> {
  const handler = handlers[form.intent] as Handler<typeof form.intent>;
  return handler(user, eventId, form as never);
}
