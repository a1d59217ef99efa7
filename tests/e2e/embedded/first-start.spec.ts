import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The newcomer's path: no DATABASE_URL and an empty data directory. The same
// production build must start on the embedded database, migrate and seed it.
const PORT = Number(process.env.E2E_EMBEDDED_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
let dataDir = "";
let output = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const inUse = await fetch(`${BASE}/sign-in`).then(
    () => true,
    () => false,
  );
  if (inUse) throw new Error(`port ${PORT} is taken; stop whatever serves it`);
  dataDir = mkdtempSync(path.join(tmpdir(), "omnitill-embedded-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  server = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it also stops the server npx started.
    detached: true,
  });
  server.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  server.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });

  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${BASE}/sign-in`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 200_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a clean data directory starts, seeds, and shows the catalogue", async ({
  page,
}) => {
  expect(output).toContain("embedded PGlite");
  expect(output).toContain("Demo sign-ins");

  await page.goto(`${BASE}/`);
  const product = page.locator('a[href^="/products/"]').first();
  await expect(product).toBeVisible();

  // The product page prices with promotions and shows stock: the queries
  // the embedded database's adapter must handle as well as PostgreSQL.
  const href = (await product.getAttribute("href")) ?? "/";
  const response = await page.goto(`${BASE}${href}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/£\d+\.\d{2}/).first()).toBeVisible();

  await page.goto(`${BASE}/pos`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpos/);
});
