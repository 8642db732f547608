// Committed data changes, as the database announces them (NOTIFY scale_changes, sent by the
// triggers of migration 20261206071500_change_notifications), relayed to this process's caches of
// rendered pages and feeds. Every node listens on its own connection, so a change made through
// any node — or by anything else that writes to the database — reaches every node's caches.
//
// A cache may serve from memory only while `changeFeedGeneration()` still equals the generation
// it recorded when it stored the entry: the listener was connected the whole time, so no change
// can have been missed. When the connection drops, the generation moves on (every entry is then
// stale at once) and `{ scope: "all" }` is published; caches fall back to the database until the
// listener is back.
import pg from "pg";
import { processBus } from "./bus.server";

export type ChangeScope = "event" | "user" | "session" | "person";
export type DataChange = { scope: ChangeScope; id: string } | { scope: "all" };

const CHANNEL = "scale_changes";
const bus = processBus<DataChange>("data-changes");
const stateKey = Symbol.for("scale-events.change-feed");

interface FeedState {
  /** Bumped on every connection and disconnection of a listener. */
  generation: number;
  /** Listeners connected in this process (two servers in one process each run one). */
  listening: number;
  /** Bumped on every change received: a cache fill compares it before and after reading. */
  sequence: number;
}

function state(): FeedState {
  const holder = globalThis as typeof globalThis & { [stateKey]?: FeedState };
  return (holder[stateKey] ??= { generation: 0, listening: 0, sequence: 0 });
}

/** Subscribes to committed changes (and `{ scope: "all" }` when changes may have been missed). */
export function onDataChange(listener: (change: DataChange) => void): () => void {
  return bus.subscribe(listener);
}

/** The listener's current generation while it is connected, else null (serve nothing from memory). */
export function changeFeedGeneration(): number | null {
  const { generation, listening } = state();
  return listening > 0 ? generation : null;
}

/** How many changes this process has received; a fill that saw it move must not be stored. */
export function changeSequence(): number {
  return state().sequence;
}

/** Parses one notification payload ("event:<uuid>" …); null for anything else. */
export function parseChange(payload: string): DataChange | null {
  const match = /^(event|user|session|person):([0-9a-f-]{36})$/.exec(payload);
  return match ? { scope: match[1] as ChangeScope, id: match[2] } : null;
}

/**
 * A write in this process that the database has not announced yet: the node's caches drop
 * everything now, so the writer's next request (the redirect after a form) reads its own write
 * even before the notice arrives.
 */
export function announceLocalWrite(): void {
  received({ scope: "all" });
}

function received(change: DataChange): void {
  state().sequence++;
  bus.publish(change);
}

export interface ChangeListener {
  stop(): Promise<void>;
}

/** LISTENs on a connection of its own, reconnecting after a drop; resolves once listening (or once the first attempt failed). */
export async function startChangeListener(databaseUrl: string, onError: (error: unknown) => void = () => {}): Promise<ChangeListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    const current = state();
    current.listening--;
    current.generation++;
    received({ scope: "all" });
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      const change = message.channel === CHANNEL && message.payload ? parseChange(message.payload) : null;
      if (change) received(change);
    });
    next.on("error", (error) => {
      onError(error);
      next.end().catch(() => {});
    });
    next.on("end", () => {
      if (client !== next) return;
      client = null;
      lost();
      if (!stopped) retry = setTimeout(() => void connect().catch(onError), 1_000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(onError), 1_000);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    // Whatever was cached before this connection may have missed changes.
    const current = state();
    current.listening++;
    current.generation++;
    received({ scope: "all" });
  };

  // A first connection that fails is retried in the background: until it succeeds the caches
  // simply serve nothing from memory.
  await connect().catch(onError);
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      if (current) lost();
      await current?.end().catch(() => {});
    },
  };
}
