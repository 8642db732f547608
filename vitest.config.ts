import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const app = fileURLToPath(new URL("./app", import.meta.url));

// Two projects: pure unit tests beside the code (no database), and integration tests under
// tests/ that each get their own freshly migrated PostgreSQL database per worker.
export default defineConfig({
  resolve: { alias: { "~": app } },
  test: {
    env: { TZ: "UTC" },
    // Two cores: more workers only make the integration databases fight for them.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["app/**/*.test.ts", "server/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          // tests/bench holds *.bench.ts (npm run bench) and smoke.test.ts, which runs them all small.
          exclude: ["tests/e2e/**"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/worker-database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
