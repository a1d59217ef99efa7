import { defineConfig, devices } from "@playwright/test";
const launchOptions = { executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] };
export default defineConfig({
  testDir: "/work/main/tests/e2e",
  outputDir: "/tmp/inv/test-results",
  workers: 1,
  use: { baseURL: "http://127.0.0.1:3411", launchOptions, trace: "off" },
  timeout: 180_000,
  expect: { timeout: 60_000 },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "admin", testMatch: /admin\/inventory\.spec\.ts/, dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: "tests/e2e/.auth/owner.json" } },
  ],
});
