// The pure rules of live polls: what a poll and a ballot may say, what each viewer sees of a poll
// and its results, how word-cloud entries are counted, and how a quiz's leaderboard ranks people.
// No database, no sockets.
import { DomainError } from "~/domain/kernel/errors";
import { cleanMessage, singleLine } from "~/domain/kernel/text";

export const POLL_KINDS = ["SINGLE", "MULTIPLE", "RATING", "TEXT", "WORD_CLOUD", "QUIZ"] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export type PollStatus = "DRAFT" | "OPEN" | "CLOSED";

export const POLL_KIND_LABELS: Record<PollKind, string> = {
  SINGLE: "Single choice",
  MULTIPLE: "Multiple choice",
  RATING: "Rating (1–5)",
  TEXT: "Open text",
  WORD_CLOUD: "Word cloud",
  QUIZ: "Quiz question",
};

export const POLL_ACTIONS = ["launch", "close", "show-results", "hide-results", "hide-entry", "show-entry"] as const;
export type PollAction = (typeof POLL_ACTIONS)[number];

export const QUESTION_MAX = 300;
export const OPTION_MAX = 120;
export const OPTIONS_MAX = 10;
export const TEXT_MAX = 280;
export const WORD_MAX = 40;
/** Entries shown of an open-text poll and words of a word cloud. */
export const ENTRIES_SHOWN = 60;

export const kindHasOptions = (kind: PollKind) => kind === "SINGLE" || kind === "MULTIPLE" || kind === "QUIZ";
export const kindIsText = (kind: PollKind) => kind === "TEXT" || kind === "WORD_CLOUD";

export interface PollOptionRecord {
  id: string;
  label: string;
  correct: boolean;
  position: number;
}

export interface PollRecord {
  id: string;
  sessionId: string;
  kind: PollKind;
  question: string;
  status: PollStatus;
  showResults: boolean;
  allowChange: boolean;
  anonymous: boolean;
  timerSeconds: number | null;
  hiddenEntries: string[];
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  createdAt: string;
  options: PollOptionRecord[];
}

/** Counted ballots of one poll, as the database aggregates them. */
export interface PollTally {
  total: number;
  /** option id → ballots choosing it */
  options: Record<string, number>;
  /** ratings[0] = ballots rating 1 … ratings[4] = rating 5 */
  ratings: number[];
  /** Word cloud: normalised word and count. Open text: each answer (count 1), newest first; `author` unless anonymous. */
  entries: { text: string; count: number; author?: string | null }[];
}

export const emptyTally = (): PollTally => ({ total: 0, options: {}, ratings: [0, 0, 0, 0, 0], entries: [] });

export interface PollResultsView {
  options: { id: string; label: string; count: number; correct?: boolean }[];
  ratings: number[];
  average: number | null;
  entries: { text: string; count: number; author?: string | null; hidden?: boolean }[];
}

export interface PollView {
  id: string;
  sessionId: string;
  kind: PollKind;
  question: string;
  status: PollStatus;
  showResults: boolean;
  allowChange: boolean;
  anonymous: boolean;
  timerSeconds: number | null;
  openedAt: string | null;
  closesAt: string | null;
  options: { id: string; label: string; correct?: boolean }[];
  total: number;
  /** null when this viewer may not see results (the moderator keeps them hidden). */
  results: PollResultsView | null;
}

/** Whether ballots are taken at `now`: OPEN and, for a timed poll, before its end. */
export function acceptsBallots(poll: Pick<PollRecord, "status" | "closesAt">, now = new Date()): boolean {
  return poll.status === "OPEN" && (poll.closesAt === null || new Date(poll.closesAt).getTime() > now.getTime());
}

