import { describe, expect, it } from "vitest";
import { pairKey, pairParticipants, pairScore, type Participant } from "./pairing";
import { formatCountdown, meetingPlace, parseMessageBody, parseRoundMinutes, secondsLeft } from "./rooms";

const person = (id: string, themes: string[] = [], intents: string[] = [], organisationId: string | null = null): Participant => ({
  id,
  themes,
  intents,
  organisationId,
});

describe("pair scores", () => {
  it("prefer shared themes and complementary intents, and penalise colleagues", () => {
    const investor = person("i", ["MOBILITY"], ["INVEST"]);
    const city = person("c", ["MOBILITY"], ["PILOT"]);
    const stranger = person("s", ["ENERGY"], ["ADVISE"]);
    expect(pairScore(investor, city)).toBeGreaterThan(pairScore(investor, stranger));
    expect(pairScore(person("a", [], [], "o"), person("b", [], [], "o"))).toBeLessThan(0);
  });
});

describe("pairing", () => {
  it("pairs everyone once, with one bye when the count is odd", () => {
    const people = ["a", "b", "c", "d", "e"].map((id) => person(id));
    const { pairs, bye } = pairParticipants(people);
    expect(pairs).toHaveLength(2);
    expect(bye).not.toBeNull();
    expect(new Set([...pairs.flat(), bye]).size).toBe(5);
  });

  it("prefers mutual interests", () => {
    const people = [
      person("inv", ["MOBILITY"], ["INVEST"]),
      person("x", ["ENERGY"], ["ADVISE"]),
      person("city", ["MOBILITY"], ["PILOT"]),
      person("y", ["ENERGY"], ["ADVISE"]),
    ];
    const { pairs } = pairParticipants(people);
    expect(pairs.map(([a, b]) => pairKey(a, b)).sort()).toEqual([pairKey("city", "inv"), pairKey("x", "y")].sort());
  });

  it("avoids every repeat over a full round robin of 6 people (5 rounds, 15 distinct pairs)", () => {
    const people = ["a", "b", "c", "d", "e", "f"].map((id) => person(id, ["MOBILITY"]));
    const met = new Set<string>();
    for (let round = 1; round <= 5; round++) {
      const { pairs } = pairParticipants(people, { met, seed: round });
      for (const [a, b] of pairs) {
        expect(met.has(pairKey(a, b))).toBe(false);
        met.add(pairKey(a, b));
      }
    }
    expect(met.size).toBe(15);
  });

  it("gives the bye to someone who has not had one yet", () => {
    const people = ["a", "b", "c"].map((id) => person(id));
    const { bye } = pairParticipants(people, {
      byes: new Map([
        ["a", 1],
        ["b", 1],
      ]),
    });
    expect(bye).toBe("c");
  });

  it("drops people who are no longer present and ignores duplicates", () => {
    const { pairs, bye } = pairParticipants([person("a"), person("b"), person("a")]);
    expect(pairs).toEqual([["a", "b"]]);
    expect(bye).toBeNull();
    expect(pairParticipants([person("solo")])).toEqual({ pairs: [], bye: "solo" });
  });
});

describe("room rules", () => {
  it("validates messages and round lengths", () => {
    expect(parseMessageBody(" hi\u0007 ")).toBe("hi");
    expect(() => parseMessageBody("")).toThrow(/Write a message/);
    expect(() => parseMessageBody("x".repeat(1001))).toThrow(/1000/);
    expect(parseRoundMinutes("5")).toBe(5);
    expect(() => parseRoundMinutes(0)).toThrow(/1 to 60/);
    expect(() => parseRoundMinutes(2.5)).toThrow();
  });
  it("places pairs at tables in person and in video rooms online", () => {
    const secret = "Zm9vYmFyYmF6cXV4MTIzNA";
    expect(meetingPlace("IN_PERSON", 2, { roomId: "abcdef12-0000", number: 1 }, secret)).toBe("Table 3");
    expect(meetingPlace("ONLINE", 0, { roomId: "abcdef12-0000", number: 4 }, secret)).toBe(`https://meet.jit.si/scale-abcdef12-r4-p1-${secret}`);
    // Without enough randomness the link would be guessable: refused rather than produced.
    expect(() => meetingPlace("ONLINE", 0, { roomId: "abcdef12-0000", number: 4 }, "short")).toThrow();
    expect(() => meetingPlace("ONLINE", 0, { roomId: "abcdef12-0000", number: 4 }, "has spaces and / slashes!!")).toThrow();
  });
  it("counts down", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(secondsLeft({ endsAt: "2026-01-01T10:05:00Z" }, now)).toBe(300);
    expect(secondsLeft({ endsAt: "2026-01-01T09:00:00Z" }, now)).toBe(0);
    expect(formatCountdown(65)).toBe("1:05");
  });
});
