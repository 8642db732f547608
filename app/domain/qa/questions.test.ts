import { describe, expect, it } from "vitest";
import {
  applyCatchUp,
  applyChange,
  initialClientState,
  mergeChanges,
  moderationPatch,
  parseQuestionBody,
  presenterSelection,
  sortQuestions,
  viewQuestion,
  visibleQuestions,
  type QaChangeView,
  type QuestionRecord,
  type QuestionView,
} from "./questions";

const record = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id: "q1",
  sessionId: "s",
  authorId: "alice",
  authorName: "Alice",
  body: "Why?",
  anonymous: false,
  status: "VISIBLE",
  highlighted: false,
  votes: 0,
  changeSeq: 1,
  editedAt: null,
  createdAt: "2026-01-01T10:00:00.000Z",
  ...over,
});
const view = (over: Partial<QuestionView> = {}): QuestionView => ({ ...(viewQuestion(record(), { userId: "x", moderator: false }) as QuestionView), ...over });

describe("question bodies", () => {
  it("trims, strips control characters and keeps at most one blank line", () => {
    expect(parseQuestionBody("  a\u0000b\r\n\n\n\nc  ")).toBe("ab\n\nc");
  });
  it("refuses empty and over-long text, counting characters not UTF-16 units", () => {
    expect(() => parseQuestionBody(" \n ")).toThrow(/Write your question/);
    expect(() => parseQuestionBody(42)).toThrow(/Write your question/);
    expect(parseQuestionBody("😀".repeat(500))).toHaveLength(1000);
    expect(() => parseQuestionBody("a".repeat(501))).toThrow(/500 characters/);
  });
});

describe("moderation", () => {
  it("allows each action only from the states that make sense", () => {
    expect(moderationPatch({ status: "PENDING", highlighted: false, body: "x" }, "approve")).toEqual({ status: "VISIBLE" });
    expect(() => moderationPatch({ status: "VISIBLE", highlighted: false, body: "x" }, "approve")).toThrow(/waiting/);
    expect(moderationPatch({ status: "VISIBLE", highlighted: true, body: "x" }, "answer")).toEqual({ status: "ANSWERED", highlighted: false });
    expect(moderationPatch({ status: "VISIBLE", highlighted: false, body: "x" }, "highlight")).toEqual({ highlighted: true, clearOtherHighlights: true });
    expect(() => moderationPatch({ status: "PENDING", highlighted: false, body: "x" }, "highlight")).toThrow(/visible/);
    expect(moderationPatch({ status: "ANSWERED", highlighted: false, body: "x" }, "reopen")).toEqual({ status: "VISIBLE" });
    expect(moderationPatch({ status: "VISIBLE", highlighted: false, body: "x" }, "edit", " y ")).toEqual({ body: "y" });
    expect(() => moderationPatch({ status: "VISIBLE", highlighted: false, body: "y" }, "edit", "y")).toThrow(/unchanged/);
    expect(() => moderationPatch({ status: "DISMISSED", highlighted: false, body: "y" }, "dismiss")).toThrow(/already/);
  });
});

describe("what each viewer sees", () => {
  it("hides anonymous authors from other attendees only", () => {
    const q = record({ anonymous: true });
    expect((viewQuestion(q, { userId: "bob", moderator: false }) as QuestionView).authorName).toBeNull();
    expect((viewQuestion(q, { userId: "mod", moderator: true }) as QuestionView).authorName).toBe("Alice");
    expect(viewQuestion(q, { userId: "alice", moderator: false })).toMatchObject({ authorName: "Alice", mine: true });
  });
  it("turns pending and dismissed questions into tombstones for attendees, except the author's own pending one", () => {
    expect(viewQuestion(record({ status: "PENDING" }), { userId: "bob", moderator: false })).toEqual({ id: "q1", changeSeq: 1, removed: true });
    expect(viewQuestion(record({ status: "PENDING" }), { userId: "alice", moderator: false })).toMatchObject({ status: "PENDING", mine: true });
    expect(viewQuestion(record({ status: "DISMISSED" }), { userId: "alice", moderator: false })).toMatchObject({ removed: true });
    expect(viewQuestion(record({ status: "DISMISSED" }), { userId: null, moderator: true })).toMatchObject({ status: "DISMISSED" });
  });
});

