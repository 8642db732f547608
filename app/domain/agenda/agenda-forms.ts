// The agenda editor's forms, one schema per intent, read by the editor's action (through
// readForm: size cap + CSRF) and bound to the editor's fields in the browser. Pure: no server
// imports, so the browser bundle has it too.
//
// These schemas read and type the form the way the page sends it (text, lists, a version number,
// instants from the timetable); the rules and their messages (titles, times in the event's zone,
// web addresses, names) stay with the domain functions that apply them (session-input.ts,
// organiser.server.ts), which answer with field errors under these same names.
import { z } from "zod";
import { listField, optionalTextField, textField } from "~/domain/kernel/form-fields";

const text = textField;
const optionalText = optionalTextField;
const list = listField;

/**
 * The version a form was drawn from. Anything but a whole number becomes -1, which matches no
 * row, so the domain answers "changed by someone else" (or "does not exist").
 */
const version = text.transform((raw) => (/^\d+$/.test(raw) ? Number(raw) : -1));

/** An exact instant from the timetable (ISO text); missing or blank: unchanged. */
const instant = text.transform((raw) => (raw ? new Date(raw) : undefined));

/** A timetable column moved to: missing means unchanged, blank means none. */
const column = optionalText.transform((raw) => (raw === undefined ? undefined : raw || null));

/** "id:version" pairs of the sessions a conflict is about; malformed entries are dropped. */
const conflictSessions = list.transform((entries) =>
  entries.flatMap((entry) => {
    const [id, sessionVersion] = entry.split(":");
    return id && /^\d+$/.test(sessionVersion ?? "") ? [{ id, version: Number(sessionVersion) }] : [];
  }),
);

/** The session form's fields (create and edit); session-input.ts holds their rules. */
export const sessionFormFields = {
  title: optionalText,
  description: optionalText,
  format: optionalText,
  startsAt: optionalText,
  endsAt: optionalText,
  roomId: optionalText,
  trackId: optionalText,
  onlineUrl: optionalText,
  capacity: optionalText,
  qaMode: optionalText,
  version: optionalText,
  speakerIds: list,
  themes: list,
};

const intent = <I extends string>(name: I) => z.literal(name);

export const createSessionForm = z.object({ intent: intent("create"), ...sessionFormFields });
export const updateSessionForm = z.object({ intent: intent("update"), sessionId: text, ...sessionFormFields });
export const sessionLinksForm = z.object({ intent: intent("links"), sessionId: text, version, recordingUrl: text, slidesUrl: text });
export const roomCreateForm = z.object({ intent: intent("room-create"), name: text, capacity: text });
export const trackCreateForm = z.object({ intent: intent("track-create"), name: text, color: text });
export const speakerCreateForm = z.object({ intent: intent("speaker-create"), name: text, jobTitle: text, organisation: text, email: text });
const renameForm = <I extends string>(name: I) => z.object({ intent: intent(name), id: text, name: text });
export const roomRenameForm = renameForm("room-rename");
const sessionStatusForm = <I extends string>(name: I) => z.object({ intent: intent(name), sessionId: text, version });
const conflictForm = <I extends string>(name: I) => z.object({ intent: intent(name), sessions: conflictSessions });

/** Every form of the agenda editor, told apart by `intent`. */
export const agendaEditorForm = z.discriminatedUnion(
  "intent",
  [
    createSessionForm,
    updateSessionForm,
    z.object({ intent: intent("move"), sessionId: text, version, startsAt: instant, endsAt: instant, roomId: column, trackId: column }),
    sessionStatusForm("cancel"),
    sessionStatusForm("restore"),
    sessionLinksForm,
    conflictForm("accept"),
    conflictForm("unaccept"),
    z.object({ intent: intent("publish") }),
    z.object({ intent: intent("unpublish") }),
    roomCreateForm,
    roomRenameForm,
    trackCreateForm,
    renameForm("track-rename"),
    speakerCreateForm,
    renameForm("speaker-rename"),
  ],
  { error: "Unknown action." },
);

export type AgendaEditorAction = z.infer<typeof agendaEditorForm>;
export type AgendaEditorIntent = AgendaEditorAction["intent"];

/**
 * The values typed into a refused form, to fill it in again; a field sent several times
 * (checkboxes) is joined with commas.
 */
export function echoAgendaForm(form: FormData, csrfFieldName: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && key !== csrfFieldName) values[key] = values[key] ? `${values[key]},${value}` : value;
  }
  return values;
}
