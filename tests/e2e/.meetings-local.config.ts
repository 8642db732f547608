import { defineConfig, devices } from "@playwright/test";
const args = ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"];
export default defineConfig({ testDir: "/work/main/tests/e2e", testMatch: "meetings.spec.ts", workers: 1, timeout: 90_000, reporter: [["list"]], outputDir: "/tmp/meet-pw/out",
  use: { baseURL: "http://127.0.0.1:3217", launchOptions: { executablePath: "/usr/bin/chromium", args } },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: "/usr/bin/chromium", args } } }] });
