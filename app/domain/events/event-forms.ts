// The organiser's event forms (create, and the settings page's intents), read by the routes
// through readForm and bound to the event form's fields. Pure, for the browser bundle too. The
// event's rules (times in its zone, the venue for the mode, the country code…) stay in
// event-input.ts, which answers with field errors under these same names.
import { z } from "zod";
import { listField, optionalTextField, withDefaultIntent } from "~/domain/kernel/form-fields";
import { EVENT_FORM_FIELDS } from "./event-input";

const eventFields = {
  ...(Object.fromEntries(EVENT_FORM_FIELDS.map((field) => [field, optionalTextField])) as Record<(typeof EVENT_FORM_FIELDS)[number], typeof optionalTextField>),
  themes: listField,
};

/** The event form: "Create an event" posts it as is; the settings page as its "save" intent. */
export const eventForm = z.object({ ...eventFields, version: optionalTextField });

const SETTINGS_INTENTS = ["save", "publish", "cancel", "delete"] as const;

/** The settings page: save the event form (also when a post names no intent), publish, cancel, delete. */
export const eventSettingsForm = z.preprocess(
  withDefaultIntent(SETTINGS_INTENTS, "save"),
  z.discriminatedUnion("intent", [
    eventForm.extend({ intent: z.literal("save") }),
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("cancel"), message: optionalTextField }),
    z.object({ intent: z.literal("delete") }),
  ]),
);
