// Step 2: a score no schedule can beat, so the organiser sees how close the proposal is and the
// search knows when to stop. What each relaxation keeps and forgets is documented on
// ScheduleProposal.upperBound; the time-blind one's optimal pair set also guides the greedy order.
import { maxWeightCapacitatedMatching, maxWeightFlow, type CapacitatedPair, type FlowArc } from "./flow";
import type { Model } from "./model";

export interface UpperBound {
  value: number;
  /** Pairs in the time-blind bound's optimal pair set. */
  chosen: Uint8Array;
  timeBlindBound: number;
  hostClockBound: number;
  guestClockBound: number;
  hostSideBound: number;
  guestSideBound: number;
}

/** Most pairwise non-overlapping intervals among the given classes (earliest end first is optimal). */
function mostNonOverlapping(model: Model, classes: Iterable<number>): number {
  const byEnd = [...classes].sort((a, b) => model.classEnd[a] - model.classEnd[b]);
  let count = 0;
  let lastEnd = -Infinity;
  for (const c of byEnd) {
    if (model.classStart[c] >= lastEnd) {
      count++;
      lastEnd = model.classEnd[c];
    }
  }
  return count;
}

export function computeUpperBound(model: Model): UpperBound {
  const usableByPerson = new Map<number, Set<number>>();
  const usable = new Set<number>();
  const edgesByPerson = new Map<number, number[]>();
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    for (const person of [model.edgeHost[e], model.edgeGuest[e]]) {
      let classes = usableByPerson.get(person);
      if (!classes) usableByPerson.set(person, (classes = new Set()));
      for (const c of model.edgeClasses[e]) {
        classes.add(c);
        usable.add(c);
      }
      const edges = edgesByPerson.get(person);
      if (edges) edges.push(e);
      else edgesByPerson.set(person, [e]);
    }
  }
  const capacity = new Map<number, number>();
  for (const [person, classes] of usableByPerson) capacity.set(person, mostNonOverlapping(model, classes));
  let tableCapacity = 0;
  for (let t = 0; t < model.tables; t++) {
    tableCapacity += mostNonOverlapping(
      model,
      [...usable].filter((c) => !model.tableFixed[t * model.classCount + c]),
    );
  }

  // Looser per-side bounds: each person's heaviest pairs up to its capacity.
  const sideBound = (persons: readonly number[]) => {
    let sum = 0;
    for (const person of new Set(persons)) {
      const weights = (edgesByPerson.get(person) ?? []).map((e) => model.edgeWeight[e]).sort((a, b) => b - a);
      for (let i = 0; i < Math.min(weights.length, capacity.get(person) ?? 0); i++) sum += weights[i];
    }
    return sum;
  };

  const hostNode = new Map<number, number>();
  const guestNode = new Map<number, number>();
  const leftCapacity: number[] = [];
  const rightCapacity: number[] = [];
  const pairs: CapacitatedPair[] = [];
  const pairEdge: number[] = [];
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    const host = model.edgeHost[e];
    const guest = model.edgeGuest[e];
    if (!hostNode.has(host)) {
      hostNode.set(host, leftCapacity.length);
      leftCapacity.push(capacity.get(host) ?? 0);
    }
    if (!guestNode.has(guest)) {
      guestNode.set(guest, rightCapacity.length);
      rightCapacity.push(capacity.get(guest) ?? 0);
    }
    pairs.push({ left: hostNode.get(host)!, right: guestNode.get(guest)!, weight: model.edgeWeight[e] });
    pairEdge.push(e);
  }
  const matching = maxWeightCapacitatedMatching(leftCapacity, rightCapacity, pairs, tableCapacity);
  const chosen = new Uint8Array(model.edgeCount);
  matching.chosen.forEach((isChosen, i) => (chosen[pairEdge[i]] = isChosen ? 1 : 0));
  const hostClockBound = clockBound(model, capacity, "guest");
  const guestClockBound = clockBound(model, capacity, "host");
  return {
    value: Math.min(matching.value, hostClockBound, guestClockBound),
    chosen,
    timeBlindBound: matching.value,
    hostClockBound,
    guestClockBound,
    hostSideBound: sideBound(model.hostPersons),
    guestSideBound: sideBound(model.guestPersons),
  };
}

/**
 * The time-aware relaxations: every pair takes one of its possible times, one side keeps "one
 * meeting per person per time" and each time keeps "no more meetings than free tables"; the
 * other side (`aggregated`) only keeps its capacity. Network:
 *   source → aggregated person [capacity] → pair [1, weight] → (other person, time) [1]
 *          → time [free tables] → sink.
 * Any conflict-free schedule is a flow of the same weight, so its maximum is an upper bound;
 * it is exact on the clock of one side, which the time-blind bound is not.
 */
function clockBound(model: Model, capacity: ReadonlyMap<number, number>, aggregated: "host" | "guest"): number {
  const K = model.classCount;
  const source = 0;
  const sink = 1;
  let nodeCount = 2;
  const classNode = Int32Array.from({ length: K }, () => nodeCount++);
  const arcs: FlowArc[] = [];
  for (let c = 0; c < K; c++) {
    let freeTables = 0;
    for (let t = 0; t < model.tables; t++) if (!model.tableFixed[t * K + c]) freeTables++;
    arcs.push({ from: classNode[c], to: sink, capacity: freeTables, weight: 0 });
  }
  const personNode = new Map<number, number>();
  const personTimeNode = new Map<number, number>();
  for (let e = 0; e < model.edgeCount; e++) {
    if (model.edgeClasses[e].length === 0) continue;
    const [capped, clocked] = aggregated === "host" ? [model.edgeHost[e], model.edgeGuest[e]] : [model.edgeGuest[e], model.edgeHost[e]];
    let cappedNode = personNode.get(capped);
    if (cappedNode === undefined) {
      personNode.set(capped, (cappedNode = nodeCount++));
      arcs.push({ from: source, to: cappedNode, capacity: capacity.get(capped) ?? 0, weight: 0 });
    }
    const pairNode = nodeCount++;
    arcs.push({ from: cappedNode, to: pairNode, capacity: 1, weight: model.edgeWeight[e] });
    for (const c of model.edgeClasses[e]) {
      const key = clocked * K + c;
      let timeNode = personTimeNode.get(key);
      if (timeNode === undefined) {
        personTimeNode.set(key, (timeNode = nodeCount++));
        arcs.push({ from: timeNode, to: classNode[c], capacity: 1, weight: 0 });
      }
      arcs.push({ from: pairNode, to: timeNode, capacity: 1, weight: 0 });
    }
  }
  return maxWeightFlow(nodeCount, source, sink, arcs).value;
}
