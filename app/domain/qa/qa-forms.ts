// The Q&A page's forms (the no-JavaScript path beside the socket), one schema per intent. Pure, so
// the board binds its fields to them in the browser too.
import { z } from "zod";
import { MODERATION_ACTIONS } from "./questions";

export const askForm = z.object({ intent: z.literal("ask"), body: z.string().max(4000), anonymous: z.literal("true").optional() });
export const moderateForm = z.object({
  intent: z.literal("moderate"),
  questionId: z.string().uuid("Unknown question."),
  action: z.enum(MODERATION_ACTIONS),
  body: z.string().max(4000).optional(),
});

export const qaForm = z.discriminatedUnion("intent", [
  askForm,
  z.object({ intent: z.literal("vote"), questionId: z.string().uuid("Unknown question.") }),
  moderateForm,
]);
