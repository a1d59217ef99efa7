import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium against a production build
 * (`next start`) on a fresh PostgreSQL database prepared by scripts/e2e.ts.
 * Playwright never downloads a browser of its own here.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const launchOptions = {
  ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

const AUTH_DIR = "tests/e2e/.auth";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  // Matched from tests/e2e/ so that a checkout whose path holds "pos/" (or "admin/")
  // does not pull every spec into that project.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "storefront",
      testMatch: /tests\/e2e\/storefront\/.*\.spec\.ts/,
      use: { ...devices["Pixel 7"], launchOptions },
    },
    {
      name: "pos",
      testMatch: /tests\/e2e\/pos\/.*\.spec\.ts/,
      dependencies: ["setup"],
      use: {
        ...devices["Pixel 7"],
        launchOptions,
        storageState: `${AUTH_DIR}/associate.json`,
      },
    },
    {
      name: "admin",
      testMatch: /tests\/e2e\/admin\/.*\.spec\.ts/,
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions,
        storageState: `${AUTH_DIR}/owner.json`,
      },
    },
    {
      name: "access",
      testMatch: /tests\/e2e\/access\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "engine",
      testMatch: /tests\/e2e\/engine\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "embedded",
      testMatch: /tests\/e2e\/embedded\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `${BASE_URL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: BASE_URL,
      AUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      LOG_LEVEL: "warn",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      // The storefront's checkout tests pay with TEST MODE cards.
      PAYMENTS_TEST_MODE: "1",
    },
  },
});
