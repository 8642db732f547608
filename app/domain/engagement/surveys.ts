// The pure rules of feedback surveys: what a question may be, what an answer to each kind may be,
// and how the organiser's summary is counted (NPS, rating distributions, choices, text).
import { DomainError } from "~/domain/kernel/errors";
import { cleanMessage, singleLine } from "~/domain/kernel/text";

export const SURVEY_KINDS = ["RATING", "NPS", "CHOICE", "TEXT"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = {
  RATING: "Rating (1–5)",
  NPS: "Recommend (0–10, NPS)",
  CHOICE: "Choice",
  TEXT: "Text",
};
export const PROMPT_MAX = 300;
export const ANSWER_MAX = 2000;
export const SURVEY_QUESTIONS_MAX = 20;
/** A survey link works this long after it is sent. */
export const INVITE_TTL_DAYS = 30;

export interface SurveyQuestionRecord {
  id: string;
  kind: SurveyKind;
  prompt: string;
  options: string[];
  position: number;
}

export function parseQuestionDraft(input: { kind: SurveyKind; prompt: string; options?: string }): { kind: SurveyKind; prompt: string; options: string[] } {
  const prompt = singleLine(input.prompt);
  const errors: Record<string, string> = {};
  if (!prompt) errors.prompt = "Type the question.";
  else if (prompt.length > PROMPT_MAX) errors.prompt = `Keep the question to ${PROMPT_MAX} characters.`;
  const options =
    input.kind === "CHOICE"
      ? (input.options ?? "")
          .split("\n")
          .map((o) => singleLine(o))
          .filter(Boolean)
      : [];
  if (input.kind === "CHOICE" && (options.length < 2 || options.length > 10)) errors.options = "Give 2 to 10 choices, one per line.";
  if (options.some((o) => o.length > 120)) errors.options = "Keep each choice to 120 characters.";
  if (Object.keys(errors).length > 0) throw new DomainError("VALIDATION", "Check the question.", { fieldErrors: errors });
  return { kind: input.kind, prompt, options };
}

export type SurveyAnswers = Record<string, number | string>;

/**
 * The answers to store, keyed by question id. Every question is optional, but an answer given must
 * fit its kind: 1–5, 0–10, one of the choices, or text within the limit. At least one answer.
 */
export function parseAnswers(questions: SurveyQuestionRecord[], raw: Record<string, unknown>): SurveyAnswers {
  const answers: SurveyAnswers = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const value = raw[`q_${q.id}`];
    if (typeof value !== "string" || value.trim() === "") continue;
    const field = `q_${q.id}`;
    if (q.kind === "RATING" || q.kind === "NPS") {
      const n = Number(value);
      const max = q.kind === "RATING" ? 5 : 10;
      const min = q.kind === "RATING" ? 1 : 0;
      if (!Number.isInteger(n) || n < min || n > max) errors[field] = `Choose a number from ${min} to ${max}.`;
      else answers[q.id] = n;
    } else if (q.kind === "CHOICE") {
      if (!q.options.includes(value)) errors[field] = "Choose one of the answers.";
      else answers[q.id] = value;
    } else {
      const text = cleanMessage(value);
      if (text.length > ANSWER_MAX) errors[field] = `Keep it to ${ANSWER_MAX} characters.`;
      else if (text) answers[q.id] = text;
    }
  }
  if (Object.keys(errors).length > 0) throw new DomainError("VALIDATION", "Check your answers.", { fieldErrors: errors });
  if (Object.keys(answers).length === 0) throw new DomainError("VALIDATION", "Answer at least one question.");
  return answers;
}

export interface QuestionSummary {
  id: string;
  kind: SurveyKind;
  prompt: string;
  answered: number;
  /** RATING: counts of 1…5; NPS: counts of 0…10; CHOICE: counts per option. */
  counts: number[];
  labels: string[];
  average: number | null;
  /** NPS: % promoters (9–10) − % detractors (0–6), −100…100. */
  nps: number | null;
  texts: string[];
}

export function npsScore(counts: number[]): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const promoters = (counts[9] ?? 0) + (counts[10] ?? 0);
  const detractors = counts.slice(0, 7).reduce((s, n) => s + n, 0);
  return Math.round(((promoters - detractors) / total) * 100);
}

export function summarise(questions: SurveyQuestionRecord[], responses: SurveyAnswers[]): QuestionSummary[] {
  return questions.map((q) => {
    const values = responses.map((r) => r[q.id]).filter((v) => v !== undefined);
    const labels =
      q.kind === "RATING"
        ? ["1", "2", "3", "4", "5"]
        : q.kind === "NPS"
          ? Array.from({ length: 11 }, (_, i) => String(i))
          : q.kind === "CHOICE"
            ? q.options
            : [];
    const counts = labels.map((label) => values.filter((v) => String(v) === label).length);
    const numbers = values.filter((v): v is number => typeof v === "number");
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      answered: values.length,
      counts,
      labels,
      average: numbers.length === 0 ? null : Math.round((numbers.reduce((s, n) => s + n, 0) / numbers.length) * 10) / 10,
      nps: q.kind === "NPS" ? npsScore(counts) : null,
      texts: q.kind === "TEXT" ? values.map(String) : [],
    };
  });
}
