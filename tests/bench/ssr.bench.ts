// Event-page server rendering under 50 concurrent clients, beside a bare node:http handler
// returning a page of the same size from memory (the ceiling of this machine's HTTP stack).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { seedDemoData } from "../../prisma/seed";
import { startAppServer } from "../../server/app";
import { benchDatabase, figure, percentile, type Benchmark } from "./harness";
import { runLoad } from "./load";

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
        if (ssr.errors || Object.keys(ssr.statusCounts).some((s) => s !== "200"))
          throw new Error(`SSR errors: ${JSON.stringify(ssr.statusCounts)} errors=${ssr.errors}`);
        return [
          figure("event page SSR throughput", ssr.requestsPerSecond, "req/s", baseline.requestsPerSecond, "bare node:http, same bytes"),
          figure("event page SSR p95 latency", percentile(ssr.latenciesMs, 95), "ms", percentile(baseline.latenciesMs, 95), "bare node:http, same bytes"),
        ];
      } finally {
        await new Promise<void>((resolve) => bare.close(() => resolve()));
        await app.close();
        await database.drop();
      }
    },
  },
];
