// The polls' forms on the session's Q&A page (the no-JavaScript path beside the socket), one
// schema per intent. Pure, so the panel binds its fields to them in the browser too.
import { z } from "zod";
import { POLL_ACTIONS, POLL_KINDS } from "./polls";

const many = z.union([z.string(), z.array(z.string())]).optional();
const pollId = z.string().uuid("Unknown poll.");
const checkbox = z.literal("true").optional();

export const pollVoteForm = z.object({
  intent: z.literal("poll-vote"),
  pollId,
  choices: many,
  rating: z.string().max(2).optional(),
  text: z.string().max(2000).optional(),
});

export const pollCreateForm = z.object({
  intent: z.literal("poll-create"),
  kind: z.enum(POLL_KINDS, "Choose a kind of poll."),
  question: z.string().max(2000),
  options: z.string().max(5000).optional(),
  correct: z.string().max(3).optional(),
  timerSeconds: z.string().max(5).optional(),
  showResults: checkbox,
  allowChange: checkbox,
  anonymous: checkbox,
  launch: checkbox,
});

export const pollManageForm = z.object({ intent: z.literal("poll-manage"), pollId, action: z.enum(POLL_ACTIONS), entry: z.string().max(200).optional() });

export const pollForm = z.discriminatedUnion("intent", [pollVoteForm, pollCreateForm, pollManageForm]);
export type PollFormData = z.infer<typeof pollForm>;

/** A whole number typed in a form, or null when left empty. */
export function optionalWhole(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const n = Number(raw);
  return Number.isInteger(n) ? n : Number.NaN;
}
