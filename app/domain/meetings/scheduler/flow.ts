// The one exact solver of the scheduler: the upper bound's three relaxations and the search's
// exact re-solves of one time or one person's day are all maximum-weight flows.
export interface CapacitatedPair {
  left: number;
  right: number;
  weight: number;
}

/**
 * Maximum total weight of a subset of `pairs` (each used at most once) in which left node i
 * appears at most leftCapacity[i] times, right node j at most rightCapacity[j] times, and which
 * has at most totalCapacity pairs. Exact (see maxWeightFlow).
 */
export function maxWeightCapacitatedMatching(
  leftCapacity: readonly number[],
  rightCapacity: readonly number[],
  pairs: readonly CapacitatedPair[],
  totalCapacity: number,
): { value: number; chosen: boolean[] } {
  const superSource = 0;
  const source = 1;
  const leftBase = 2;
  const rightBase = leftBase + leftCapacity.length;
  const sink = rightBase + rightCapacity.length;
  const arcs: FlowArc[] = [{ from: superSource, to: source, capacity: totalCapacity, weight: 0 }];
  leftCapacity.forEach((capacity, i) => arcs.push({ from: source, to: leftBase + i, capacity, weight: 0 }));
  rightCapacity.forEach((capacity, j) => arcs.push({ from: rightBase + j, to: sink, capacity, weight: 0 }));
  const firstPairArc = arcs.length;
  for (const pair of pairs) arcs.push({ from: leftBase + pair.left, to: rightBase + pair.right, capacity: 1, weight: pair.weight });
  const { flow } = maxWeightFlow(sink + 1, superSource, sink, arcs);
  const chosen = pairs.map((_, i) => flow[firstPairArc + i] > 0);
  const value = pairs.reduce((sum, pair, i) => (chosen[i] ? sum + pair.weight : sum), 0);
  return { value, chosen };
}

export interface FlowArc {
  from: number;
  to: number;
  capacity: number;
  /** Gained per unit of flow; whole numbers (zero-cost arcs are recognised by exact equality). */
  weight: number;
}

/**
 * A flow from source to sink of maximum total weight (any amount of flow; stops when one more
 * unit would not add weight), in a network whose arcs, as given, form no cycle.
 * Min-cost flow (cost = −weight) by the primal–dual method: Dijkstra on reduced costs, then a
 * Dinic blocking flow on the arcs of reduced cost zero. The number of Dijkstra phases is the
 * number of distinct shortest-path costs, a handful when the weights are 1, 2 and 3.
 */
