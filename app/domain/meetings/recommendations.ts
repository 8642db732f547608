// Who should I meet? A ranked list of the other participants with the reasons spelled out,
// written from the reader's side ("you seek 5–20 M€, they invest 2–25 M€").
//
// Scoring is a plain sum of points per reason, so the ranking can be explained by the reasons
// shown; the weights below say what counts most: money that fits and a solution someone wants
// to replicate beat a shared theme, which beats a shared stage or a compatible intent.
import { THEME_LABELS, type ThemeName } from "~/domain/kernel/vocabulary";

export type IntentName = "INVEST" | "CO_FUND" | "PILOT" | "REPLICATE" | "PARTNER" | "ADVISE";

/** Euro amounts arrive as BigInt from the database or as numbers from forms and tests. */
export type EuroAmount = number | bigint;

/** What matching needs to know about a participant (their organisation's profile + intents). */
export interface MatchProfile {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the organisation. */
  country?: string | null;
  themes: readonly ThemeName[];
  /** Investors: countries they fund in (Organisation.focusCountries). */
  focusCountries?: readonly string[];
  /** Investors: ticket size range. */
  ticketMinEur?: EuroAmount | null;
  ticketMaxEur?: EuroAmount | null;
  /** Cities and projects: the investment they seek, or the low end of a range… */
  investmentSoughtEur?: EuroAmount | null;
  /** …and its high end, when they seek a range. */
  investmentSoughtMaxEur?: EuroAmount | null;
  /** Investors: stages they fund; cities and projects: the stage they are at. */
  stages?: readonly string[];
  solutionsOffered?: readonly string[];
  /** Solutions they want to replicate. */
  solutionsWanted?: readonly string[];
  intents?: readonly IntentName[];
}

export interface Recommendation<P extends MatchProfile = MatchProfile> {
  candidate: P;
  score: number;
  /** Most telling first; join with ", " for one line (see formatReasons). */
  reasons: string[];
}

export interface RecommendOptions {
  /** People not to suggest: already met, already booked, said "no thanks"… */
  exclude?: Iterable<string>;
  /** At most this many recommendations (default 20). */
  limit?: number;
}

export const RECOMMENDATION_POINTS = {
  perSharedTheme: 2,
  maxSharedThemes: 3,
  fundingFits: 5,
  fundsInCountry: 2,
  wantedSolution: 4,
  maxWantedSolutions: 2,
  sharedStage: 1,
  compatibleIntent: 1,
  coFunding: 2,
} as const;

/**
 * The candidates worth meeting, best first, each with its reasons. Candidates with no reason at
 * all are left out, as are `me` and the excluded ids. Ties are broken by name, so the list is
 * stable from one page load to the next.
 */
export function recommendMatches<P extends MatchProfile>(me: MatchProfile, candidates: readonly P[], options: RecommendOptions = {}): Recommendation<P>[] {
  const excluded = new Set(options.exclude ?? []);
  const limit = options.limit ?? 20;
  const recommendations: Recommendation<P>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === me.id || excluded.has(candidate.id)) continue;
    const scored = scoreMatch(me, candidate);
    if (scored.reasons.length === 0) continue;
    recommendations.push({ candidate, ...scored });
  }
  recommendations.sort(
    (a, b) =>
      b.score - a.score ||
      b.reasons.length - a.reasons.length ||
      a.candidate.name.localeCompare(b.candidate.name, "en") ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  return recommendations.slice(0, Math.max(0, limit));
}

/** "3 shared themes, you seek 5–20 M€, they invest 2–25 M€". */
export function formatReasons(reasons: readonly string[]): string {
  return reasons.join(", ");
}

