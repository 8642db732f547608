// Live polls at scale: one poll, 2 000 Socket.IO clients on one node (the server runs in a child
// process; the clients run here) all voting within a second over the Q&A's connection.
// Figures: ballots per second with every ballot counted exactly once when all 2 000 are sent at
// once (baseline: the same ballot rows inserted as raw SQL through pg, 20 connections, in the same
// run); time from a vote to the moment every client holds a result that includes it (p50, p99), with
// the 2 000 votes spread over one second, and with all sent at once; and certificate PDF generation
// (p50, p95; baseline: pdfkit writing a one-line page, the library's floor).
// BENCH_POLL_CLIENTS changes the client count.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Socket } from "socket.io-client";
import { createQaFixture } from "../realtime/fixtures";
import { startNode } from "../realtime/nodes";
import { inBatches, openSocket, sleep } from "./clients";
import { benchDatabase, figure, percentile, type Benchmark } from "./harness";

const CLIENTS = Number(process.env.BENCH_POLL_CLIENTS ?? 2000);
const PDFS = 200;

/**
 * For each vote (sent at `sent`, the k-th acknowledged), the time until every client has received
 * a result counting at least k ballots — a result that includes it or a later one.
 */
export function voteToEveryClient(votes: { sent: number; rank: number }[], arrivals: { at: number; total: number }[][]): number[] {
  const totals = [...new Set(arrivals.flat().map((a) => a.total))].sort((a, b) => a - b);
  // For each broadcast total: when the last client first held a result of at least that total.
  const allHold = new Map<number, number>();
  for (const total of totals) {
    let latest = 0;
    for (const client of arrivals) {
      const first = client.find((a) => a.total >= total);
      latest = Math.max(latest, first ? first.at : Number.POSITIVE_INFINITY);
    }
    allHold.set(total, latest);
  }
  return votes.map((v) => {
    const total = totals.find((t) => t >= v.rank);
    return total === undefined ? Number.POSITIVE_INFINITY : allHold.get(total)! - v.sent;
  });
}

