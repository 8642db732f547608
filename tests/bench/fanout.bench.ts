// Q&A fan-out at audience scale: 5 000 Socket.IO clients joined to one session on one app node
// (a child process; the clients run here), a question asked, the time until it has reached every
// client — beside a bare `ws` broadcast of the same payload to 5 000 bare clients of the same node,
// and beside the library's own floor: a plain Socket.IO server in the same node (no app code)
// emitting the same payload to 5 000 Socket.IO clients.
// Then the same audience split over two app nodes joined by the Redis adapter, the question asked
// on one of them, beside the one-node figure of this run. Without a reachable Redis (REDIS_URL, or
// 127.0.0.1:6379) the two-node figure is skipped with the reason printed.
// BENCH_FANOUT_CLIENTS changes the audience (smoke: tiny).
import { performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";
import { createQaFixture, type QaFixture } from "../realtime/fixtures";
import { reachableRedis, startNode, type AppNode } from "../realtime/nodes";
import { deliveryRate, inBatches, openSocket, openWs, sleep, type WsClient } from "./clients";
import { benchDatabase, figure, percentile, type Benchmark, type BenchFigure } from "./harness";

const SMOKE = process.env.BENCH_SMOKE === "1";
const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? (SMOKE ? 12 : 5000));
const QUESTIONS = SMOKE ? 2 : 5;
interface Fanout {
  latencies: number[];
  rates: number[];
  payload: string;
}

/** Connects attendee i to `nodeOf(i)`, joins the session, and records arrivals of asked questions. */
async function audience(fx: QaFixture, nodeOf: (i: number) => AppNode) {
  const sockets: Socket[] = [];
  const arrivals = new Map<string, number[]>();
  await inBatches(CLIENTS, async (i) => {
    const socket = await openSocket(nodeOf(i).baseUrl, fx.attendees[i].cookie, { event: "qa:join", payload: { sessionId: fx.sessionId }, timeoutMs: 60_000 });
    sockets[i] = socket;
    const seen = new Set<string>();
    socket.on("qa:changed", (change: { questions: { body?: string }[] }) => {
      const now = performance.now();
      for (const q of change.questions) {
        if (!q.body || !arrivals.has(q.body) || seen.has(q.body)) continue;
        seen.add(q.body);
        arrivals.get(q.body)!.push(now);
      }
    });
  });
  return {
    sockets,
    /**
     * Asks QUESTIONS questions (after two warm-ups), each awaited at every client, each from its own
     * asker (`asker(n)` for the n-th question: one person asking fast is rate-limited).
     */
    async fanout(label: string, asker: (n: number) => number): Promise<Fanout> {
      const out: Fanout = { latencies: [], rates: [], payload: "" };
      for (let k = -2; k < QUESTIONS; k++) {
        const body = `${label} question ${k}: which districts share their energy data?`;
        arrivals.set(body, []);
        const t0 = performance.now();
        const ack = await sockets[asker(k + 2)].timeout(60_000).emitWithAck("qa:ask", { sessionId: fx.sessionId, body });
        if (!ack.ok) throw new Error(`ask failed: ${JSON.stringify(ack)}`);
        out.payload ||= JSON.stringify(["qa:changed", { sessionId: fx.sessionId, prev: ack.cursor - 1, cursor: ack.cursor, questions: [ack.question] }]);
        const deadline = Date.now() + 60_000;
        while (arrivals.get(body)!.length < CLIENTS) {
          if (Date.now() > deadline) throw new Error(`${label}: question reached ${arrivals.get(body)!.length} of ${CLIENTS}`);
          await sleep(5);
        }
        const times = arrivals.get(body)!;
        if (k >= 0) {
          out.latencies.push(...times.map((t) => t - t0));
          out.rates.push(deliveryRate(times));
        }
        await sleep(200); // past the broadcast window: one question, one broadcast
      }
      return out;
    },
    close() {
      for (const s of sockets) s?.disconnect();
    },
  };
}

/**
 * A baseline's broadcasts (after two warm-ups), each awaited until all CLIENTS have it: `arrivals`
 * is where the clients record their receipt times, emptied before each broadcast.
 */
async function timedBroadcasts(label: string, payload: string, arrivals: number[], broadcast: () => Promise<unknown>): Promise<Fanout> {
  const out: Fanout = { latencies: [], rates: [], payload };
  for (let k = -2; k < QUESTIONS; k++) {
    arrivals.length = 0;
    const t0 = performance.now();
    await broadcast();
    const deadline = Date.now() + 60_000;
    while (arrivals.length < CLIENTS) {
      if (Date.now() > deadline) throw new Error(`${label} broadcast reached ${arrivals.length} of ${CLIENTS}`);
      await sleep(2);
    }
    if (k >= 0) {
      out.latencies.push(...arrivals.map((t) => t - t0));
      out.rates.push(deliveryRate(arrivals));
    }
    await sleep(100);
  }
  return out;
}

