import { describe, expect, it } from "vitest";
import {
  barShares,
  emptyTally,
  leaderboardName,
  normaliseEntry,
  parseBallot,
  parsePollDraft,
  pollPatch,
  rankLeaderboard,
  viewPoll,
  type PollRecord,
} from "./polls";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

const poll = (over: Partial<PollRecord> = {}): PollRecord => ({
  id: "p",
  sessionId: "s",
  kind: "QUIZ",
  question: "Q?",
  status: "OPEN",
  showResults: true,
  allowChange: false,
  anonymous: true,
  timerSeconds: 30,
  hiddenEntries: [],
  openedAt: null,
  closesAt: null,
  closedAt: null,
  createdAt: new Date(0).toISOString(),
  options: [
    { id: A, label: "a", correct: false, position: 0 },
    { id: B, label: "b", correct: true, position: 1 },
  ],
  ...over,
});

describe("ballots", () => {
  it("accepts one choice for single and quiz, several distinct for multiple", () => {
    expect(parseBallot("SINGLE", { choices: [A] })).toEqual({ choices: [A], rating: null, text: null });
    expect(() => parseBallot("SINGLE", { choices: [A, B] })).toThrow("Choose one answer.");
    expect(() => parseBallot("MULTIPLE", { choices: [A, A] })).toThrow();
    expect(parseBallot("MULTIPLE", { choices: [A, B] }).choices).toEqual([A, B]);
    expect(() => parseBallot("QUIZ", { choices: ["not-a-uuid"] })).toThrow();
    expect(() => parseBallot("SINGLE", {})).toThrow("Choose an answer.");
  });
  it("takes ratings 1–5 only and limits text", () => {
    expect(parseBallot("RATING", { rating: "4" }).rating).toBe(4);
    expect(() => parseBallot("RATING", { rating: 6 })).toThrow();
    expect(() => parseBallot("RATING", { rating: 2.5 })).toThrow();
    expect(parseBallot("WORD_CLOUD", { text: "  open\n data " }).text).toBe("open data");
    expect(() => parseBallot("WORD_CLOUD", { text: "x".repeat(41) })).toThrow("40 characters");
    expect(() => parseBallot("TEXT", { text: "\u200b " })).toThrow("Type an answer.");
  });
});

describe("drafts and moderation", () => {
  it("needs two distinct answers and a correct one for a quiz", () => {
    expect(() => parsePollDraft({ kind: "SINGLE", question: "Q", options: ["a"], showResults: true, allowChange: false, anonymous: true })).toThrow();
    expect(() => parsePollDraft({ kind: "SINGLE", question: "Q", options: ["a", "A"], showResults: true, allowChange: false, anonymous: true })).toThrow();
    const quiz = parsePollDraft({ kind: "QUIZ", question: "Q", options: ["a", "b", ""], correct: 2, showResults: true, allowChange: false, anonymous: true });
    expect(quiz.options).toEqual([
      { label: "a", correct: false },
      { label: "b", correct: true },
    ]);
    expect(quiz.timerSeconds).toBe(30);
  });
  it("launches drafts only and closes open polls only", () => {
    expect(pollPatch({ status: "DRAFT", kind: "SINGLE" }, "launch")).toEqual({ status: "OPEN" });
    expect(() => pollPatch({ status: "CLOSED", kind: "SINGLE" }, "launch")).toThrow();
    expect(() => pollPatch({ status: "DRAFT", kind: "SINGLE" }, "close")).toThrow();
    expect(() => pollPatch({ status: "OPEN", kind: "SINGLE" }, "hide-entry")).toThrow();
  });
});

describe("what viewers see", () => {
  it("hides a quiz's correct answer from the audience until it closes, and results when asked", () => {
    const tally = { ...emptyTally(), total: 3, options: { [A]: 1, [B]: 2 } };
    expect(viewPoll(poll(), tally, { moderator: false }).options.some((o) => "correct" in o)).toBe(false);
    expect(viewPoll(poll({ status: "CLOSED" }), tally, { moderator: false }).options[1].correct).toBe(true);
    expect(viewPoll(poll({ showResults: false }), tally, { moderator: false }).results).toBeNull();
    expect(viewPoll(poll({ showResults: false }), tally, { moderator: true }).results?.options.map((o) => o.count)).toEqual([1, 2]);
  });
  it("drops hidden words for the audience and never shows names of an anonymous poll", () => {
    const tally = {
      ...emptyTally(),
      total: 2,
      entries: [
        { text: "ok", count: 1, author: "Ann" },
        { text: "bad", count: 1, author: "Bob" },
      ],
    };
    const text = poll({ kind: "TEXT", hiddenEntries: ["bad"], anonymous: false });
    expect(viewPoll(text, tally, { moderator: false }).results?.entries).toEqual([{ text: "ok", count: 1 }]);
    expect(viewPoll(text, tally, { moderator: true }).results?.entries[1]).toEqual({ text: "bad", count: 1, author: "Bob", hidden: true });
    expect(viewPoll({ ...text, anonymous: true }, tally, { moderator: true }).results?.entries[0]).toEqual({ text: "ok", count: 1 });
  });
  it("ranks a quiz by correct answers, then speed, sharing equal ranks", () => {
    const ranked = rankLeaderboard([
      { userId: "1", name: "A", correct: 2, ms: 900 },
      { userId: "2", name: "B", correct: 3, ms: 2000 },
      { userId: "3", name: "C", correct: 2, ms: 900 },
    ]);
    expect(ranked.map((r) => [r.userId, r.rank])).toEqual([
      ["2", 1],
      ["1", 2],
      ["3", 2],
    ]);
    expect(leaderboardName("Ana Maria Silva")).toBe("Ana S.");
    expect(normaliseEntry("  Open   DATA ")).toBe("open data");
    expect(barShares([0, 5, 10])).toEqual([0, 50, 100]);
  });
});
