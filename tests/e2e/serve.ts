// The server Playwright drives: the real build on a fresh, seeded database
// (DATABASE_URL's server when set, else the embedded test cluster).
import pino from "pino";
import { seedDemoData } from "../../prisma/seed";
import { startAppServer } from "../../server/app";
import { createTestDatabase, startTestCluster } from "../support/test-cluster";

const cluster = await startTestCluster();
const databaseUrl = await createTestDatabase(cluster.adminUrl, `scale_e2e_${process.env.E2E_PORT ?? 3100}`);
process.env.DATABASE_URL = databaseUrl;
process.env.AUTH_RATE_LIMIT ??= "50";
await seedDemoData();
const server = await startAppServer({
  port: Number(process.env.E2E_PORT ?? 3100),
  host: "127.0.0.1",
  databaseUrl,
  logger: pino({ level: process.env.LOG_LEVEL ?? "warn" }),
  production: false,
  adapter: "memory",
});
console.log(`e2e server on http://127.0.0.1:${server.port}`);

const stop = async () => {
  await server.close();
  await cluster.stop();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
