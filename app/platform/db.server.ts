// One Prisma client (and one pg pool) per process. The server and the Remix build are two
// module graphs in the same process, so the instance lives on globalThis, not in a module.
import { PrismaPg } from "@prisma/adapter-pg";
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
  await existing?.client.$disconnect();
}
