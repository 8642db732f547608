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

export interface BenchDatabase {
  url: string;
  /** Drops the database and stops the cluster if the bench started it. */
  drop(): Promise<void>;
}

/**
 * A freshly migrated database of the bench's own (on DATABASE_URL's server, else an embedded
 * cluster), made the app's DATABASE_URL for the rest of the run.
 */
export async function benchDatabase(tag: string): Promise<BenchDatabase> {
  const { createTestDatabase, dropTestDatabase, startTestCluster } = await import("../support/test-cluster");
  // Restored on drop: an embedded cluster stops after each benchmark, and the next one must
  // start its own rather than reuse the stopped cluster's URL.
  const previousUrl = process.env.DATABASE_URL;
  const cluster = await startTestCluster();
  const name = `scale_bench_${tag}_${process.pid}`;
  // The smoke test (smoke.test.ts) copies the test run's migrated template instead of migrating.
  const url = await createTestDatabase(cluster.adminUrl, name, process.env.BENCH_TEMPLATE_DATABASE || undefined);
  process.env.DATABASE_URL = url;
  return {
    url,
    async drop() {
      // Dropping the database WITH (FORCE) ends connections an idle pool may still keep; those
      // pools report it as an 'error' event, which must not crash the bench after its figures.
      const ignoreTerminated = (error: unknown) => {
        if ((error as { code?: string })?.code !== "57P01") throw error;
      };
      process.on("uncaughtException", ignoreTerminated);
      try {
        await dropTestDatabase(cluster.adminUrl, name);
        await cluster.stop();
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        process.off("uncaughtException", ignoreTerminated);
        if (previousUrl === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = previousUrl;
      }
    },
  };
}
