// Which Socket.IO adapter carries broadcasts between app nodes: in-memory for a single node,
// Redis (sharded pub/sub) when REDIS_URL is set, PostgreSQL when asked for — so a small
// multi-node deployment needs no extra service.
import type { Server } from "socket.io";
import pg from "pg";
import type { Logger } from "pino";

export type AdapterKind = "memory" | "redis" | "postgres";

export function chooseAdapter(config: { SOCKET_ADAPTER?: AdapterKind; REDIS_URL?: string }): AdapterKind {
  if (config.SOCKET_ADAPTER) return config.SOCKET_ADAPTER;
  return config.REDIS_URL ? "redis" : "memory";
}

/** Installs the adapter; returns a function that closes its connections. */
export async function installAdapter(
  io: Server,
  kind: AdapterKind,
  config: { REDIS_URL?: string; DATABASE_URL: string },
  logger: Logger,
): Promise<() => Promise<void>> {
  if (kind === "redis") {
    if (!config.REDIS_URL) throw new Error("SOCKET_ADAPTER=redis needs REDIS_URL");
    const { createClient } = await import("redis");
    const { createAdapter, createShardedAdapter } = await import("@socket.io/redis-adapter");
    const pubClient = createClient({ url: config.REDIS_URL });
    const subClient = pubClient.duplicate();
    pubClient.on("error", (error) => logger.error({ err: error }, "redis adapter error"));
    subClient.on("error", (error) => logger.error({ err: error }, "redis adapter error"));
    await Promise.all([pubClient.connect(), subClient.connect()]);
    // Sharded pub/sub (SSUBSCRIBE) needs Redis 7; older servers get the classic adapter.
    const major = redisMajorVersion(await pubClient.info("server"));
    if (major >= 7) {
      io.adapter(createShardedAdapter(pubClient, subClient));
      logger.info("socket.io adapter: redis (sharded pub/sub)");
    } else {
      io.adapter(createAdapter(pubClient, subClient));
      logger.info({ redisVersion: major }, "socket.io adapter: redis (classic pub/sub; sharded needs Redis 7)");
    }
    return async () => {
      await Promise.allSettled([pubClient.quit(), subClient.quit()]);
    };
  }
  if (kind === "postgres") {
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4 });
    // Nodes starting together would race on CREATE TABLE IF NOT EXISTS (it is not atomic in
    // PostgreSQL: the loser fails on pg_type's unique index), so serialise it.
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(72707371)");
      await client.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
        id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    io.adapter(createAdapter(pool, { errorHandler: (error) => logger.error({ err: error }, "postgres adapter error") }));
    logger.info("socket.io adapter: postgres");
    return async () => {
      await pool.end().catch(() => {});
    };
  }
  logger.info("socket.io adapter: in-memory (single node)");
  return async () => {};
}

/** The major version from Redis's INFO server section ("redis_version:7.0.15"); 0 when unknown. */
export function redisMajorVersion(info: string): number {
  const match = /^redis_version:(\d+)/m.exec(info);
  return match ? Number(match[1]) : 0;
}
