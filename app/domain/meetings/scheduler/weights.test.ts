import { describe, expect, it } from "vitest";
import { MEETING_WEIGHTS, mutualWeight, type PreferenceLevel } from "./weights";

describe("mutualWeight", () => {
  it("weighs must-meet higher: both 3, one 2, both would-like 1", () => {
    expect(mutualWeight("MUST_MEET", "MUST_MEET")).toBe(3);
    expect(mutualWeight("MUST_MEET", "WOULD_LIKE")).toBe(2);
    expect(mutualWeight("WOULD_LIKE", "MUST_MEET")).toBe(2);
    expect(mutualWeight("WOULD_LIKE", "WOULD_LIKE")).toBe(1);
    expect(MEETING_WEIGHTS).toEqual({ bothMustMeet: 3, oneMustMeet: 2, bothWouldLike: 1 });
  });

  it("is 0 when either side said no thanks or did not say anything", () => {
    const levels: Array<PreferenceLevel | undefined | null> = ["MUST_MEET", "WOULD_LIKE", "NO_THANKS", undefined, null];
    for (const a of levels) {
      for (const b of levels) {
        const mutual = (a === "MUST_MEET" || a === "WOULD_LIKE") && (b === "MUST_MEET" || b === "WOULD_LIKE");
        expect(mutualWeight(a, b) > 0).toBe(mutual);
      }
    }
  });
});
