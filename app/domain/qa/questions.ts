// The pure rules of live Q&A: what a question may say, which moderation action is allowed from
// which state, what each viewer may see of a question, how lists sort, and how a client merges
// changes from a cursor. No database, no sockets.
import type { QaModeName } from "~/domain/kernel/vocabulary";
import { DomainError } from "~/domain/kernel/errors";
import { cleanMessage } from "~/domain/kernel/text";

export const QUESTION_MIN = 1;
export const QUESTION_MAX = 500;

export type QuestionStatus = "PENDING" | "VISIBLE" | "ANSWERED" | "DISMISSED";
export type QaMode = QaModeName;
export type SortMode = "votes" | "newest";

/** A question as stored (what the server reads back after a write). */
export interface QuestionRecord {
  id: string;
  sessionId: string;
  authorId: string;
  authorName: string;
  body: string;
  anonymous: boolean;
  status: QuestionStatus;
  highlighted: boolean;
  votes: number;
  changeSeq: number;
  editedAt: string | null;
  createdAt: string;
}

/** What one viewer sees of a question. `authorName` is null when hidden from this viewer. */
export interface QuestionView {
  id: string;
  body: string;
  authorName: string | null;
  anonymous: boolean;
  mine: boolean;
  status: QuestionStatus;
  highlighted: boolean;
  votes: number;
  changeSeq: number;
  edited: boolean;
  createdAt: string;
  removed?: false;
}

/** A question this viewer may no longer (or not yet) see: clients drop it. */
export interface QuestionTombstone {
  id: string;
  changeSeq: number;
  removed: true;
}

export type QuestionUpdate = QuestionView | QuestionTombstone;

export interface Viewer {
  userId: string | null;
  moderator: boolean;
}

/**
 * A committed change of one session's questions. `prev` is the session's highest cursor before
 * the change and `cursor` the highest after, so clients can tell whether they missed one.
 */
export interface QaChange {
  sessionId: string;
  prev: number;
  cursor: number;
  questions: QuestionRecord[];
}

export interface QaChangeView {
  sessionId: string;
  prev: number;
  cursor: number;
  questions: QuestionUpdate[];
}

/** Plain text of 1–500 characters: trimmed, control characters removed, line breaks kept (max 2 in a row). */
export function parseQuestionBody(raw: unknown): string {
  if (typeof raw !== "string") throw new DomainError("VALIDATION", "Write your question.", { fieldErrors: { body: "Write your question." } });
  const body = cleanMessage(raw);
  if (body.length < QUESTION_MIN) throw new DomainError("VALIDATION", "Write your question.", { fieldErrors: { body: "Write your question." } });
  if ([...body].length > QUESTION_MAX) {
    const message = `Keep your question to ${QUESTION_MAX} characters (it has ${[...body].length}).`;
    throw new DomainError("VALIDATION", message, { fieldErrors: { body: message } });
  }
  return body;
}

export function initialStatus(mode: QaMode): QuestionStatus {
  return mode === "PREMODERATED" ? "PENDING" : "VISIBLE";
}

export const MODERATION_ACTIONS = ["approve", "dismiss", "answer", "reopen", "highlight", "unhighlight", "edit"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface QuestionPatch {
  status?: QuestionStatus;
  highlighted?: boolean;
  body?: string;
  /** highlight: clear every other highlighted question of the session in the same transaction. */
  clearOtherHighlights?: boolean;
}

/** What a moderation action changes, or a CONFLICT when the question's state does not allow it. */
export function moderationPatch(current: Pick<QuestionRecord, "status" | "highlighted" | "body">, action: ModerationAction, body?: unknown): QuestionPatch {
  const refuse = (message: string): never => {
    throw new DomainError("CONFLICT", message);
  };
  switch (action) {
    case "approve":
      if (current.status !== "PENDING") refuse("Only questions waiting for moderation can be approved.");
      return { status: "VISIBLE" };
    case "dismiss":
      if (current.status === "DISMISSED") refuse("This question is already dismissed.");
      return { status: "DISMISSED", highlighted: false };
    case "answer":
      if (current.status !== "VISIBLE") refuse("Only visible questions can be marked answered.");
      return { status: "ANSWERED", highlighted: false };
    case "reopen":
      if (current.status !== "ANSWERED" && current.status !== "DISMISSED") refuse("Only answered or dismissed questions can be reopened.");
      return { status: "VISIBLE" };
    case "highlight":
      if (current.status !== "VISIBLE") refuse("Only visible questions can be highlighted.");
      if (current.highlighted) refuse("This question is already highlighted.");
      return { highlighted: true, clearOtherHighlights: true };
    case "unhighlight":
      if (!current.highlighted) refuse("This question is not highlighted.");
      return { highlighted: false };
    case "edit": {
      if (current.status === "DISMISSED") refuse("Dismissed questions cannot be edited.");
      const next = parseQuestionBody(body);
      if (next === current.body) refuse("The text is unchanged.");
      return { body: next };
    }
  }
}

/** Who may see what: moderators everything; attendees visible and answered questions, plus their own pending ones. */
export function viewQuestion(question: QuestionRecord, viewer: Viewer): QuestionUpdate {
  const mine = viewer.userId !== null && question.authorId === viewer.userId;
  const visible = viewer.moderator || question.status === "VISIBLE" || question.status === "ANSWERED" || (mine && question.status === "PENDING");
  if (!visible) return { id: question.id, changeSeq: question.changeSeq, removed: true };
  return {
    id: question.id,
    body: question.body,
    authorName: question.anonymous && !viewer.moderator && !mine ? null : question.authorName,
    anonymous: question.anonymous,
    mine,
    status: question.status,
    highlighted: question.highlighted,
    votes: question.votes,
    changeSeq: question.changeSeq,
    edited: question.editedAt !== null,
    createdAt: question.createdAt,
  };
}

export function viewChange(change: QaChange, viewer: Viewer): QaChangeView {
  return { sessionId: change.sessionId, prev: change.prev, cursor: change.cursor, questions: change.questions.map((q) => viewQuestion(q, viewer)) };
}

/**
 * Coalesces a burst of changes of one session (e.g. a storm of votes) into as few as possible
 * without breaking the cursor chain: runs where each change starts where the previous ended
 * (next.prev === cursor) become one change holding the latest version of each question; a gap
 * (a change committed by another node, not seen here) starts a new change.
 */
export function mergeChanges(changes: QaChange[]): QaChange[] {
  const sorted = [...changes].sort((a, b) => a.cursor - b.cursor);
  const merged: QaChange[] = [];
  for (const change of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.sessionId === change.sessionId && change.prev === last.cursor) {
      const byId = new Map(last.questions.map((q) => [q.id, q]));
      for (const q of change.questions) {
        const known = byId.get(q.id);
        if (!known || known.changeSeq < q.changeSeq) byId.set(q.id, q);
      }
      merged[merged.length - 1] = { ...last, cursor: change.cursor, questions: [...byId.values()].sort((a, b) => a.changeSeq - b.changeSeq) };
    } else {
      merged.push(change);
    }
  }
  return merged;
}

