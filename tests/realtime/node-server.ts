// One app node for the multi-node tests and the realtime bench:
//   PORT=0 SOCKET_ADAPTER=postgres DATABASE_URL=… [REDIS_URL=…] node --import tsx tests/realtime/node-server.ts
// Prints "READY <port>" on stdout once listening. With an IPC channel (child_process.fork or
// spawn with "ipc"), answers {type:"heap"} with {type:"heap", heapUsed, code, rss, external} after a GC
// (when started with --expose-gc), {type:"stop"} by closing and exiting, and — for the bench's
// baseline — {type:"ws-start"} (a bare `ws` server, the one engine.io uses) and
// {type:"ws-broadcast", payload, count} (send `payload` to every bare-ws client `count` times),
// {type:"sio-start"} (a plain Socket.IO server without any app code, for its memory floor) and
// {type:"sio-broadcast", event, payload} (emit `payload` to every client of that plain server).
import { createRequire } from "node:module";
import v8 from "node:v8";
import pino from "pino";
import { startAppServer } from "../../server/app";
import type { AdapterKind } from "../../server/realtime/adapter";

const adapter = (process.env.SOCKET_ADAPTER ?? "memory") as AdapterKind;
const server = await startAppServer({
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  databaseUrl: process.env.DATABASE_URL!,
  logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
  production: true,
  adapter,
  redisUrl: process.env.REDIS_URL,
});
process.stdout.write(`READY ${server.port}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await server.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.on("disconnect", () => void stop());
process.on("message", (message: { type?: string }) => {
  if (message?.type === "heap") {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    const memory = process.memoryUsage();
    // Compiled code and bytecode (with their metadata) grow as V8 warms up, whatever is connected.
    const { code_and_metadata_size: machineCode, bytecode_and_metadata_size: bytecode } = v8.getHeapCodeStatistics();
    process.send?.({ type: "heap", heapUsed: memory.heapUsed, code: machineCode + bytecode, rss: memory.rss, external: memory.external });
  } else if (message?.type === "stop") {
    void stop();
  } else if (message?.type === "ws-start") {
    void startBareWs().then((port) => process.send?.({ type: "ws-start", port }));
  } else if (message?.type === "sio-start") {
    void startPlainSocketIo().then((port) => process.send?.({ type: "sio-start", port }));
  } else if (message?.type === "sio-broadcast") {
    const { event, payload } = message as unknown as { event: string; payload: unknown };
    plainIo!.emit(event, payload);
    process.send?.({ type: "sio-broadcast", clients: plainIo!.engine.clientsCount });
  } else if (message?.type === "ws-broadcast") {
    const { payload, count } = message as unknown as { payload: string; count: number };
    for (let i = 0; i < count; i++) for (const client of bare!.clients) client.send(payload);
    process.send?.({ type: "ws-broadcast", clients: bare!.clients.size });
  }
});

/** A plain Socket.IO server (no app code, no auth, no rooms): the library's own cost per connection and per broadcast. */
let plainIo: import("socket.io").Server | undefined;
async function startPlainSocketIo(): Promise<number> {
  const { createServer } = await import("node:http");
  const { Server } = await import("socket.io");
  const http = createServer();
  plainIo = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  return (http.address() as { port: number }).port;
}

interface BareWsServer {
  clients: Set<{ send(data: string): void }>;
  address(): { port: number };
  on(event: "listening", listener: () => void): void;
}
let bare: BareWsServer | undefined;
function startBareWs(): Promise<number> {
  // The same `ws` package version that engine.io (Socket.IO's transport) uses.
  const requireFromEngine = createRequire(createRequire(import.meta.url).resolve("engine.io"));
  const { WebSocketServer } = requireFromEngine("ws") as {
    WebSocketServer: new (options: { port: number; host: string; perMessageDeflate: boolean }) => BareWsServer;
  };
  bare = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  return new Promise((resolve) => bare!.on("listening", () => resolve(bare!.address().port)));
}
