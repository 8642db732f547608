// Client-side pieces the socket benchmarks share: opening thousands of connections in batches,
// a Socket.IO client signed in with a cookie (optionally joined to a room by an event that
// acknowledges), and the bare `ws` client that the baselines use.
import { createRequire } from "node:module";
import { io as connect, type Socket } from "socket.io-client";

/** Connections opened at once: more only queue in the kernel and distort the first figures. */
const BATCH = 100;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deliveries per second of one broadcast: its receipt times, from the first to the last. */
export const deliveryRate = (times: number[]) => times.length / ((Math.max(...times) - Math.min(...times)) / 1000 || 1e-3);

/** Runs `run(0 … count-1)`, BATCH at a time, and returns the results in order. */
export async function inBatches<T>(count: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += BATCH) out.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => run(i + j)))));
  return out;
}

/**
 * A websocket-only Socket.IO client with `cookie`, connected; with `join`, it has also sent
 * that event and had it acknowledged with `{ ok: true }` (else this throws with the reply).
 */
export async function openSocket(baseUrl: string, cookie: string, join?: { event: string; payload: unknown; timeoutMs?: number }): Promise<Socket> {
  const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: { Cookie: cookie }, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  if (join) {
    const reply = await socket.timeout(join.timeoutMs ?? 30_000).emitWithAck(join.event, join.payload);
    if (!reply?.ok) throw new Error(`${join.event} failed: ${JSON.stringify(reply)}`);
  }
  return socket;
}

export interface WsClient {
  on(event: "message", listener: (data: unknown) => void): void;
  once(event: "open" | "error", listener: (arg?: unknown) => void): void;
  close(): void;
}
type WsClass = new (url: string, options: { perMessageDeflate: boolean }) => WsClient;

/** The `ws` client class of the version socket.io-client itself uses (through engine.io-client). */
export function loadWsClient(): WsClass {
  const require = createRequire(import.meta.url);
  return (createRequire(require.resolve("engine.io-client"))("ws") as { WebSocket: WsClass }).WebSocket;
}

/** A bare `ws` client connected to `url`. */
export async function openWs(url: string): Promise<WsClient> {
  const WebSocket = loadWsClient();
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}
