// The feedback page's forms, one schema per intent. Pure, so pages bind their fields to them.
import { z } from "zod";
import { SURVEY_KINDS } from "./surveys";

export const surveyCreateForm = z.object({
  intent: z.literal("create-survey"),
  title: z.string().trim().min(1, "Give the survey a title.").max(200, "Keep the title to 200 characters."),
  sessionId: z.union([z.literal(""), z.string().uuid("Choose a session of this event.")]).optional(),
});

export const surveyQuestionForm = z.object({
  intent: z.literal("add-question"),
  surveyId: z.string().uuid("Unknown survey."),
  kind: z.enum(SURVEY_KINDS, "Choose a kind of question."),
  prompt: z.string().max(2000),
  options: z.string().max(5000).optional(),
});

export const engagementSettingsForm = z.object({
  intent: z.literal("settings"),
  certificateMinSharePct: z.coerce.number("Type a number.").int("A whole number.").min(0, "From 0 to 100.").max(100, "From 0 to 100."),
  feedbackDelayHours: z.coerce.number("Type a number.").int("A whole number.").min(0, "From 0 to 720 hours.").max(720, "From 0 to 720 hours."),
});

export const feedbackForm = z.discriminatedUnion("intent", [surveyCreateForm, surveyQuestionForm, engagementSettingsForm]);

/** The respondent's form: one field per question, named q_<questionId>. */
export const surveyAnswerForm = z.object({ intent: z.literal("answer") }).catchall(z.string().max(4000));
