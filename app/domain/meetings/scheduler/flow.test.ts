import { describe, expect, it } from "vitest";
import { createRandom, randomInt } from "../random";
import { maxWeightCapacitatedMatching, maxWeightFlow, type CapacitatedPair, type FlowArc } from "./flow";

describe("maxWeightCapacitatedMatching", () => {
  function bruteForce(left: number[], right: number[], pairs: CapacitatedPair[], total: number): number {
    let best = 0;
    for (let mask = 0; mask < 1 << pairs.length; mask++) {
      const useLeft = left.map(() => 0);
      const useRight = right.map(() => 0);
      let count = 0;
      let weight = 0;
      pairs.forEach((pair, i) => {
        if (mask & (1 << i)) {
          useLeft[pair.left]++;
          useRight[pair.right]++;
          count++;
          weight += pair.weight;
        }
      });
      if (count <= total && useLeft.every((u, i) => u <= left[i]) && useRight.every((u, j) => u <= right[j])) best = Math.max(best, weight);
    }
    return best;
  }

  it("is exact on random small capacitated graphs", () => {
    const random = createRandom(42);
    for (let round = 0; round < 300; round++) {
      const left = Array.from({ length: 1 + randomInt(random, 4) }, () => randomInt(random, 3));
      const right = Array.from({ length: 1 + randomInt(random, 4) }, () => randomInt(random, 3));
      const pairs: CapacitatedPair[] = [];
      for (let i = 0; i < left.length; i++)
        for (let j = 0; j < right.length; j++) if (random() < 0.6) pairs.push({ left: i, right: j, weight: 1 + randomInt(random, 3) });
      const total = randomInt(random, 6);
      const result = maxWeightCapacitatedMatching(left, right, pairs, total);
      expect(result.value, `round ${round}`).toBe(bruteForce(left, right, pairs, total));
      // The chosen pairs respect the capacities and add up to the value.
      const chosen = pairs.filter((_, i) => result.chosen[i]);
      expect(chosen.length).toBeLessThanOrEqual(total);
      expect(chosen.reduce((sum, p) => sum + p.weight, 0)).toBe(result.value);
      left.forEach((cap, i) => expect(chosen.filter((p) => p.left === i).length).toBeLessThanOrEqual(cap));
      right.forEach((cap, j) => expect(chosen.filter((p) => p.right === j).length).toBeLessThanOrEqual(cap));
    }
  });
});

describe("maxWeightFlow", () => {
  it("sends flow only while a unit adds weight", () => {
    // source 0 → 1, then to the sink 3 either by a weight-3 arc of capacity 1 or a free arc.
    const arcs: FlowArc[] = [
      { from: 0, to: 1, capacity: 2, weight: 0 },
      { from: 1, to: 3, capacity: 1, weight: 3 },
      { from: 1, to: 3, capacity: 5, weight: 0 },
    ];
    expect(maxWeightFlow(4, 0, 3, arcs)).toEqual({ value: 3, flow: [1, 1, 0] });
  });

  it("crosses a losing arc only when the path as a whole gains", () => {
    const path = (loss: number): FlowArc[] => [
      { from: 0, to: 1, capacity: 1, weight: 2 },
      { from: 1, to: 2, capacity: 1, weight: -loss },
      { from: 2, to: 3, capacity: 1, weight: 0 },
    ];
    expect(maxWeightFlow(4, 0, 3, path(1)).value).toBe(1);
    expect(maxWeightFlow(4, 0, 3, path(3))).toEqual({ value: 0, flow: [0, 0, 0] });
  });

  it("re-routes earlier flow when that lets more weight through", () => {
    // Taking 1 → 3 first (a heaviest arc) strands node 2, whose only arc also needs 3;
    // the optimum sends 1 → 4 and 2 → 3.
    const arcs: FlowArc[] = [
      { from: 0, to: 1, capacity: 1, weight: 0 },
      { from: 0, to: 2, capacity: 1, weight: 0 },
      { from: 1, to: 3, capacity: 1, weight: 3 },
      { from: 1, to: 4, capacity: 1, weight: 2 },
      { from: 2, to: 3, capacity: 1, weight: 3 },
      { from: 3, to: 5, capacity: 1, weight: 0 },
      { from: 4, to: 5, capacity: 1, weight: 0 },
    ];
    const result = maxWeightFlow(6, 0, 5, arcs);
    expect(result.value).toBe(5);
    expect(result.flow).toEqual([1, 1, 0, 1, 1, 1, 1]);
  });

  it("ignores parts of the network the source cannot reach", () => {
    const arcs: FlowArc[] = [
      { from: 0, to: 2, capacity: 1, weight: 1 },
      { from: 1, to: 2, capacity: 4, weight: 9 }, // node 1 has no way in
      { from: 2, to: 3, capacity: 4, weight: 0 },
    ];
    expect(maxWeightFlow(4, 0, 3, arcs)).toEqual({ value: 1, flow: [1, 0, 1] });
  });

  it("gives nothing when the sink is out of reach", () => {
    expect(maxWeightFlow(3, 0, 2, [{ from: 0, to: 1, capacity: 1, weight: 5 }])).toEqual({ value: 0, flow: [0] });
  });
});
