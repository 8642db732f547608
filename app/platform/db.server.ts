// One Prisma client (and one pg pool) per process. The server and the Remix build are two
// module graphs in the same process, so the instance lives on globalThis, not in a module.
import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalKey = Symbol.for("scale-events.prisma");
type GlobalWithPrisma = typeof globalThis & { [globalKey]?: { url: string; client: PrismaClient } };

export function createPrismaClient(connectionString: string, poolSize = 20): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

/**
 * The process's client. DATABASE_URL is read at first use (not at import) because the server
 * sets it only after it has started the embedded PostgreSQL.
 */
export function db(): PrismaClient {
  const holder = globalThis as GlobalWithPrisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start through server/index.ts or the test setup.");
  const existing = holder[globalKey];
  if (existing && existing.url === url) return existing.client;
  const client = createPrismaClient(url, Number(process.env.DATABASE_POOL_SIZE ?? 20) /* validated by env() at start-up */);
  holder[globalKey] = { url, client };
  return client;
}

export async function disconnectDb(): Promise<void> {
  const holder = globalThis as GlobalWithPrisma;
  const existing = holder[globalKey];
  holder[globalKey] = undefined;
  await Promise.all([existing?.client.$disconnect(), closePreparedPool()]);
}

// The hottest statements — the session behind every signed-in request and socket, a calendar
// app's poll, a booking attempt's check and write — run as *named prepared statements* on a small
// pg pool of their own: through Prisma's driver adapter each query is interpreted and planned anew
// (≈0.5 ms of client work per session lookup, a fifth of a cached signed-in page; ≈2.5 ms of
// planning for the feed's); prepared on a plain pg connection, once per connection. A few
// connections suffice: these statements take well under a millisecond, and more would only queue
// on the same rows and locks. Everything else uses db().
const PREPARED_POOL_SIZE = 4;
const preparedKey = Symbol.for("scale-events.prepared-pool");
type GlobalWithPreparedPool = typeof globalThis & { [preparedKey]?: { url: string; pool: pg.Pool } };

function preparedPool(): pg.Pool {
  const holder = globalThis as GlobalWithPreparedPool;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start through server/index.ts or the test setup.");
  const existing = holder[preparedKey];
  if (existing && existing.url === url) return existing.pool;
  if (existing) void existing.pool.end().catch(() => {});
  const pool = new pg.Pool({ connectionString: url, max: PREPARED_POOL_SIZE, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle connection killed by the server (restart, dropped test database) must not crash the process.
  pool.on("error", () => {});
  holder[preparedKey] = { url, pool };
  return pool;
}

const statementNames = new Map<string, string>();

/**
 * Runs `text` as a prepared statement named after its hash (so a changed text is a new statement).
 * Only for texts fixed in the code — each distinct text stays prepared on every pool connection.
 */
export async function preparedQuery<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `q${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return (await preparedPool().query<Row>({ name, text, values })).rows;
}

async function closePreparedPool(): Promise<void> {
  const holder = globalThis as GlobalWithPreparedPool;
  const existing = holder[preparedKey];
  holder[preparedKey] = undefined;
  await existing?.pool.end();
}
