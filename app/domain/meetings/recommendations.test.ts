import { describe, expect, it } from "vitest";
import { formatEuroRange, formatEuros, formatReasons, recommendMatches, scoreMatch, type MatchProfile } from "./recommendations";

const lisbon: MatchProfile = {
  id: "lisbon",
  name: "Lisbon",
  country: "PT",
  themes: ["MOBILITY", "ENERGY", "DATA_PLATFORMS"],
  investmentSoughtEur: 5_000_000n,
  investmentSoughtMaxEur: 20_000_000n,
  stages: ["pilot"],
  solutionsOffered: ["Open data portal"],
  solutionsWanted: ["Smart street lighting", "Bike sharing"],
  intents: ["REPLICATE", "PILOT"],
};

const greenFund: MatchProfile = {
  id: "green-fund",
  name: "Green Infrastructure Fund",
  country: "NL",
  themes: ["MOBILITY", "ENERGY", "DATA_PLATFORMS", "SMART_BUILDINGS"],
  ticketMinEur: 2_000_000n,
  ticketMaxEur: 25_000_000n,
  focusCountries: ["PT", "ES"],
  stages: ["pilot", "scale-up"],
  intents: ["INVEST"],
};

describe("formatEuros", () => {
  it("writes amounts in M€ with a decimal only where it matters", () => {
    expect(formatEuros(5_000_000)).toBe("5 M€");
    expect(formatEuros(2_500_000n)).toBe("2.5 M€");
    expect(formatEuros(2_345_678)).toBe("2.3 M€");
    expect(formatEuros(12_000_000)).toBe("12 M€");
    expect(formatEuros(120_400_000)).toBe("120 M€");
    expect(formatEuros(1_200_000_000n)).toBe("1,200 M€");
  });
  it("falls back to k€ and € for small amounts", () => {
    expect(formatEuros(750_000)).toBe("750 k€");
    expect(formatEuros(1_500)).toBe("1.5 k€");
    expect(formatEuros(800)).toBe("800 €");
    expect(formatEuros(0)).toBe("0 €");
  });
  it("writes ranges with the unit once when both ends share it", () => {
    expect(formatEuroRange(5_000_000, 20_000_000)).toBe("5–20 M€");
    expect(formatEuroRange(500_000, 2_000_000)).toBe("500 k€–2 M€");
    expect(formatEuroRange(2_000_000, null)).toBe("from 2 M€");
    expect(formatEuroRange(null, 25_000_000n)).toBe("up to 25 M€");
    expect(formatEuroRange(0, 25_000_000)).toBe("up to 25 M€");
    expect(formatEuroRange(8_000_000, 8_000_000)).toBe("8 M€");
    expect(formatEuroRange(null, null)).toBe("");
  });
});