/** A word-cloud entry as it is counted: lower case, one space between words. */
export function normaliseEntry(text: string): string {
  return singleLine(text).toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * What one viewer sees of a poll. Moderators see results always (hidden words marked); the
 * audience sees them only when shown, never a hidden word, never a name, and a quiz's correct
 * answer only once the quiz question is closed.
 */
export function viewPoll(poll: PollRecord, tally: PollTally, viewer: { moderator: boolean }): PollView {
  const revealCorrect = poll.kind === "QUIZ" && (viewer.moderator || poll.status === "CLOSED");
  const options = poll.options
    .slice()
    .sort((a, b) => a.position - b.position)
    .map((o) => ({ id: o.id, label: o.label, ...(revealCorrect ? { correct: o.correct } : {}) }));
  const hidden = new Set(poll.hiddenEntries);
  const seeResults = viewer.moderator || poll.showResults;
  const rated = tally.ratings.reduce((sum, n) => sum + n, 0);
  const results: PollResultsView | null = seeResults
    ? {
        options: options.map((o) => ({ ...o, count: tally.options[o.id] ?? 0 })),
        ratings: tally.ratings,
        average: rated === 0 ? null : Math.round((tally.ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / rated) * 10) / 10,
        entries: tally.entries
          .filter((e) => viewer.moderator || !hidden.has(poll.kind === "WORD_CLOUD" ? e.text : normaliseEntry(e.text)))
          .map((e) => ({
            text: e.text,
            count: e.count,
            ...(viewer.moderator && !poll.anonymous && e.author !== undefined ? { author: e.author } : {}),
            ...(viewer.moderator && hidden.has(poll.kind === "WORD_CLOUD" ? e.text : normaliseEntry(e.text)) ? { hidden: true } : {}),
          })),
      }
    : null;
  return {
    id: poll.id,
    sessionId: poll.sessionId,
    kind: poll.kind,
    question: poll.question,
    status: poll.status,
    showResults: poll.showResults,
    allowChange: poll.allowChange,
    anonymous: poll.anonymous,
    timerSeconds: poll.timerSeconds,
    openedAt: poll.openedAt,
    closesAt: poll.closesAt,
    options,
    total: tally.total,
    results,
  };
}

export interface BallotInput {
  choices?: unknown;
  rating?: unknown;
  text?: unknown;
}

export interface Ballot {
  choices: string[];
  rating: number | null;
  text: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ballot of the right shape for the poll's kind. Option membership is checked by the database write. */
export function parseBallot(kind: PollKind, input: BallotInput): Ballot {
  if (kindHasOptions(kind)) {
    const raw = Array.isArray(input.choices) ? input.choices : input.choices === undefined ? [] : [input.choices];
    const choices = [...new Set(raw.filter((c): c is string => typeof c === "string" && UUID.test(c)).map((c) => c.toLowerCase()))];
    if (choices.length !== raw.length || choices.length === 0) throw new DomainError("VALIDATION", "Choose an answer.");
    if (kind !== "MULTIPLE" && choices.length !== 1) throw new DomainError("VALIDATION", "Choose one answer.");
    if (choices.length > OPTIONS_MAX) throw new DomainError("VALIDATION", "Too many answers.");
    return { choices, rating: null, text: null };
  }
  if (kind === "RATING") {
    const rating = typeof input.rating === "string" ? Number(input.rating) : input.rating;
    if (typeof rating !== "number" || !Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new DomainError("VALIDATION", "Choose a rating from 1 to 5.");
    return { choices: [], rating, text: null };
  }
  const max = kind === "WORD_CLOUD" ? WORD_MAX : TEXT_MAX;
  const text = typeof input.text === "string" ? (kind === "WORD_CLOUD" ? singleLine(input.text).trim() : cleanMessage(input.text)) : "";
  if (text.length === 0) throw new DomainError("VALIDATION", kind === "WORD_CLOUD" ? "Type a word or two." : "Type an answer.");
  if (text.length > max) throw new DomainError("VALIDATION", `Keep it to ${max} characters (this is ${text.length}).`);
  return { choices: [], rating: null, text };
}

export interface PollDraft {
  kind: PollKind;
  question: string;
  options: { label: string; correct: boolean }[];
  timerSeconds: number | null;
  showResults: boolean;
  allowChange: boolean;
  anonymous: boolean;
}

/** A new poll: a question, 2–10 distinct options for choice kinds, exactly one correct answer for a quiz. */
export function parsePollDraft(input: {
  kind: PollKind;
  question: string;
  options: string[];
  correct?: number | null;
  timerSeconds?: number | null;
  showResults: boolean;
  allowChange: boolean;
  anonymous: boolean;
}): PollDraft {
  const errors: Record<string, string> = {};
  const question = singleLine(input.question).trim();
  if (question.length === 0) errors.question = "Type the question.";
  if (question.length > QUESTION_MAX) errors.question = `Keep the question to ${QUESTION_MAX} characters.`;
  const labels = input.options.map((o) => singleLine(o).trim()).filter((o) => o.length > 0);
  let options: PollDraft["options"] = [];
  if (kindHasOptions(input.kind)) {
    if (labels.length < 2) errors.options = "Give at least two answers, one per line.";
    else if (labels.length > OPTIONS_MAX) errors.options = `At most ${OPTIONS_MAX} answers.`;
    else if (labels.some((l) => l.length > OPTION_MAX)) errors.options = `Keep each answer to ${OPTION_MAX} characters.`;
    else if (new Set(labels.map((l) => l.toLowerCase())).size !== labels.length) errors.options = "Each answer must be different.";
    const correct = input.correct ?? null;
    if (input.kind === "QUIZ" && (correct === null || !Number.isInteger(correct) || correct < 1 || correct > labels.length)) {
      errors.correct = "Say which answer is correct (its number in the list).";
    }
    options = labels.map((label, i) => ({ label, correct: input.kind === "QUIZ" && correct === i + 1 }));
  }
  const timerSeconds = input.kind === "QUIZ" ? (input.timerSeconds ?? 30) : (input.timerSeconds ?? null);
  if (timerSeconds !== null && (!Number.isInteger(timerSeconds) || timerSeconds < 5 || timerSeconds > 3600)) {
    errors.timerSeconds = "The timer runs from 5 seconds to an hour.";
  }
  if (Object.keys(errors).length > 0) throw new DomainError("VALIDATION", "Check the poll's fields.", { fieldErrors: errors });
  return { kind: input.kind, question, options, timerSeconds, showResults: input.showResults, allowChange: input.allowChange, anonymous: input.anonymous };
}

/** The state a moderation action leads to, or a refusal. Hiding entries applies to word clouds and open text. */
export function pollPatch(poll: Pick<PollRecord, "status" | "kind">, action: PollAction): Partial<Pick<PollRecord, "status" | "showResults">> {
  switch (action) {
    case "launch":
      if (poll.status !== "DRAFT") throw new DomainError("CONFLICT", "Only a prepared poll can be launched.");
      return { status: "OPEN" };
    case "close":
      if (poll.status !== "OPEN") throw new DomainError("CONFLICT", "Only an open poll can be closed.");
      return { status: "CLOSED" };
    case "show-results":
      return { showResults: true };
    case "hide-results":
      return { showResults: false };
    case "hide-entry":
    case "show-entry":
      if (!kindIsText(poll.kind)) throw new DomainError("VALIDATION", "Only word clouds and open-text answers have entries to hide.");
      return {};
  }
}

export interface QuizScore {
  userId: string;
  name: string;
  correct: number;
  /** Total milliseconds from each question's launch to the answer: the tie-break (faster first). */
  ms: number;
}

/** Rank by correct answers, then speed; equal on both share a rank. */
export function rankLeaderboard(scores: QuizScore[], top = 10): (QuizScore & { rank: number })[] {
  const sorted = scores.slice().sort((a, b) => b.correct - a.correct || a.ms - b.ms || a.name.localeCompare(b.name));
  const ranked: (QuizScore & { rank: number })[] = [];
  sorted.forEach((s, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.correct === s.correct && previous.ms === s.ms ? previous.rank : i + 1;
    ranked.push({ ...s, rank });
  });
  return ranked.slice(0, top);
}

/** A leaderboard shows a first name and an initial only: it is on the big screen. */
export function leaderboardName(name: string): string {
  const parts = singleLine(name).trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "Someone";
  return parts.length === 1 ? parts[0] : `${parts[0]} ${parts[parts.length - 1][0]}.`;
}

/** Bar geometry for a results chart, widths as a share of the largest count (0–100). */
export function barShares(counts: number[]): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max === 0 ? 0 : Math.round((c / max) * 1000) / 10));
}