/** Points and reasons for one candidate, from `me`'s side. */
export function scoreMatch(me: MatchProfile, them: MatchProfile): { score: number; reasons: string[] } {
  const points = RECOMMENDATION_POINTS;
  const reasons: string[] = [];
  let score = 0;
  const add = (value: number, reason: string) => {
    score += value;
    reasons.push(reason);
  };

  // Themes.
  const sharedThemes = me.themes.filter((theme, i) => them.themes.includes(theme) && me.themes.indexOf(theme) === i);
  if (sharedThemes.length === 1) add(points.perSharedTheme, `shared theme: ${THEME_LABELS[sharedThemes[0]] ?? sharedThemes[0]}`);
  else if (sharedThemes.length > 1) add(points.perSharedTheme * Math.min(sharedThemes.length, points.maxSharedThemes), `${sharedThemes.length} shared themes`);

  // Money: one side seeks what the other side's tickets cover.
  const mySought = euroRange(me.investmentSoughtEur, me.investmentSoughtMaxEur ?? me.investmentSoughtEur);
  const theirSought = euroRange(them.investmentSoughtEur, them.investmentSoughtMaxEur ?? them.investmentSoughtEur);
  const myTicket = euroRange(me.ticketMinEur, me.ticketMaxEur);
  const theirTicket = euroRange(them.ticketMinEur, them.ticketMaxEur);
  if (mySought && theirTicket && rangesMeet(mySought, theirTicket)) {
    add(points.fundingFits, `you seek ${formatEuroRange(mySought.min, mySought.max)}, they invest ${formatEuroRange(theirTicket.min, theirTicket.max)}`);
  }
  if (theirSought && myTicket && rangesMeet(theirSought, myTicket)) {
    add(points.fundingFits, `they seek ${formatEuroRange(theirSought.min, theirSought.max)}, you invest ${formatEuroRange(myTicket.min, myTicket.max)}`);
  }

  // Countries funded.
  const theyFundHere = isInvestor(them) && me.country && includesCode(them.focusCountries, me.country);
  const iFundThere = isInvestor(me) && them.country && includesCode(me.focusCountries, them.country);
  if (theyFundHere) add(points.fundsInCountry, "they fund in your country");
  if (iFundThere) add(points.fundsInCountry, "you fund in their country");

  // Solutions one side offers and the other wants to replicate.
  const theyOffer = matchingSolutions(them.solutionsOffered, me.solutionsWanted).slice(0, points.maxWantedSolutions);
  for (const solution of theyOffer) add(points.wantedSolution, `they offer ${solution} that you want to replicate`);
  const iOffer = matchingSolutions(me.solutionsOffered, them.solutionsWanted).slice(0, points.maxWantedSolutions);
  for (const solution of iOffer) add(points.wantedSolution, `you offer ${solution} that they want to replicate`);

  // Stages: an investor's funded stages against the stage a city or project is at.
  const sharedStages = matchingSolutions(them.stages, me.stages);
  if (sharedStages.length > 0) {
    const stageList = sharedStages.join(", ");
    if (isInvestor(them) && !isInvestor(me)) add(points.sharedStage, `they fund your stage (${stageList})`);
    else if (isInvestor(me) && !isInvestor(them)) add(points.sharedStage, `they are at a stage you fund (${stageList})`);
    else add(points.sharedStage, `same stage (${stageList})`);
  }

  // Intents that fit together.
  const mine = new Set(me.intents ?? []);
  const theirs = new Set(them.intents ?? []);
  if (mine.has("CO_FUND") && (theirs.has("INVEST") || theirs.has("CO_FUND"))) add(points.coFunding, "they invest and you look to co-fund");
  else if (mine.has("INVEST") && theirs.has("CO_FUND")) add(points.coFunding, "they look to co-fund");
  if (mine.has("PILOT") && theirs.has("PILOT")) add(points.compatibleIntent, "you both want to run pilots");
  if (mine.has("PARTNER") && theirs.has("PARTNER")) add(points.compatibleIntent, "you both look for partners");
  // Advice is only worth a meeting on a subject you share.
  if (theirs.has("ADVISE") && sharedThemes.length > 0) add(points.compatibleIntent, "they offer advice on your themes");

  return { score, reasons };
}