/** The same payload broadcast by the node's bare `ws` server to CLIENTS bare clients. */
async function bareWsFanout(node: AppNode, payload: string): Promise<Fanout> {
  const { port } = await node.request<{ port: number }>({ type: "ws-start" });
  const clients: WsClient[] = [];
  const arrivals: number[] = [];
  try {
    await inBatches(CLIENTS, async (i) => {
      const ws = await openWs(`ws://127.0.0.1:${port}`);
      clients[i] = ws;
      ws.on("message", (data) => {
        JSON.parse(String(data));
        arrivals.push(performance.now());
      });
    });
    return await timedBroadcasts("bare ws", payload, arrivals, () => node.request({ type: "ws-broadcast", payload, count: 1 } as { type: string }));
  } finally {
    for (const ws of clients) ws?.close();
  }
}

/** The same payload emitted by a plain Socket.IO server (no app code) in the node to CLIENTS Socket.IO clients. */
async function plainSocketIoFanout(node: AppNode, fx: QaFixture, payload: string): Promise<Fanout> {
  const { port } = await node.request<{ port: number }>({ type: "sio-start" });
  const [event, data] = JSON.parse(payload) as [string, unknown];
  const sockets: Socket[] = [];
  const arrivals: number[] = [];
  try {
    await inBatches(CLIENTS, async (i) => {
      const socket = await openSocket(`http://127.0.0.1:${port}`, fx.attendees[i].cookie);
      sockets[i] = socket;
      socket.on(event, () => arrivals.push(performance.now()));
    });
    return await timedBroadcasts("plain Socket.IO", payload, arrivals, () => node.request({ type: "sio-broadcast", event, payload: data } as { type: string }));
  } finally {
    for (const socket of sockets) socket?.disconnect();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: "qa-fanout-scale",
    async run() {
      const database = await benchDatabase("fan");
      const env = { DATABASE_URL: database.url, PORT: "0", DATABASE_POOL_SIZE: "10", QA_BROADCAST_WINDOW_MS: "100" };
      const fx = await createQaFixture({ attendees: CLIENTS, tag: "fan" });
      const nodes: AppNode[] = [];
      const figures: BenchFigure[] = [];
      try {
        // ── one node ──
        const one = await startNode({ ...env, SOCKET_ADAPTER: "memory" });
        nodes.push(one);
        const single = await audience(fx, () => one);
        const sio = await single.fanout("one node", (n) => n);
        single.close();
        const bare = await bareWsFanout(one, sio.payload);
        figures.push(
          figure(
            `Q&A question → ${CLIENTS} clients p99, one node`,
            percentile(sio.latencies, 99),
            "ms",
            percentile(bare.latencies, 99),
            "bare ws broadcast, same node",
          ),
          figure(
            `Q&A fan-out rate, ${CLIENTS} clients, one node`,
            percentile(sio.rates, 50),
            "deliveries/s",
            percentile(bare.rates, 50),
            "bare ws, same payload and clients",
          ),
        );
        const plain = await plainSocketIoFanout(one, fx, sio.payload);
        figures.push(
          figure(
            `plain Socket.IO fan-out rate, ${CLIENTS} clients (the library's floor)`,
            percentile(plain.rates, 50),
            "deliveries/s",
            percentile(bare.rates, 50),
            "bare ws, same payload and clients",
          ),
          figure(
            `Q&A fan-out rate, ${CLIENTS} clients, app vs library`,
            percentile(sio.rates, 50),
            "deliveries/s",
            percentile(plain.rates, 50),
            "plain Socket.IO, same payload and clients",
          ),
        );
        await one.stop();
        nodes.length = 0;

        // ── two nodes, Redis adapter ──
        const redisUrl = await reachableRedis();
        if (!redisUrl) {
          console.log(`  two-node figure skipped: no Redis answers at ${process.env.REDIS_URL || "redis://127.0.0.1:6379"} (set REDIS_URL)`);
          return figures;
        }
        const a = await startNode({ ...env, SOCKET_ADAPTER: "redis", REDIS_URL: redisUrl });
        nodes.push(a);
        const b = await startNode({ ...env, SOCKET_ADAPTER: "redis", REDIS_URL: redisUrl });
        nodes.push(b);
        // Clients alternately on A and B; the askers (even sockets) on A, so every question crosses Redis.
        const split = await audience(fx, (i) => (i % 2 === 0 ? a : b));
        const two = await split.fanout("two nodes", (n) => 2 * n);
        split.close();
        console.log(
          `  ${CLIENTS} clients; one node p99 ${percentile(sio.latencies, 99).toFixed(0)} ms, two nodes (Redis) p99 ${percentile(two.latencies, 99).toFixed(0)} ms`,
        );
        figures.push(
          figure(
            `Q&A question → ${CLIENTS} clients p99, two nodes (Redis)`,
            percentile(two.latencies, 99),
            "ms",
            percentile(sio.latencies, 99),
            "one node, same clients (this run)",
          ),
        );
        return figures;
      } finally {
        for (const node of nodes) await node.stop();
        const { disconnectDb } = await import("../../app/platform/db.server");
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
