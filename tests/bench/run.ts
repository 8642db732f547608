// `npm run bench [-- <name>]`: runs every tests/bench/*.bench.ts (or those whose benchmark name
// starts with <name>), prints each figure beside its same-run baseline, writes results.json.
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark, BenchFigure } from "./harness";

process.env.TZ = "UTC";
// React and Remix pick their production builds from NODE_ENV: measure what `npm start` serves.
process.env.NODE_ENV ??= "production";
process.env.LOG_LEVEL ??= "silent";
const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));

const files = (await readdir(here)).filter((f) => f.endsWith(".bench.ts")).sort();
const benchmarks: Benchmark[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks?: Benchmark[] };
  benchmarks.push(...(module.benchmarks ?? []));
}
const selected = wanted.length ? benchmarks.filter((b) => wanted.some((w) => b.name.startsWith(w))) : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark matches ${wanted.join(", ")}. Available: ${benchmarks.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

const results: BenchFigure[] = [];
for (const benchmark of selected) {
  console.log(`\n▶ ${benchmark.name}`);
  const figures = await benchmark.run();
  results.push(...figures);
  printTable(figures);
}
await writeFile(
  path.join(here, "results.json"),
  JSON.stringify(
    results.map(({ name, value, unit, baseline, ratio }) => ({ name, value, unit, baseline, ratio })),
    null,
    2,
  ) + "\n",
);
console.log(`\nWrote ${results.length} figures to tests/bench/results.json`);
process.exit(0);

function printTable(figures: BenchFigure[]) {
  const rows = figures.map((f) => [f.name, `${round(f.value)} ${f.unit}`, `${round(f.baseline)} ${f.unit}`, f.baselineLabel ?? "", `${round(f.ratio)}×`]);
  const header = ["figure", "value", "baseline", "baseline is", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}