describe("scoreMatch", () => {
  it("explains a city–investor match from the city's side, as in the roadshow brief", () => {
    const { reasons } = scoreMatch(lisbon, greenFund);
    expect(formatReasons(reasons.slice(0, 2))).toBe("3 shared themes, you seek 5–20 M€, they invest 2–25 M€");
    expect(reasons).toContain("they fund in your country");
    expect(reasons).toContain("they fund your stage (pilot)");
  });

  it("explains the same match from the investor's side", () => {
    const { reasons } = scoreMatch(greenFund, lisbon);
    expect(reasons).toEqual(["3 shared themes", "they seek 5–20 M€, you invest 2–25 M€", "you fund in their country", "they are at a stage you fund (pilot)"]);
  });

  it("is symmetric in points", () => {
    expect(scoreMatch(lisbon, greenFund).score).toBe(scoreMatch(greenFund, lisbon).score);
  });

  it("names a single shared theme", () => {
    const { reasons } = scoreMatch({ ...lisbon, themes: ["GOVERNANCE"] }, { ...greenFund, themes: ["GOVERNANCE", "ENERGY"] });
    expect(reasons[0]).toBe("shared theme: Holistic steering & governance");
  });

  it("spots a solution one city offers and another wants to replicate, ignoring case and spacing", () => {
    const tallinn: MatchProfile = {
      id: "tallinn",
      name: "Tallinn",
      country: "EE",
      themes: [],
      solutionsOffered: ["Smart  street lighting", "e-Residency"],
      solutionsWanted: ["open data portal"],
    };
    expect(scoreMatch(lisbon, tallinn).reasons).toEqual([
      "they offer Smart street lighting that you want to replicate",
      "you offer Open data portal that they want to replicate",
    ]);
  });

  it("gives no funding reason when the amounts do not meet", () => {
    const bigTickets = { ...greenFund, ticketMinEur: 50_000_000n, ticketMaxEur: 200_000_000n };
    expect(scoreMatch(lisbon, bigTickets).reasons.some((r) => r.includes("you seek"))).toBe(false);
    const openEnded = { ...greenFund, ticketMinEur: 10_000_000n, ticketMaxEur: null };
    expect(scoreMatch(lisbon, openEnded).reasons).toContain("you seek 5–20 M€, they invest from 10 M€");
  });

  it("handles a single sought amount, number or bigint", () => {
    const project: MatchProfile = { id: "p", name: "Project", themes: [], investmentSoughtEur: 8_000_000 };
    expect(scoreMatch(project, greenFund).reasons).toContain("you seek 8 M€, they invest 2–25 M€");
    expect(scoreMatch({ ...project, investmentSoughtEur: 0n }, greenFund).reasons.some((r) => r.includes("seek"))).toBe(false);
  });

  it("does not claim investors fund in your country when they list no countries", () => {
    expect(scoreMatch(lisbon, { ...greenFund, focusCountries: [] }).reasons).not.toContain("they fund in your country");
    expect(scoreMatch({ ...lisbon, country: "pt " }, greenFund).reasons).toContain("they fund in your country");
  });

  it("rewards intents that fit together", () => {
    const coFunder: MatchProfile = { id: "c", name: "Co", themes: ["ENERGY"], intents: ["CO_FUND", "PARTNER"] };
    const investor: MatchProfile = { id: "i", name: "Inv", themes: [], intents: ["INVEST", "PARTNER"] };
    expect(scoreMatch(coFunder, investor).reasons).toEqual(["they invest and you look to co-fund", "you both look for partners"]);
    expect(scoreMatch(investor, coFunder).reasons).toEqual(["they look to co-fund", "you both look for partners"]);
    const piloting: MatchProfile = { id: "x", name: "X", themes: ["MOBILITY"], intents: ["PILOT", "ADVISE"] };
    expect(scoreMatch(lisbon, piloting).reasons).toEqual(["shared theme: Mobility", "you both want to run pilots", "they offer advice on your themes"]);
    expect(scoreMatch(lisbon, { ...piloting, themes: [] }).reasons).toEqual(["you both want to run pilots"]);
  });
});

describe("recommendMatches", () => {
  const candidates: MatchProfile[] = [
    { id: "nothing", name: "Nothing in common", country: "FR", themes: ["GOVERNANCE"] },
    greenFund,
    { id: "theme-only", name: "Theme only", country: "DE", themes: ["MOBILITY"] },
    { id: "lighting", name: "Lighting Co", country: "FI", themes: ["ENERGY"], solutionsOffered: ["Smart street lighting"] },
    lisbon,
    { id: "b-twin", name: "B twin", country: "DE", themes: ["ENERGY"] },
    { id: "a-twin", name: "A twin", country: "DE", themes: ["ENERGY"] },
  ];

  it("ranks by score, leaves out people with nothing in common and yourself", () => {
    const ranked = recommendMatches(lisbon, candidates);
    expect(ranked.map((r) => r.candidate.id)).toEqual(["green-fund", "lighting", "a-twin", "b-twin", "theme-only"]);
    expect(ranked[0].reasons[0]).toBe("3 shared themes");
    expect(ranked[1].reasons).toEqual(["shared theme: Energy", "they offer Smart street lighting that you want to replicate"]);
    expect(ranked.every((r, i) => i === 0 || ranked[i - 1].score >= r.score)).toBe(true);
  });

  it("skips excluded people and honours the limit", () => {
    const ranked = recommendMatches(lisbon, candidates, { exclude: ["green-fund"], limit: 2 });
    expect(ranked.map((r) => r.candidate.id)).toEqual(["lighting", "a-twin"]);
    expect(recommendMatches(lisbon, candidates, { limit: 0 })).toEqual([]);
  });

  it("returns the caller's own candidate objects", () => {
    const withExtra = candidates.map((c) => ({ ...c, slug: `org-${c.id}` }));
    expect(recommendMatches(lisbon, withExtra)[0].candidate.slug).toBe("org-green-fund");
  });
});
