// Finds or starts the database, makes sure the app's database exists and is migrated.
// DATABASE_URL wins; without it an embedded PostgreSQL is started in a git-ignored folder.
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/** Same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** CREATE DATABASE if missing (optionally from a template); safe when several processes race. */
export async function ensureDatabase(url: string, options: { template?: string; recreate?: boolean } = {}): Promise<void> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await admin.connect();
  try {
    if (options.recreate) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    const template = options.template ? ` TEMPLATE ${quoteIdent(options.template)}` : "";
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}${template}`);
    } catch (error) {
      // 42P04: another process created it between our check and our CREATE.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  } finally {
    await admin.end();
  }
}

export async function prepareDatabase(options: {
  databaseUrl?: string;
  embeddedDir: string;
  embeddedPort: number;
  databaseName?: string;
  disposable?: boolean;
  log?: (message: string) => void;
}): Promise<PreparedDatabase> {
  let url = options.databaseUrl;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const cluster = await startEmbeddedPostgres({
      dataDir: options.embeddedDir,
      port: options.embeddedPort,
      disposable: options.disposable,
      log: options.log,
    });
    url = withDatabaseName(cluster.adminUrl, options.databaseName ?? "scale_events");
    stop = cluster.stop;
  } else if (options.databaseName) {
    url = withDatabaseName(url, options.databaseName);
  }
  try {
    await ensureDatabase(url);
    const appliedMigrations = await applyMigrations(url);
    return { url, embedded, appliedMigrations, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
