// Validation of the answers an attendee gives to an event's registration questions.
// Pure: the questions come in as plain data (a Prisma RegistrationQuestion row fits), the form
// values as FormData / URLSearchParams / a plain object, and nothing here touches the database.

import { z } from "zod";
import { tidyTypedText } from "~/domain/kernel/text";

export type QuestionKind = "SHORT_TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "CHECKBOX";

/** The parts of a RegistrationQuestion the rules need. */
export interface RegistrationQuestionRule {
  id: string;
  label: string;
  kind: QuestionKind;
  options: readonly string[];
  required: boolean;
}

/** What is stored in RegistrationAnswer.value (a JSON column). */
export type AnswerValue = string | string[] | boolean;

export interface Answer {
  questionId: string;
  value: AnswerValue;
}

export type ParseAnswersResult = { ok: true; answers: Answer[] } | { ok: false; fieldErrors: Record<string, string> };

/** Anything a Remix action may hand over: FormData, URLSearchParams, or a plain object (JSON). */
export type AnswerFormValues = { getAll(name: string): unknown[] } | Readonly<Record<string, unknown>>;

export const SHORT_TEXT_MAX_LENGTH = 500;
export const LONG_TEXT_MAX_LENGTH = 5000;

const ANSWER_FIELD_PREFIX = "answer.";

/** The form field name of a question's input; also the key of its message in `fieldErrors`. */
export function answerFieldName(questionId: string): string {
  return `${ANSWER_FIELD_PREFIX}${questionId}`;
}

// Values a checkbox may arrive with. Browsers send "on" for <input type=checkbox> without a
// value attribute; JSON clients send booleans. Anything else is treated as tampering.
const CHECKED_VALUES = new Set(["on", "true", "1", "yes"]);
const UNCHECKED_VALUES = new Set(["", "off", "false", "0", "no"]);

const quoted = (text: string) => `“${text}”`;

const listFormatter = new Intl.ListFormat("en-GB", { style: "long", type: "disjunction" });
const conjunctionFormatter = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** “A”, “B” or “C” — the options as a reader would say them. */
function optionList(options: readonly string[], joiner: "or" | "and"): string {
  const formatter = joiner === "or" ? listFormatter : conjunctionFormatter;
  return formatter.format(options.map(quoted));
}

/** Raw form input of one field, reduced to its string values. */
function rawStrings(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return values.flatMap((value) => {
    if (typeof value === "string") return [value];
    if (typeof value === "boolean" || typeof value === "number") return [String(value)];
    // Files and other objects are not answers to any of our question kinds: ignore them.
    return [];
  });
}

/** First non-blank text value, or undefined when the field was left empty. */
function singleText(raw: unknown): string | undefined {
  for (const value of rawStrings(raw)) {
    const text = tidyTypedText(value);
    if (text !== "") return text;
  }
  return undefined;
}

/** The option a submitted value stands for, forgiving stray whitespace on either side. */
function matchOption(options: readonly string[], value: string): string | undefined {
  return options.find((option) => option === value) ?? options.find((option) => option.trim() === value.trim());
}

function textSchema(question: RegistrationQuestionRule, maxLength: number) {
  const pleaseAnswer = `Please answer ${quoted(question.label)}`;
  // `.length` counts UTF-16 code units, exactly like the browser's `maxlength` attribute, so a
  // text the form accepted is never refused here.
  const text = z
    .string({ error: pleaseAnswer })
    .max(maxLength, { error: `${quoted(question.label)} must be at most ${maxLength.toLocaleString("en-GB")} characters` });
  return z.preprocess(singleText, question.required ? text.min(1, { error: pleaseAnswer }) : text.optional());
}

function singleChoiceSchema(question: RegistrationQuestionRule) {
  const label = quoted(question.label);
  const mustBeOneOf = question.options.length > 0 ? `${label} must be one of ${optionList(question.options, "or")}` : `${label} has no options to choose from`;
  return z
    .preprocess(
      (raw) => {
        const distinct = [
          ...new Set(
            rawStrings(raw)
              .map(tidyTypedText)
              .filter((value) => value !== ""),
          ),
        ];
        // Several different values for a single choice can only come from a tampered form; keep
        // them all so the refinement below rejects the submission instead of picking one.
        return distinct.length === 0 ? undefined : distinct;
      },
      question.required ? z.array(z.string(), { error: `Please answer ${label}` }) : z.array(z.string()).optional(),
    )
    .superRefine((values, ctx) => {
      if (values === undefined) return;
      if (values.length > 1) ctx.addIssue({ code: "custom", message: `Please choose only one answer for ${label}` });
      else if (matchOption(question.options, values[0]) === undefined) ctx.addIssue({ code: "custom", message: mustBeOneOf });
    })
    .transform((values) => (values === undefined ? undefined : (matchOption(question.options, values[0]) as string)));
}

