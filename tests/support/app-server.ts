// Starts the real server (Express + Remix build + Socket.IO) in-process on a free port,
// against this test file's database.
import pino, { type Logger } from "pino";
import { startAppServer, type AppServer } from "../../server/app";
import type { AdapterKind } from "../../server/realtime/adapter";

export async function startTestServer(
  options: { adapter?: AdapterKind; redisUrl?: string; logger?: Logger; production?: boolean } = {},
): Promise<AppServer & { baseUrl: string }> {
  const server = await startAppServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: process.env.DATABASE_URL!,
    logger: options.logger ?? pino({ level: "silent" }),
    production: options.production ?? false,
    adapter: options.adapter ?? "memory",
    redisUrl: options.redisUrl,
    // Tests wait for their own requests; a connection still open at the end is cut quickly.
    shutdownGraceMs: 500,
  });
  return Object.assign(server, { baseUrl: `http://127.0.0.1:${server.port}` });
}
