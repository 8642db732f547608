// HTTP load generator for benchmarks. It runs in a worker thread, so on a 2-core machine the
// server under test keeps the main thread's core to itself and the clients use the other.
import { Worker } from "node:worker_threads";

export interface LoadResult {
  requests: number;
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  latenciesMs: number[];
  statusCounts: Record<number, number>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { url, connections, durationMs, headers, freshUrls } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const latencies = [];
const statusCounts = {};
let requests = 0, errors = 0, sent = 0;
const deadline = Date.now() + durationMs;
function once() {
  return new Promise((resolve) => {
    const started = performance.now();
    // freshUrls: a query parameter the page ignores, new on every request, so no cache can answer it.
    const path = target.pathname + target.search + (freshUrls ? (target.search ? "&" : "?") + "view=" + sent++ : "");
    const req = http.request({ host: target.hostname, port: target.port, path, agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => {
        latencies.push(performance.now() - started);
        statusCounts[res.statusCode] = (statusCounts[res.statusCode] || 0) + 1;
        requests++;
        resolve();
      });
    });
    req.on("error", () => { errors++; resolve(); });
    req.end();
  });
}
async function client() { while (Date.now() < deadline) await once(); }
const started = performance.now();
Promise.all(Array.from({ length: connections }, client)).then(() => {
  agent.destroy();
  parentPort.postMessage({ requests, errors, durationMs: performance.now() - started, latencies, statusCounts });
});
`;

export function runLoad(options: {
  url: string;
  connections: number;
  durationMs: number;
  headers?: Record<string, string>;
  /** Make every request's URL unique (`?view=<n>`), to measure a page rendered every time. */
  freshUrls?: boolean;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { headers: {}, ...options } });
    worker.once("message", (message: Omit<LoadResult, "requestsPerSecond" | "latenciesMs"> & { latencies: number[] }) => {
      resolve({
        requests: message.requests,
        errors: message.errors,
        durationMs: message.durationMs,
        requestsPerSecond: (message.requests / message.durationMs) * 1000,
        latenciesMs: message.latencies,
        statusCounts: message.statusCounts,
      });
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