// ───────────────────────────── money ─────────────────────────────

interface EuroRange {
  min: number | null;
  max: number | null;
}

function toEuros(amount: EuroAmount | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  const value = typeof amount === "bigint" ? Number(amount) : amount;
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** A range from two ends, either open; null when both are unknown or the range is empty. */
function euroRange(min: EuroAmount | null | undefined, max: EuroAmount | null | undefined): EuroRange | null {
  const low = toEuros(min);
  const high = toEuros(max);
  if (low === null && high === null) return null;
  if (low !== null && high !== null && high < low) return null;
  if (low === 0 && (high === null || high === 0)) return null; // "seeks 0 €" is not a need
  return { min: low, max: high };
}

function rangesMeet(a: EuroRange, b: EuroRange): boolean {
  const aLow = a.min ?? 0;
  const bLow = b.min ?? 0;
  const aHigh = a.max ?? Infinity;
  const bHigh = b.max ?? Infinity;
  return aLow <= bHigh && bLow <= aHigh;
}

function isInvestor(profile: MatchProfile): boolean {
  return (
    toEuros(profile.ticketMinEur) !== null ||
    toEuros(profile.ticketMaxEur) !== null ||
    (profile.intents ?? []).some((intent) => intent === "INVEST" || intent === "CO_FUND")
  );
}

type EuroUnit = "M€" | "k€" | "€";

function unitOf(amount: number): EuroUnit {
  return amount >= 1_000_000 ? "M€" : amount >= 1_000 ? "k€" : "€";
}

function amountIn(amount: number, unit: EuroUnit): string {
  const scaled = unit === "M€" ? amount / 1_000_000 : unit === "k€" ? amount / 1_000 : amount;
  // One decimal where it matters (2.5 M€), none once the number is large (120 M€).
  const digits = scaled < 100 ? 1 : 0;
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: digits }).format(scaled);
}

/** "5 M€", "2.5 M€", "750 k€", "1,200 M€", "800 €". */
export function formatEuros(amount: EuroAmount): string {
  const euros = toEuros(amount) ?? 0;
  const unit = unitOf(euros);
  return `${amountIn(euros, unit)} ${unit}`;
}

/** "5–20 M€", "500 k€–2 M€", "from 2 M€", "up to 25 M€", "5 M€". */
export function formatEuroRange(min: EuroAmount | null | undefined, max: EuroAmount | null | undefined): string {
  const low = toEuros(min);
  const high = toEuros(max);
  if (low === null && high === null) return "";
  if (high === null) return `from ${formatEuros(low!)}`;
  if (low === null || low === 0) return `up to ${formatEuros(high)}`;
  if (low === high) return formatEuros(low);
  const lowUnit = unitOf(low);
  const highUnit = unitOf(high);
  if (lowUnit === highUnit) return `${amountIn(low, lowUnit)}–${amountIn(high, highUnit)} ${highUnit}`;
  return `${formatEuros(low)}–${formatEuros(high)}`;
}

// ───────────────────────────── text lists ─────────────────────────────

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/** The entries of `offered` that `wanted` also lists (case and spacing ignored), as offered. */
function matchingSolutions(offered: readonly string[] | undefined, wanted: readonly string[] | undefined): string[] {
  if (!offered || !wanted || offered.length === 0 || wanted.length === 0) return [];
  const wantedSet = new Set(wanted.map(normalise).filter(Boolean));
  const seen = new Set<string>();
  const found: string[] = [];
  for (const item of offered) {
    const key = normalise(item);
    if (!key || seen.has(key) || !wantedSet.has(key)) continue;
    seen.add(key);
    found.push(item.trim().replace(/\s+/g, " "));
  }
  return found;
}

function includesCode(codes: readonly string[] | undefined, code: string): boolean {
  const wanted = code.trim().toUpperCase();
  return (codes ?? []).some((c) => c.trim().toUpperCase() === wanted);
}
