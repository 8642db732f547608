import { describe, expect, it } from "vitest";
import { npsScore, parseAnswers, parseQuestionDraft, summarise, type SurveyQuestionRecord } from "./surveys";

const qs: SurveyQuestionRecord[] = [
  { id: "n", kind: "NPS", prompt: "Recommend?", options: [], position: 0 },
  { id: "r", kind: "RATING", prompt: "Venue", options: [], position: 1 },
  { id: "c", kind: "CHOICE", prompt: "Format", options: ["Panels", "Workshops"], position: 2 },
  { id: "t", kind: "TEXT", prompt: "Else?", options: [], position: 3 },
];

describe("surveys", () => {
  it("validates answers by kind, all optional but at least one", () => {
    expect(parseAnswers(qs, { q_n: "0", q_r: "5", q_c: "Panels", q_t: "  Great  " })).toEqual({ n: 0, r: 5, c: "Panels", t: "Great" });
    expect(() => parseAnswers(qs, { q_n: "11" })).toThrow();
    expect(() => parseAnswers(qs, { q_r: "0" })).toThrow();
    expect(() => parseAnswers(qs, { q_c: "Other" })).toThrow();
    expect(() => parseAnswers(qs, {})).toThrow("Answer at least one question.");
  });
  it("needs choices for a choice question", () => {
    expect(() => parseQuestionDraft({ kind: "CHOICE", prompt: "Q", options: "one" })).toThrow();
    expect(parseQuestionDraft({ kind: "NPS", prompt: " Q ", options: "ignored" })).toEqual({ kind: "NPS", prompt: "Q", options: [] });
  });
  it("computes NPS as promoters minus detractors", () => {
    const counts = Array(11).fill(0);
    counts[10] = 2;
    counts[8] = 1;
    counts[3] = 1;
    expect(npsScore(counts)).toBe(25);
    expect(npsScore(Array(11).fill(0))).toBeNull();
  });
  it("summarises distributions, averages and texts", () => {
    const [n, r, c, t] = summarise(qs, [
      { n: 10, r: 4, c: "Workshops", t: "More coffee" },
      { n: 6, r: 2 },
    ]);
    expect(n.nps).toBe(0);
    expect(r.counts).toEqual([0, 1, 0, 1, 0]);
    expect(r.average).toBe(3);
    expect(c.counts).toEqual([0, 1]);
    expect(t.texts).toEqual(["More coffee"]);
  });
});
