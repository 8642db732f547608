// `npm run db:seed`: prepare the database exactly as the server would (embedded PostgreSQL
// without DATABASE_URL, migrations), then seed the demo data if it is empty. It lives here, not
// in prisma/seed.ts, because starting the database is the server's job and prisma/ stands
// without server/.
import { disconnectDb } from "../../app/platform/db.server";
import { env } from "../../app/platform/env.server";
import { seedDemoDataIfEmpty } from "../../prisma/seed";
import { prepareDatabase } from "./bootstrap";

const config = env();
const database = await prepareDatabase({ databaseUrl: config.DATABASE_URL, embeddedDir: config.EMBEDDED_PG_DIR, embeddedPort: config.EMBEDDED_PG_PORT });
process.env.DATABASE_URL = database.url;
const seeded = await seedDemoDataIfEmpty();
console.log(
  seeded
    ? `Seeded. Demo accounts (password ${seeded.password}):\n${seeded.accounts.map((a) => `  ${a.role}: ${a.email}`).join("\n")}`
    : "Database already has data; nothing seeded.",
);
await disconnectDb();
await database.stop();
