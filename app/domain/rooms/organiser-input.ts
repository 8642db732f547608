// The organiser's form for a topic room (name, topic, themes) as a zod schema. Pure: the same
// rules whether the form comes from the page or a test.
import { z } from "zod";
import { THEMES, type ThemeName } from "~/domain/events/catalogue";

export const ROOM_NAME_MAX = 120;
export const ROOM_TOPIC_MAX = 500;

// Control, zero-width and bidirectional-override characters never belong in a name or a topic.
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

const text = (v: unknown) => (typeof v === "string" ? v.replace(invisible, "").trim() : v);

export const roomFormSchema = z.object({
  name: z.preprocess(
    (v) => (typeof v === "string" ? (text(v) as string).replace(/\s+/g, " ") : v),
    z
      .string({ error: "Give the room a name." })
      .min(1, { error: "Give the room a name." })
      .max(ROOM_NAME_MAX, { error: `Keep the name to ${ROOM_NAME_MAX} characters.` }),
  ),
  topic: z.preprocess(
    (v) => {
      const t = text(v);
      return t === undefined || t === "" ? null : typeof t === "string" ? t.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n") : t;
    },
    z.string({ error: "Describe the topic in words." }).max(ROOM_TOPIC_MAX, { error: `Keep the topic to ${ROOM_TOPIC_MAX} characters.` }).nullable(),
  ),
  themes: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    // Checked as a whole so the message belongs to the "themes" field, not to "themes.2".
    z
      .array(z.string({ error: "Choose themes from the list." }), { error: "Choose themes from the list." })
      .refine((list) => list.every((t) => (THEMES as readonly string[]).includes(t)), { error: "Choose themes from the list." })
      .transform((list) => [...new Set(list)] as ThemeName[]),
  ),
});

export type RoomForm = z.infer<typeof roomFormSchema>;
