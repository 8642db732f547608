// Group commit for the waiting list. In a rush for a full ticket type almost every attempt ends
// on the waiting list; instead of one statement each, the attempts that arrive while a
// statement is running are written together by the next one (like PostgreSQL's own group
// commit). Each batch is ONE statement, so it is all-or-nothing: if it fails (say two attempts of
// the same person meet the one-active-registration index), every attempt in it is retried on
// its own, and each gets its own answer. Joining the list still requires the ticket type to be
// full at that moment, checked in the same statement.
import { insertWaitlisted, type WaitlistCandidate } from "./store.server";

type Single = (candidate: WaitlistCandidate) => Promise<boolean>;

interface Pending {
  candidate: WaitlistCandidate;
  resolve: (joined: boolean) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;
const queues = new Map<string, { waiting: Pending[]; running: boolean }>();

/**
 * Resolves true when the candidate joined the waiting list (the ticket type was full), false
 * when a seat looked free and nothing was written.
 */
export function joinWaitlistIfFull(candidate: WaitlistCandidate, single: Single): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    let queue = queues.get(candidate.ticketTypeId);
    if (!queue) queues.set(candidate.ticketTypeId, (queue = { waiting: [], running: false }));
    queue.waiting.push({ candidate, resolve, reject });
    if (!queue.running) void drain(candidate.ticketTypeId, single);
  });
}

async function drain(ticketTypeId: string, single: Single): Promise<void> {
  const queue = queues.get(ticketTypeId);
  if (!queue || queue.running) return;
  queue.running = true;
  try {
    // Let the attempts of this tick gather before the first statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      await runBatch(batch, single);
    }
  } finally {
    queue.running = false;
    if (queue.waiting.length === 0) queues.delete(ticketTypeId);
    else void drain(ticketTypeId, single);
  }
}

async function runBatch(batch: Pending[], single: Single): Promise<void> {
  if (batch.length === 1) {
    const [only] = batch;
    await single(only.candidate).then(only.resolve, only.reject);
    return;
  }
  let joined: Set<string>;
  try {
    joined = await insertWaitlisted(batch.map((p) => p.candidate));
  } catch {
    // One statement, all or nothing: settle each attempt on its own instead.
    await Promise.all(batch.map((p) => single(p.candidate).then(p.resolve, p.reject)));
    return;
  }
  for (const p of batch) p.resolve(joined.has(p.candidate.id));
}
