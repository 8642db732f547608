// Every benchmark of `npm run bench`, run at tiny sizes so `npm test` proves the bench still runs
// to the end and produces each of its figures (the figures themselves are not asserted: at these
// sizes they mean nothing). Needs the production build (`npm test` builds first).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, inject, it } from "vitest";
import type { Benchmark } from "./harness";

Object.assign(process.env, {
  BENCH_SMOKE: "1",
  BENCH_BOOKINGS: "40",
  BENCH_REGISTRATIONS: "120",
  BENCH_RT_CLIENTS: "20",
  BENCH_DURATION_MS: "200",
  LOG_LEVEL: "silent",
  BENCH_TEMPLATE_DATABASE: inject("testTemplateName"),
});

const here = path.dirname(fileURLToPath(import.meta.url));
const files = (await readdir(here)).filter((file) => file.endsWith(".bench.ts")).sort();

describe("the benchmarks at smoke size", () => {
  for (const file of files) {
    it(`${file} completes and produces its figures`, { timeout: 120_000 }, async () => {
      const { benchmarks } = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks: Benchmark[] };
      expect(benchmarks.length).toBeGreaterThan(0);
      for (const benchmark of benchmarks) {
        const figures = await benchmark.run();
        expect(figures.length, benchmark.name).toBeGreaterThan(0);
        for (const figure of figures) {
          expect(Number.isFinite(figure.value), figure.name).toBe(true);
          expect(Number.isFinite(figure.baseline), figure.name).toBe(true);
        }
      }
    });
  }
});
