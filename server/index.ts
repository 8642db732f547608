// The process entry point: prepare the database (embedded when DATABASE_URL is absent),
// seed demo data into an empty database, serve, and shut down cleanly on SIGTERM/SIGINT.
import { env } from "../app/platform/env.server";
import { prepareDatabase } from "./db/bootstrap";
import { logger } from "../app/platform/logger.server";
import { startAppServer } from "./app";
import { startJobs } from "./jobs/index";
import { chooseAdapter } from "./realtime/adapter";

async function main() {
  const config = env();
  const database = await prepareDatabase({
    databaseUrl: config.DATABASE_URL,
    embeddedDir: config.EMBEDDED_PG_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    log: (message) => logger.info(message),
  });
  if (database.appliedMigrations.length > 0) logger.info({ migrations: database.appliedMigrations }, "applied migrations");
  process.env.DATABASE_URL = database.url;

  if (config.SEED_DEMO === "true") {
    const { seedDemoDataIfEmpty, DEMO_TOTP_SECRET } = await import("../prisma/seed");
    const seeded = await seedDemoDataIfEmpty();
    if (seeded) {
      logger.info("seeded demo data into an empty database");
      console.log(
        `\nDemo accounts (password for all: ${seeded.password})\n${seeded.accounts.map((a) => `  ${a.role.padEnd(16)} ${a.email}`).join("\n")}\n  admin and organiser sign in with two-factor: TOTP secret ${DEMO_TOTP_SECRET}\n`,
      );
    }
  }

  const server = await startAppServer({
    port: config.PORT,
    host: config.HOST,
    databaseUrl: database.url,
    logger,
    production: config.NODE_ENV === "production",
    adapter: chooseAdapter(config),
    redisUrl: config.REDIS_URL,
    trustProxy: config.TRUST_PROXY === "true",
  });
  // Timed work (hold/offer expiry, refund retries) and the outbox sender; see server/jobs.
  const jobs = await startJobs({ databaseUrl: database.url, logger, smtpUrl: config.SMTP_URL });
  logger.info(`SCALE Events is serving on http://localhost:${server.port} (database: ${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL"})`);

  if (config.NODE_ENV === "development" && process.env.REMIX_DEV_ORIGIN) {
    const { broadcastDevReady } = await import("@remix-run/node");
    const { loadBuild } = await import("./app");
    await broadcastDevReady(await loadBuild());
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await jobs.stop().catch((error) => logger.error({ err: error }, "stopping jobs failed"));
      await server.close();
      await database.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  logger.fatal({ err: error }, "could not start");
  console.error(error);
  process.exit(1);
});
