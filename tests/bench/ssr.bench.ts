// Event-page server rendering under 50 concurrent clients, beside a bare node:http handler
// returning a page of the same size from memory (the ceiling of this machine's HTTP stack).
// Anonymous visitors get the shared cache of public pages; a signed-in attendee gets their own
// copy, kept for them (repeat views), and is also measured with every request rendered anew
// (first views: a unique URL each time, so no copy can answer).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { seedDemoData } from "../../prisma/seed";
import { startAppServer } from "../../server/app";
import { benchDatabase, figure, percentile, type Benchmark } from "./harness";
import { runLoad } from "./load";
import { signedInClient } from "../support/http-client";

const CONNECTIONS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const EVENT_PATH = "/events/positive-energy-districts-workshop-vienna";

export const benchmarks: Benchmark[] = [
  {
    name: "ssr-event-page",
    async run() {
      const database = await benchDatabase("ssr");
      const databaseUrl = database.url;
      await seedDemoData();
      const app = await startAppServer({ port: 0, host: "127.0.0.1", databaseUrl, logger: pino({ level: "silent" }), production: true, adapter: "memory" });
      const pageHtml = await (await fetch(`http://127.0.0.1:${app.port}${EVENT_PATH}`)).text();
      const bare = createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(pageHtml);
      });
      await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
      try {
        // Warm both (JIT, Prisma's query plans), then measure.
        await runLoad({ url: `http://127.0.0.1:${app.port}${EVENT_PATH}`, connections: 10, durationMs: 1000 });
        const ssr = await runLoad({ url: `http://127.0.0.1:${app.port}${EVENT_PATH}`, connections: CONNECTIONS, durationMs: DURATION_MS });
        const baseline = await runLoad({ url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`, connections: CONNECTIONS, durationMs: DURATION_MS });
        // The same page for a signed-in attendee: their own copy after the first view.
        const attendee = await signedInClient(`http://127.0.0.1:${app.port}`, "attendee@scale-events.demo");
        const signedInHeaders = { Cookie: attendee.cookieHeader() };
        await runLoad({ url: `http://127.0.0.1:${app.port}${EVENT_PATH}`, headers: signedInHeaders, connections: 10, durationMs: 500 });
        const signedIn = await runLoad({
          url: `http://127.0.0.1:${app.port}${EVENT_PATH}`,
          headers: signedInHeaders,
          connections: CONNECTIONS,
          durationMs: DURATION_MS,
        });
        const firstViews = await runLoad({
          url: `http://127.0.0.1:${app.port}${EVENT_PATH}`,
          headers: signedInHeaders,
          connections: CONNECTIONS,
          durationMs: DURATION_MS,
          freshUrls: true,
        });
        for (const [label, run] of [
          ["anonymous", ssr],
          ["signed in", signedIn],
          ["signed in, first views", firstViews],
        ] as const)
          if (run.errors || Object.keys(run.statusCounts).some((s) => s !== "200"))
            throw new Error(`SSR ${label} errors: ${JSON.stringify(run.statusCounts)} errors=${run.errors}`);
        return [
          figure("event page SSR throughput", ssr.requestsPerSecond, "req/s", baseline.requestsPerSecond, "bare node:http, same bytes"),
          figure("event page SSR p95 latency", percentile(ssr.latenciesMs, 95), "ms", percentile(baseline.latenciesMs, 95), "bare node:http, same bytes"),
          figure("event page SSR throughput, signed in", signedIn.requestsPerSecond, "req/s", baseline.requestsPerSecond, "bare node:http, same bytes"),
          figure(
            "event page SSR p95 latency, signed in",
            percentile(signedIn.latenciesMs, 95),
            "ms",
            percentile(baseline.latenciesMs, 95),
            "bare node:http, same bytes",
          ),
          figure(
            "event page SSR throughput, signed in, first views (rendered each time)",
            firstViews.requestsPerSecond,
            "req/s",
            baseline.requestsPerSecond,
            "bare node:http, same bytes",
          ),
        ];
      } finally {
        await new Promise<void>((resolve) => bare.close(() => resolve()));
        await app.close();
        await database.drop();
      }
    },
  },
];
