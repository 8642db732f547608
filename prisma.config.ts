// Prisma's CLI wants a native schema engine it cannot download on offline machines.
// `prisma generate` never runs it, so any existing file satisfies the check; migrations are
// applied by server/db/migrate.ts instead (see README, Decisions).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "node --import tsx server/db/seed-cli.ts" },
});