export function maxWeightFlow(nodeCount: number, source: number, sink: number, arcs: readonly FlowArc[]): { value: number; flow: number[] } {
  const head = new Int32Array(nodeCount).fill(-1);
  const arcCount = arcs.length * 2;
  const to = new Int32Array(arcCount);
  const next = new Int32Array(arcCount);
  const residual = new Float64Array(arcCount);
  const cost = new Float64Array(arcCount);
  arcs.forEach((arc, i) => {
    const forward = 2 * i;
    const backward = forward + 1;
    to[forward] = arc.to;
    residual[forward] = Math.max(0, arc.capacity);
    cost[forward] = -arc.weight;
    next[forward] = head[arc.from];
    head[arc.from] = forward;
    to[backward] = arc.from;
    residual[backward] = 0;
    cost[backward] = arc.weight;
    next[backward] = head[arc.to];
    head[arc.to] = backward;
  });

  // Feasible starting potentials: shortest distances in the initial acyclic network, by
  // relaxing the arcs in a topological order of the nodes.
  const potential = new Float64Array(nodeCount).fill(Infinity);
  const indegree = new Int32Array(nodeCount);
  for (const arc of arcs) indegree[arc.to]++;
  const order: number[] = [];
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    const u = order[i];
    for (let a = head[u]; a !== -1; a = next[a]) {
      if ((a & 1) === 1) continue;
      if (--indegree[to[a]] === 0) order.push(to[a]);
    }
  }
  potential[source] = 0;
  for (const u of order) {
    if (potential[u] === Infinity) continue;
    for (let a = head[u]; a !== -1; a = next[a]) {
      if ((a & 1) === 0 && residual[a] > 0 && potential[u] + cost[a] < potential[to[a]]) potential[to[a]] = potential[u] + cost[a];
    }
  }
  // Nodes the source cannot reach never carry flow; any potential keeping their arcs'
  // reduced costs non-negative will do, and the largest finite one does.
  let highest = 0;
  for (let v = 0; v < nodeCount; v++) if (potential[v] !== Infinity) highest = Math.max(highest, potential[v]);
  for (let v = 0; v < nodeCount; v++) if (potential[v] === Infinity) potential[v] = highest;

  const distance = new Float64Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const path = new Int32Array(nodeCount);
  const heap = new MinHeap();

  for (;;) {
    // Dijkstra on reduced costs (cost + potential[from] − potential[to] ≥ 0).
    distance.fill(Infinity);
    distance[source] = 0;
    heap.clear();
    heap.push(0, source);
    while (heap.size > 0) {
      const d = heap.peekKey();
      const u = heap.pop();
      if (d > distance[u]) continue;
      const base = d + potential[u];
      for (let arc = head[u]; arc !== -1; arc = next[arc]) {
        if (residual[arc] <= 0) continue;
        const v = to[arc];
        const candidate = base + cost[arc] - potential[v];
        if (candidate < distance[v]) {
          distance[v] = candidate;
          heap.push(candidate, v);
        }
      }
    }
    const sinkDistance = distance[sink];
    if (sinkDistance === Infinity) break;
    // Capping at the sink's distance keeps every reduced cost non-negative, reachable or not.
    for (let v = 0; v < nodeCount; v++) potential[v] += Math.min(distance[v], sinkDistance);
    if (potential[sink] - potential[source] >= 0) break; // the cheapest path adds no weight

    // Dinic on the admissible arcs (residual, reduced cost exactly zero).
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let queueEnd = 0;
      queue[queueEnd++] = source;
      for (let i = 0; i < queueEnd; i++) {
        const u = queue[i];
        for (let arc = head[u]; arc !== -1; arc = next[arc]) {
          const v = to[arc];
          if (level[v] < 0 && residual[arc] > 0 && cost[arc] + potential[u] - potential[v] === 0) {
            level[v] = level[u] + 1;
            queue[queueEnd++] = v;
          }
        }
      }
      if (level[sink] < 0) break;
      cursor.set(head);
      // Iterative depth-first search for augmenting paths in the level graph.
      let u = source;
      let depth = 0;
      for (;;) {
        if (u === sink) {
          let pushed = Infinity;
          for (let i = 0; i < depth; i++) pushed = Math.min(pushed, residual[path[i]]);
          for (let i = 0; i < depth; i++) {
            residual[path[i]] -= pushed;
            residual[path[i] ^ 1] += pushed;
          }
          u = source;
          depth = 0;
          continue;
        }
        let arc = cursor[u];
        for (; arc !== -1; arc = next[arc]) {
          const v = to[arc];
          if (residual[arc] > 0 && level[v] === level[u] + 1 && cost[arc] + potential[u] - potential[v] === 0) break;
        }
        cursor[u] = arc;
        if (arc !== -1) {
          path[depth++] = arc;
          u = to[arc];
          continue;
        }
        if (u === source) break;
        level[u] = -1; // dead end for the rest of this round
        u = to[path[--depth] ^ 1];
        cursor[u] = next[cursor[u]];
      }
    }
  }

  const flow = arcs.map((arc, i) => residual[2 * i + 1]);
  const value = arcs.reduce((sum, arc, i) => sum + arc.weight * flow[i], 0);
  return { value, flow };
}

/** Binary min-heap of (key, value) number pairs, for Dijkstra. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }
  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  peekKey(): number {
    return this.keys[0];
  }
  /** Removes the entry with the smallest key and returns its value. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}
