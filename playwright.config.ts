import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// A system Chromium when present (Debian's `chromium`), otherwise the one that ships inside the
// npm package @sparticuz/chromium — `npx playwright install` cannot download browsers here.
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const bundled = SYSTEM_CHROMIUM ? null : (await import("@sparticuz/chromium")).default;
const executablePath = SYSTEM_CHROMIUM ?? (await bundled!.executablePath());
const args = [
  ...(bundled ? bundled.args : []),
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args } } }],
  webServer: {
    // A fresh, seeded database and the built server (npm test builds before running this).
    command: "node --import tsx tests/e2e/serve.ts",
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(PORT), TZ: "UTC", LOG_LEVEL: "warn" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
