// The PostgreSQL server the tests use: DATABASE_URL's server when set (CI has one),
// otherwise a disposable embedded cluster in .data/postgres-test.
import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { ensureDatabase, withDatabaseName } from "../../server/db/bootstrap";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { applyMigrations } from "../../server/db/migrate";

export const TEST_EMBEDDED_DIR = ".data/postgres-test";
export const TEST_EMBEDDED_PORT = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);

export interface TestCluster {
  /** URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const external = process.env.DATABASE_URL;
  if (external) return { adminUrl: withDatabaseName(external, "postgres"), stop: async () => {} };
  // A second test run on the same checkout (two terminals, parallel work) gets a private,
  // throw-away cluster instead of failing on the shared one's lock.
  if (!clusterInUse(TEST_EMBEDDED_DIR)) {
    return startEmbeddedPostgres({ dataDir: TEST_EMBEDDED_DIR, port: TEST_EMBEDDED_PORT, disposable: true });
  }
  const privateDir = `${TEST_EMBEDDED_DIR}-${process.pid}`;
  const cluster = await startEmbeddedPostgres({ dataDir: privateDir, port: TEST_EMBEDDED_PORT + 1, disposable: true });
  return {
    adminUrl: cluster.adminUrl,
    async stop() {
      await cluster.stop();
      rmSync(privateDir, { recursive: true, force: true });
    },
  };
}

function clusterInUse(dataDir: string): boolean {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh database `name`: copied from `template` when given (fast), else migrated. */
export async function createTestDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const url = withDatabaseName(adminUrl, name);
  await ensureDatabase(url, { recreate: true, template });
  if (!template) await applyMigrations(url);
  return url;
}

export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