/** Highlighted first, then open questions (by votes or newest), then answered ones. Pending and dismissed go last for moderators. */
export function sortQuestions<T extends Pick<QuestionView, "status" | "highlighted" | "votes" | "createdAt" | "id">>(questions: T[], mode: SortMode): T[] {
  const rank = (q: T) => (q.highlighted ? 0 : q.status === "PENDING" ? 1 : q.status === "VISIBLE" ? 2 : q.status === "ANSWERED" ? 3 : 4);
  return [...questions].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (mode === "votes" && a.votes !== b.votes) return b.votes - a.votes;
    if (a.createdAt !== b.createdAt) return mode === "votes" ? (a.createdAt < b.createdAt ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1;
    return a.id < b.id ? -1 : 1;
  });
}

/** The presenter screen: the highlighted question and the top `limit` other open questions by votes. */
export function presenterSelection<T extends Pick<QuestionView, "status" | "highlighted" | "votes" | "createdAt" | "id">>(questions: T[], limit = 5) {
  const highlighted = questions.find((q) => q.highlighted && q.status === "VISIBLE") ?? null;
  const top = sortQuestions(
    questions.filter((q) => q.status === "VISIBLE" && !q.highlighted),
    "votes",
  ).slice(0, limit);
  return { highlighted, top };
}

// ─── client-side state: merging live changes and catch-up results without losing any ───

export interface QaClientState {
  /** Every change up to this cursor has been applied (the cursor to send when reconnecting). */
  cursor: number;
  questions: Record<string, QuestionUpdate>;
  /** Changes that arrived ahead of a gap, waiting for the one before them. */
  pending: QaChangeView[];
}

export function initialClientState(questions: QuestionUpdate[], cursor: number): QaClientState {
  return applyUpdates({ cursor, questions: {}, pending: [] }, questions);
}

function applyUpdates(state: QaClientState, updates: QuestionUpdate[]): QaClientState {
  let questions = state.questions;
  for (const update of updates) {
    const known = questions[update.id];
    if (known && known.changeSeq >= update.changeSeq) continue;
    if (questions === state.questions) questions = { ...questions };
    questions[update.id] = update;
  }
  return questions === state.questions ? state : { ...state, questions };
}

/**
 * Applies a live change. Questions are applied at once (each keeps its newest version); the
 * cursor only moves along an unbroken chain (change.prev === cursor), so a change that arrives
 * out of order through another node cannot make a reconnecting client skip one it never saw.
 */
export function applyChange(state: QaClientState, change: QaChangeView): QaClientState {
  let next = applyUpdates(state, change.questions);
  if (change.cursor <= next.cursor) return next;
  next = { ...next, pending: [...next.pending, change] };
  return drainPending(next);
}

/** Applies a catch-up (join acknowledgement): everything up to `cursor` is now known. */
export function applyCatchUp(state: QaClientState, updates: QuestionUpdate[], cursor: number): QaClientState {
  const next = applyUpdates(state, updates);
  return drainPending({ ...next, cursor: Math.max(next.cursor, cursor) });
}

function drainPending(state: QaClientState): QaClientState {
  let { cursor } = state;
  let pending = state.pending.filter((c) => c.cursor > cursor);
  let advanced = true;
  while (advanced) {
    advanced = false;
    const link = pending.find((c) => c.prev <= cursor);
    if (link) {
      cursor = link.cursor;
      pending = pending.filter((c) => c.cursor > cursor);
      advanced = true;
    }
  }
  return { ...state, cursor, pending };
}

export function visibleQuestions(state: QaClientState): QuestionView[] {
  return Object.values(state.questions).filter((q): q is QuestionView => !q.removed);
}