describe("sorting and the presenter view", () => {
  const list = [
    view({ id: "a", votes: 1, createdAt: "2026-01-01T10:00:00Z" }),
    view({ id: "b", votes: 5, createdAt: "2026-01-01T10:01:00Z" }),
    view({ id: "c", votes: 5, createdAt: "2026-01-01T10:02:00Z", highlighted: true }),
    view({ id: "d", votes: 9, createdAt: "2026-01-01T10:03:00Z", status: "ANSWERED" }),
    view({ id: "e", votes: 0, createdAt: "2026-01-01T10:04:00Z" }),
  ];
  it("puts the highlight first, then open questions by votes (older first on ties) or newest, answered last", () => {
    expect(sortQuestions(list, "votes").map((q) => q.id)).toEqual(["c", "b", "a", "e", "d"]);
    expect(sortQuestions(list, "newest").map((q) => q.id)).toEqual(["c", "e", "b", "a", "d"]);
  });
  it("shows the highlighted question and the top open ones", () => {
    const { highlighted, top } = presenterSelection(list, 2);
    expect(highlighted?.id).toBe("c");
    expect(top.map((q) => q.id)).toEqual(["b", "a"]);
  });
});

describe("client state from a cursor", () => {
  const change = (prev: number, cursor: number, id: string, votes = 0): QaChangeView => ({
    sessionId: "s",
    prev,
    cursor,
    questions: [view({ id, changeSeq: cursor, votes })],
  });
  it("advances the cursor only along an unbroken chain, even when changes arrive out of order", () => {
    let state = initialClientState([], 10);
    state = applyChange(state, change(12, 15, "b"));
    expect(state.cursor).toBe(10); // 11–12 not seen yet
    expect(visibleQuestions(state).map((q) => q.id)).toEqual(["b"]);
    state = applyChange(state, change(10, 12, "a"));
    expect(state.cursor).toBe(15);
    expect(state.pending).toEqual([]);
  });
  it("keeps the newest version of a question and lets tombstones remove it", () => {
    let state = initialClientState([view({ id: "a", changeSeq: 5, votes: 3 })], 5);
    state = applyChange(state, change(5, 7, "a", 4));
    state = applyChange(state, { sessionId: "s", prev: 4, cursor: 6, questions: [view({ id: "a", changeSeq: 6, votes: 99 })] });
    expect(visibleQuestions(state)[0].votes).toBe(4);
    state = applyChange(state, { sessionId: "s", prev: 7, cursor: 8, questions: [{ id: "a", changeSeq: 8, removed: true }] });
    expect(visibleQuestions(state)).toEqual([]);
  });
  it("catches up from a join acknowledgement and drains what was waiting", () => {
    let state = initialClientState([], 3);
    state = applyChange(state, change(9, 11, "z"));
    state = applyCatchUp(state, [view({ id: "y", changeSeq: 9 })], 9);
    expect(state.cursor).toBe(11);
    expect(
      visibleQuestions(state)
        .map((q) => q.id)
        .sort(),
    ).toEqual(["y", "z"]);
  });
});

describe("coalescing a burst of changes", () => {
  const c = (prev: number, cursor: number, id: string, votes: number) => ({
    sessionId: "s",
    prev,
    cursor,
    questions: [record({ id, changeSeq: cursor, votes })],
  });
  it("merges an unbroken chain into one change with the latest version of each question", () => {
    const merged = mergeChanges([c(2, 3, "a", 2), c(1, 2, "a", 1), c(3, 4, "b", 1)]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ prev: 1, cursor: 4 });
    expect(merged[0].questions.map((q) => [q.id, q.votes])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });
  it("keeps a gap (a change from another node) as a break in the chain", () => {
    const merged = mergeChanges([c(1, 2, "a", 1), c(5, 6, "a", 3)]);
    expect(merged.map((m) => [m.prev, m.cursor])).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });
});