function multipleChoiceSchema(question: RegistrationQuestionRule) {
  const label = quoted(question.label);
  return z
    .preprocess(
      (raw) =>
        rawStrings(raw)
          .map(tidyTypedText)
          .filter((value) => value !== ""),
      z.array(z.string()),
    )
    .superRefine((values, ctx) => {
      if (values.length === 0) {
        if (question.required) ctx.addIssue({ code: "custom", message: `Please choose at least one answer for ${label}` });
        return;
      }
      const unknown = values.filter((value) => matchOption(question.options, value) === undefined);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: question.options.length > 0 ? `${label} can only include ${optionList(question.options, "and")}` : `${label} has no options to choose from`,
        });
      }
    })
    .transform((values) => {
      if (values.length === 0) return undefined;
      // Stored in the organiser's option order and without repeats, so exports and charts see
      // the same answer however the browser ordered the repeated fields.
      const chosen = new Set(values.map((value) => matchOption(question.options, value)));
      return question.options.filter((option) => chosen.has(option));
    });
}

function checkboxSchema(question: RegistrationQuestionRule) {
  const label = quoted(question.label);
  return (
    z
      .preprocess((raw) => rawStrings(raw).map((value) => value.trim().toLowerCase()), z.array(z.string()))
      .superRefine((values, ctx) => {
        if (values.some((value) => !CHECKED_VALUES.has(value) && !UNCHECKED_VALUES.has(value))) {
          ctx.addIssue({ code: "custom", message: `${label} can only be ticked or left empty` });
        } else if (question.required && !values.some((value) => CHECKED_VALUES.has(value))) {
          ctx.addIssue({ code: "custom", message: `Please tick ${label}` });
        }
      })
      // Hidden-input patterns send "off" and then "on"; any tick counts.
      .transform((values) => values.some((value) => CHECKED_VALUES.has(value)))
  );
}

function answerSchema(question: RegistrationQuestionRule) {
  switch (question.kind) {
    case "SHORT_TEXT":
      return textSchema(question, SHORT_TEXT_MAX_LENGTH);
    case "LONG_TEXT":
      return textSchema(question, LONG_TEXT_MAX_LENGTH);
    case "SINGLE_CHOICE":
      return singleChoiceSchema(question);
    case "MULTIPLE_CHOICE":
      return multipleChoiceSchema(question);
    case "CHECKBOX":
      return checkboxSchema(question);
    default: {
      const unknownKind: never = question.kind;
      throw new Error(`Unknown question kind: ${String(unknownKind)}`);
    }
  }
}

/**
 * A zod schema over `{ [questionId]: raw form value(s) }` whose output is
 * `{ [questionId]: AnswerValue | undefined }` (undefined = an optional question left blank).
 * Raw values may be a string, an array of strings (repeated fields) or a boolean.
 */
export function buildAnswersSchema(questions: readonly RegistrationQuestionRule[]) {
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const question of questions) shape[question.id] = answerSchema(question);
  // Unknown keys are stripped (zod's default): an answer to a question the event does not
  // have — a tampered id — cannot be stored, so it is ignored rather than reported.
  return z.object(shape);
}

function readField(formValues: AnswerFormValues, name: string): unknown[] {
  if (typeof (formValues as { getAll?: unknown }).getAll === "function") {
    return (formValues as { getAll(name: string): unknown[] }).getAll(name);
  }
  const value = (formValues as Readonly<Record<string, unknown>>)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Validates the submitted answers. `fieldErrors` is keyed by form field name
 * (`answer.<questionId>`) with one message per field, ready to show beside the input.
 * The answers come back in the order of `questions`; optional questions left blank are left
 * out, except checkboxes, whose "not ticked" (false) is an answer in its own right.
 */
export function parseAnswers(questions: readonly RegistrationQuestionRule[], formValues: AnswerFormValues): ParseAnswersResult {
  const raw: Record<string, unknown[]> = {};
  for (const question of questions) raw[question.id] = readField(formValues, answerFieldName(question.id));

  const result = buildAnswersSchema(questions).safeParse(raw);
  if (!result.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const questionId = String(issue.path[0]);
      const field = answerFieldName(questionId);
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  }

  const answers: Answer[] = [];
  for (const question of questions) {
    const value = result.data[question.id];
    if (value !== undefined) answers.push({ questionId: question.id, value });
  }
  return { ok: true, answers };
}
