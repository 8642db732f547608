// The benchmark harness: every *.bench.ts under tests/bench exports `benchmarks`.
// Each figure is printed beside a baseline measured in the same run, as a ratio, and written
// to tests/bench/results.json. Benchmarks are never part of `npm test`.

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline */
  ratio: number;
  /** what the baseline is, e.g. "bare node:http" */
  baselineLabel?: string;
}

export interface Benchmark {
  /** `npm run bench -- <name>` runs the benchmarks whose name starts with it. */
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function figure(name: string, value: number, unit: string, baseline: number, baselineLabel?: string): BenchFigure {
  return { name, value, unit, baseline, ratio: baseline === 0 ? 0 : value / baseline, baselineLabel };
}

/** p-th percentile (0-100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
