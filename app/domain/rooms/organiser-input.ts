// The organiser's form for a topic room (name, topic, themes) as a zod schema. Pure: the same
// rules whether the form comes from the page or a test.
import { z } from "zod";
import { THEMES, type ThemeName } from "~/domain/kernel/vocabulary";
import { normaliseLineBreaks, stripInvisible } from "~/domain/kernel/text";

export const ROOM_NAME_MAX = 120;
export const ROOM_TOPIC_MAX = 500;

// Control, zero-width and bidirectional-override characters never belong in a name or a topic.
const text = (v: unknown) => (typeof v === "string" ? stripInvisible(v).trim() : v);

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
      return t === undefined || t === "" ? null : typeof t === "string" ? normaliseLineBreaks(t).replace(/\n{3,}/g, "\n\n") : t;
    },
    z
      .string({ error: "Describe the topic in words." })
      .max(ROOM_TOPIC_MAX, { error: `Keep the topic to ${ROOM_TOPIC_MAX} characters.` })
      .nullable(),
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