export const benchmarks: Benchmark[] = [
  {
    name: "polls",
    async run() {
      const database = await benchDatabase("polls");
      const fx = await createQaFixture({ attendees: CLIENTS, tag: "pollbench" });
      const { createPoll } = await import("../../app/domain/engagement/polls.server");
      const organiser = { id: fx.organiser.id, name: fx.organiser.name, roles: ["ORGANISER" as const] };
      const draft = {
        kind: "SINGLE" as const,
        question: "Which platform?",
        options: ["FIWARE", "CKAN", "Own build"],
        showResults: true,
        allowChange: false,
        anonymous: true,
      };
      const poll = await createPoll(organiser, fx.sessionId, { ...draft, launch: true });
      const warm = await createPoll(organiser, fx.sessionId, { ...draft, question: "Warm-up", launch: true });
      const spread = await createPoll(organiser, fx.sessionId, { ...draft, question: "Within a second", launch: true });
      const node = await startNode({
        DATABASE_URL: database.url,
        SOCKET_ADAPTER: "memory",
        PORT: "0",
        DATABASE_POOL_SIZE: "20",
        QA_BROADCAST_WINDOW_MS: "100",
      });
      const sockets: Socket[] = [];
      const admin = new pg.Pool({ connectionString: database.url, max: 20 });
      try {
        const arrivals: { at: number; total: number }[][] = Array.from({ length: CLIENTS }, () => []);
        const spreadArrivals: { at: number; total: number }[][] = Array.from({ length: CLIENTS }, () => []);
        await inBatches(CLIENTS, async (i) => {
          const socket = await openSocket(node.baseUrl, fx.attendees[i].cookie, { event: "poll:join", payload: { sessionId: fx.sessionId } });
          sockets[i] = socket;
          socket.on("poll:changed", (change: { poll: { id: string; total: number } }) => {
            if (change.poll.id === poll.id) arrivals[i].push({ at: performance.now(), total: change.poll.total });
            if (change.poll.id === spread.id) spreadArrivals[i].push({ at: performance.now(), total: change.poll.total });
          });
        });
        // Warm-up (JIT, query plans, the access cache): a tenth of the clients vote on another poll.
        await Promise.all(
          sockets.slice(0, Math.ceil(CLIENTS / 10)).map((s) => s.timeout(60_000).emitWithAck("poll:vote", { pollId: warm.id, choices: [warm.options[0].id] })),
        );
        await sleep(1000);

        // ── the storm: every client votes, all sent within the same second ──
        const votes: { sent: number; rank: number }[] = [];
        let acked = 0;
        const started = performance.now();
        const acks = await Promise.all(
          sockets.map(async (s, i) => {
            const sent = performance.now();
            const ack = await s.timeout(120_000).emitWithAck("poll:vote", { pollId: poll.id, choices: [poll.options[i % 3].id] });
            acked += 1;
            votes.push({ sent, rank: acked });
            return ack as { ok: boolean };
          }),
        );
        const voteSeconds = (performance.now() - started) / 1000;
        const failed = acks.filter((a) => !a.ok);
        if (failed.length) throw new Error(`${failed.length} ballots refused, e.g. ${JSON.stringify(failed[0])}`);
        const deadline = Date.now() + 30_000;
        while (arrivals.some((a) => (a.at(-1)?.total ?? 0) < CLIENTS)) {
          if (Date.now() > deadline) throw new Error(`only ${arrivals.filter((a) => (a.at(-1)?.total ?? 0) >= CLIENTS).length} clients saw the final count`);
          await sleep(10);
        }
        const [{ ballots, people }] = (
          await admin.query(`SELECT count(*)::int AS ballots, count(DISTINCT "userId")::int AS people FROM "PollBallot" WHERE "pollId" = $1`, [poll.id])
        ).rows;
        if (ballots !== CLIENTS || people !== CLIENTS) throw new Error(`ballots not exact: ${ballots} rows for ${people} people, expected ${CLIENTS}`);
        const burstLatencies = voteToEveryClient(votes, arrivals);

        // ── the same clients voting spread evenly over one second: latency from each vote's own send ──
        await sleep(500);
        const spreadVotes: { sent: number; rank: number }[] = [];
        let spreadAcked = 0;
        await Promise.all(
          sockets.map(async (s, i) => {
            await sleep((i / CLIENTS) * 1000);
            const sent = performance.now();
            const ack = (await s.timeout(120_000).emitWithAck("poll:vote", { pollId: spread.id, choices: [spread.options[i % 3].id] })) as { ok: boolean };
            if (!ack.ok) throw new Error(`ballot refused: ${JSON.stringify(ack)}`);
            spreadAcked += 1;
            spreadVotes.push({ sent, rank: spreadAcked });
          }),
        );
        const spreadDeadline = Date.now() + 30_000;
        while (spreadArrivals.some((a) => (a.at(-1)?.total ?? 0) < CLIENTS)) {
          if (Date.now() > spreadDeadline) throw new Error("not every client saw the final count of the spread poll");
          await sleep(10);
        }
        const latencies = voteToEveryClient(spreadVotes, spreadArrivals);

        // Baseline: the same ballot rows as raw SQL (one autocommitted INSERT each), 20 connections.
        const baselinePoll = await createPoll(organiser, fx.sessionId, { ...draft, question: "Baseline", launch: true });
        const baselineStarted = performance.now();
        await Promise.all(
          fx.attendees.map((u, i) =>
            admin.query(`INSERT INTO "PollBallot" ("pollId", "userId", "choices") VALUES ($1, $2, ARRAY[$3]::uuid[])`, [
              baselinePoll.id,
              u.id,
              baselinePoll.options[i % 3].id,
            ]),
          ),
        );
        const baselineSeconds = (performance.now() - baselineStarted) / 1000;

        // ── certificate PDFs, in this process ──
        const { db } = await import("../../app/platform/db.server");
        const registration = await db().registration.findFirstOrThrow({ where: { userId: fx.attendees[0].id } });
        await db().registration.update({ where: { id: registration.id }, data: { checkedInAt: new Date() } });
        const { issueCertificate, renderCertificatePdf } = await import("../../app/domain/engagement/certificates.server");
        const issued = await issueCertificate(fx.attendees[0].id, registration.id);
        const { default: PDFDocument } = await import("pdfkit");
        const floor = () =>
          new Promise<void>((resolve) => {
            const doc = new PDFDocument({ size: "A4" });
            doc.on("data", () => {});
            doc.on("end", () => resolve());
            doc.text("Certificate");
            doc.end();
          });
        const pdfTimes: number[] = [];
        const floorTimes: number[] = [];
        for (let i = -20; i < PDFS; i++) {
          let t = performance.now();
          await renderCertificatePdf(issued);
          if (i >= 0) pdfTimes.push(performance.now() - t);
          t = performance.now();
          await floor();
          if (i >= 0) floorTimes.push(performance.now() - t);
        }

        console.log(
          `  ${CLIENTS} clients voted in ${voteSeconds.toFixed(2)} s; ${ballots} ballots for ${people} people (exact); ${PDFS} certificates rendered`,
        );
        return [
          figure(
            "ballots per second, 2 000 clients at once",
            CLIENTS / voteSeconds,
            "ballots/s",
            CLIENTS / baselineSeconds,
            "raw SQL INSERTs via pg, same rows",
          ),
          figure("vote → result at every client p50 (votes over 1 s)", percentile(latencies, 50), "ms", 100, "the 100 ms broadcast window"),
          figure("vote → result at every client p99 (votes over 1 s)", percentile(latencies, 99), "ms", 250, "goal 250 ms"),
          figure("vote → result at every client p99 (all at once)", percentile(burstLatencies, 99), "ms", 250, "goal 250 ms"),
          figure("certificate PDF p50", percentile(pdfTimes, 50), "ms", percentile(floorTimes, 50), "pdfkit one-line page"),
          figure("certificate PDF p95", percentile(pdfTimes, 95), "ms", 100, "goal 100 ms"),
        ];
      } finally {
        for (const s of sockets) s?.disconnect();
        await admin.end();
        await node.stop();
        const { disconnectDb } = await import("../../app/platform/db.server");
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
