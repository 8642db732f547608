// Speed-networking pairing: the people present are paired to maximise shared themes and intents,
// never repeating a pair from an earlier round while a new partner is possible; with an odd
// number, one person sits out (a bye), preferring whoever has had the fewest byes. Pure and
// deterministic for a given input and seed.

export interface Participant {
  id: string;
  themes: string[];
  intents: string[];
  organisationId?: string | null;
}

export interface Pairing {
  pairs: [string, string][];
  bye: string | null;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Intents that fit together across the table (an investor and a city that wants to pilot). */
const COMPLEMENTS: Record<string, string[]> = {
  INVEST: ["PILOT", "REPLICATE", "CO_FUND"],
  CO_FUND: ["INVEST", "PILOT", "REPLICATE"],
  PILOT: ["INVEST", "CO_FUND", "ADVISE", "PARTNER"],
  REPLICATE: ["INVEST", "CO_FUND", "ADVISE", "PARTNER"],
  PARTNER: ["PARTNER", "PILOT", "REPLICATE"],
  ADVISE: ["PILOT", "REPLICATE"],
};

const REPEAT_PENALTY = 1000;

/** How well two people fit: shared themes count most, then complementary and shared intents; colleagues fit least. */
export function pairScore(a: Participant, b: Participant): number {
  const themes = a.themes.filter((t) => b.themes.includes(t)).length;
  let intents = 0;
  for (const i of a.intents) for (const j of b.intents) if (COMPLEMENTS[i]?.includes(j)) intents += 1;
  const shared = a.intents.filter((i) => b.intents.includes(i)).length;
  const colleagues = a.organisationId && a.organisationId === b.organisationId ? 3 : 0;
  return themes * 3 + intents * 2 + shared - colleagues;
}

/** A small deterministic PRNG (mulberry32) for tie-breaking. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function pairParticipants(people: Participant[], options: { met?: Set<string>; byes?: Map<string, number>; seed?: number } = {}): Pairing {
  const met = options.met ?? new Set<string>();
  const byes = options.byes ?? new Map<string, number>();
  const rand = random(options.seed ?? 1);
  // Deduplicate, then shuffle deterministically so ties do not always favour the same ids.
  const unique = [...new Map(people.map((p) => [p.id, p])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const order = unique
    .map((p) => ({ p, r: rand() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.p);

  let bye: string | null = null;
  let pool = order;
  if (order.length % 2 === 1) {
    // Fewest earlier byes sits out; among those, the one who loses least (lowest best fit).
    const best = (p: Participant) => Math.max(-Infinity, ...order.filter((q) => q.id !== p.id).map((q) => weight(p, q)));
    const candidate = [...order].sort((a, b) => (byes.get(a.id) ?? 0) - (byes.get(b.id) ?? 0) || best(a) - best(b))[0];
    bye = candidate.id;
    pool = order.filter((p) => p.id !== bye);
  }

  function weight(a: Participant, b: Participant): number {
    return pairScore(a, b) - (met.has(pairKey(a.id, b.id)) ? REPEAT_PENALTY : 0);
  }

  // Greedy on the heaviest edges first…
  const edges: { a: number; b: number; w: number }[] = [];
  for (let i = 0; i < pool.length; i++) for (let j = i + 1; j < pool.length; j++) edges.push({ a: i, b: j, w: weight(pool[i], pool[j]) });
  edges.sort((x, y) => y.w - x.w);
  const partner = new Array<number>(pool.length).fill(-1);
  for (const e of edges) {
    if (partner[e.a] === -1 && partner[e.b] === -1) {
      partner[e.a] = e.b;
      partner[e.b] = e.a;
    }
  }
  let pairs: [number, number][] = [];
  for (let i = 0; i < pool.length; i++) if (partner[i] > i) pairs.push([i, partner[i]]);

  // …then swap partners between two pairs while that raises the total (removes forced repeats).
  const w = (i: number, j: number) => weight(pool[i], pool[j]);
  let improved = true;
  for (let pass = 0; improved && pass < 50; pass++) {
    improved = false;
    for (let x = 0; x < pairs.length; x++) {
      for (let y = x + 1; y < pairs.length; y++) {
        const [a, b] = pairs[x];
        const [c, d] = pairs[y];
        const now = w(a, b) + w(c, d);
        if (w(a, c) + w(b, d) > now) {
          pairs[x] = [a, c];
          pairs[y] = [b, d];
          improved = true;
        } else if (w(a, d) + w(b, c) > now) {
          pairs[x] = [a, d];
          pairs[y] = [b, c];
          improved = true;
        }
      }
    }
  }
  pairs = pairs.map(([a, b]) => (pool[a].id < pool[b].id ? [a, b] : [b, a]));
  return { pairs: pairs.map(([a, b]) => [pool[a].id, pool[b].id]), bye };
}
