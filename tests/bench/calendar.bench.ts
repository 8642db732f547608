// Personal calendar feed with 300 items under ~50 concurrent clients, beside a static file of
// the same size served by the same server in the same run (express.static over public/), and
// the 304 path beside the static file's own 304. Own database, own server, cleaned up after.
import { unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { regenerateFeedToken } from "../../app/domain/calendar/personal-feed.server";
import { db, disconnectDb } from "../../app/platform/db.server";
import { resetEnvForTests } from "../../app/platform/env.server";
import { startAppServer } from "../../server/app";
import { benchDatabase, figure, percentile, type BenchFigure, type Benchmark } from "./harness";
import { runLoad } from "./load";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3_000);
const WARMUP_MS = process.env.BENCH_SMOKE === "1" ? 50 : 500;

interface Measured {
  requestsPerSecond: number;
  p95Ms: number;
}

/** ~50 keep-alive clients in a worker thread (tests/bench/load.ts); fails on any unexpected status. */
async function load(url: string, headers: Record<string, string>, durationMs: number, expectStatus: number, label: string): Promise<Measured> {
  const result = await runLoad({ url, headers, connections: CONCURRENCY, durationMs });
  const other = Object.entries(result.statusCounts).filter(([code]) => Number(code) !== expectStatus);
  if (result.errors > 0 || other.length > 0 || result.requests === 0) {
    throw new Error(`${label}: errors=${result.errors} unexpected statuses ${JSON.stringify(other)}`);
  }
  return { requestsPerSecond: result.requestsPerSecond, p95Ms: percentile(result.latenciesMs, 95) };
}

/** A user with 20 confirmed registrations, 200 picked sessions and 80 confirmed meetings. */
export async function seedBusyUser(): Promise<string> {
  const client = db();
  const [user, partner] = await Promise.all([
    client.user.create({ data: { email: "busy@bench.test", name: "Busy Bee", passwordHash: "x" } }),
    client.user.create({ data: { email: "partner@bench.test", name: "Partner Łukasz", passwordHash: "x" } }),
  ]);
  const base = Date.UTC(2031, 8, 1, 7);
  const events: Array<{ id: string; startsAt: Date }> = [];
  for (let e = 0; e < 20; e++) {
    const startsAt = new Date(base + e * 86_400_000);
    const event = await client.event.create({
      data: {
        slug: `bench-${e}`,
        title: `Smart city day ${e} — Zürich, Łódź, Göteborg`,
        summary: "Replicating lighthouse solutions; energy, mobility, data.",
        description: "",
        kind: "WORKSHOP",
        status: "PUBLISHED",
        mode: "HYBRID",
        timeZone: "Europe/Warsaw",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 9 * 3_600_000),
        venueName: "ICE Kraków",
        city: "Kraków",
        country: "PL",
        onlineUrl: "https://meet.example/bench",
      },
    });
    const ticketType = await client.ticketType.create({ data: { eventId: event.id, name: "Standard" } });
    await client.registration.create({
      data: { eventId: event.id, userId: user.id, ticketTypeId: ticketType.id, status: "CONFIRMED", ticketCode: `bench-${e}` },
    });
    events.push(event);
  }
  const sessions = await client.agendaSession.createManyAndReturn({
    data: Array.from({ length: 200 }, (_, index) => {
      const event = events[index % 20];
      const start = event.startsAt.getTime() + Math.floor(index / 20) * 3_600_000;
      return {
        eventId: event.id,
        title: `Session ${index}: Έξυπνες πόλεις, Умные города`,
        description: "Panel with Lighthouse and Fellow cities.",
        status: "PUBLISHED" as const,
        startsAt: new Date(start),
        endsAt: new Date(start + 3_000_000),
        onlineUrl: `https://meet.example/s${index}`,
      };
    }),
  });
  await client.agendaPick.createMany({ data: sessions.map((session) => ({ userId: user.id, sessionId: session.id })) });
  await client.meeting.createMany({
    data: Array.from({ length: 80 }, (_, index) => {
      const event = events[index % 20];
      const start = event.startsAt.getTime() + 10 * 3_600_000 + Math.floor(index / 20) * 1_800_000;
      return {
        eventId: event.id,
        hostId: index % 2 ? user.id : partner.id,
        guestId: index % 2 ? partner.id : user.id,
        status: "CONFIRMED" as const,
        startsAt: new Date(start),
        endsAt: new Date(start + 1_500_000),
      };
    }),
  });
  return user.id;
}

export const benchmarks: Benchmark[] = [
  {
    name: "calendar-personal-feed",
    async run(): Promise<BenchFigure[]> {
      const database = await benchDatabase("calendar");
      const staticName = `bench-static-${process.pid}.ics`;
      const staticPath = path.join(ROOT, "public", staticName);
      let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
      try {
        const databaseUrl = database.url;
        process.env.PUBLIC_URL = "https://events.scale.bench";
        resetEnvForTests();
        const userId = await seedBusyUser();
        const { token } = await regenerateFeedToken(userId);
        server = await startAppServer({
          port: 0,
          host: "127.0.0.1",
          databaseUrl,
          logger: pino({ level: "silent" }),
          production: true,
          adapter: "memory",
        });
        const base = `http://127.0.0.1:${server.port}`;
        const feedUrl = `${base}/feeds/${token}.ics`;

        const first = await fetch(feedUrl);
        const body = Buffer.from(await first.arrayBuffer());
        const etag = first.headers.get("etag")!;
        if (first.status !== 200 || (body.toString().match(/BEGIN:VEVENT/g) ?? []).length !== 300) {
          throw new Error(`personal feed is not the expected 300 items (status ${first.status})`);
        }
        await writeFile(staticPath, body);
        const staticUrl = `${base}/${staticName}`;
        const staticFirst = await fetch(staticUrl);
        await staticFirst.arrayBuffer();
        const staticEtag = staticFirst.headers.get("etag")!;

        // Warm both paths (JIT, connection pools), then measure each for the same time.
        await load(staticUrl, {}, WARMUP_MS, 200, "static warm-up");
        await load(feedUrl, {}, WARMUP_MS, 200, "feed warm-up");
        const staticResult = await load(staticUrl, {}, DURATION_MS, 200, "static");
        const feedResult = await load(feedUrl, {}, DURATION_MS, 200, "feed");
        const static304 = await load(staticUrl, { "If-None-Match": staticEtag }, DURATION_MS, 304, "static 304");
        const feed304 = await load(feedUrl, { "If-None-Match": etag }, DURATION_MS, 304, "feed 304");

        const label = `express.static, same ${Math.round(body.length / 1024)} KB file, same server`;
        return [
          figure("personal feed (300 items) throughput", feedResult.requestsPerSecond, "req/s", staticResult.requestsPerSecond, label),
          figure("personal feed (300 items) p95 latency", feedResult.p95Ms, "ms", staticResult.p95Ms, label),
          figure(
            "personal feed 304 (If-None-Match) throughput",
            feed304.requestsPerSecond,
            "req/s",
            static304.requestsPerSecond,
            "express.static 304, same server",
          ),
          figure("personal feed 304 (If-None-Match) p95 latency", feed304.p95Ms, "ms", static304.p95Ms, "express.static 304, same server"),
        ];
      } finally {
        await unlink(staticPath).catch(() => {});
        await server?.close();
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
