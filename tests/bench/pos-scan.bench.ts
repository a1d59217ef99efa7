/**
 * Scan to line on screen at the till: Chromium at phone size (Pixel 7),
 * its CPU slowed 4x through the DevTools protocol
 * (Emulation.setCPUThrottlingRate) as a mid-range phone, signed in as a
 * London associate, against `next start` over a fresh PostgreSQL database
 * with the demo retailer. Each scan is a hardware scanner's burst of keys
 * ending in Enter; the time runs from the Enter to the new ticket line in
 * the DOM, and on to the server's confirmation (no line still marked as
 * waiting). The till first loads its copy of the store's catalogue, as a
 * till in use holds it, and draws each line from it. Beside it, in the
 * same run: a bare fetch round trip to the server (the floor any
 * server-confirmed line pays), the same scans without throttling, and the
 * scans of a till without its catalogue copy (the bundle refused), which
 * wait for the server as every scan did before the copy was used.
 *
 * Needs a current production build (`npx next build`). Asserts only that
 * every scan added its line.
 * Run: npx tsx tests/bench/pos-scan.bench.ts   (BENCH_SCANS=20)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { chromium, devices, type Page } from "@playwright/test";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { seedDemoData } from "../../lib/db/seed";
import { connectPostgres } from "../../lib/db/sql";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const SCANS = Number(process.env.BENCH_SCANS ?? 20);
const THROTTLE = 4;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function startApp(url: string, port: number): Promise<ChildProcess> {
  const app = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
      PAYMENTS_TEST_MODE: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sign-in`)).status > 0) return app;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("next start did not answer within a minute; is the build current?");
}

// The in-page scripts are plain strings: tsx would otherwise wrap their
// inner functions in a helper that does not exist in the page.
const SCAN_TO_LINE = `(scanned) => new Promise((resolve, reject) => {
  const count = () => document.querySelectorAll('[data-testid="ticket-line"]').length;
  const waiting = () => document.querySelectorAll('[data-provisional]').length;
  const before = count();
  const key = (k) =>
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  for (const character of scanned) key(character);
  let started = 0;
  let line = 0;
  const observer = new MutationObserver(() => {
    if (line === 0 && count() > before) line = performance.now() - started;
    if (line > 0 && waiting() === 0) {
      observer.disconnect();
      resolve({ line, confirmed: performance.now() - started });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  started = performance.now();
  key("Enter");
  setTimeout(() => reject(new Error("no line for " + scanned)), 30000);
})`;

const ROUND_TRIP = `async () => {
  const started = performance.now();
  await (await fetch("/robots.txt", { cache: "no-store" })).text();
  return performance.now() - started;
}`;

/** Types a code as a hardware scanner does; times Enter to the new line and to its confirmation. */
function scanToLine(
  page: Page,
  code: string,
): Promise<{ line: number; confirmed: number }> {
  return page.evaluate(`(${SCAN_TO_LINE})(${JSON.stringify(code)})`) as Promise<{
    line: number;
    confirmed: number;
  }>;
}

function roundTrip(page: Page): Promise<number> {
  return page.evaluate(`(${ROUND_TRIP})()`) as Promise<number>;
}

/** The till's aim: a scanned line on screen within this. */
const TARGET_MS = 100;

const summary = (label: string, values: number[]) =>
  `  ${label.padEnd(52)} p50 ${percentile(values, 50).toFixed(0).padStart(5)} ms   ` +
  `p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms   (n=${values.length}, ` +
  `${values.filter((v) => v > TARGET_MS).length} over ${TARGET_MS} ms)`;

const server = await testServerUrl();
await withDatabase(server, `omnitill_bench_pos_scan_${process.pid}`, async (url) => {
  const sql = await connectPostgres(url);
  await applyMigrations(sql, { migrationsDir: "prisma/migrations" });
  await sql.close();
  const prisma = createPrismaClient({ kind: "postgres", url });
  await seedDemoData(prisma);
  const variants = await prisma.variant.findMany({
    where: {
      isActive: true,
      barcode: { not: null },
      product: { status: "ACTIVE" },
      inventoryLevels: { some: { location: { code: "STR-LDN" } } },
    },
    select: { barcode: true },
    orderBy: { sku: "asc" },
    take: SCANS * 2,
  });
  await prisma.$disconnect();
  const codes = variants.map((v) => v.barcode ?? "").filter(Boolean);

  const port = await freePort();
  const app = await startApp(url, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    /** Signs in on a phone-sized page at register Till 1; `withCopy` false refuses the bundle. */
    const openTill = async (withCopy: boolean) => {
      const context = await browser.newContext({
        ...devices["Pixel 7"],
        baseURL: `http://127.0.0.1:${port}`,
      });
      if (!withCopy) {
        await context.route("**/api/v1/pos/bundle**", (route) =>
          route.fulfill({ status: 503, body: "" }),
        );
      }
      const page = await context.newPage();
      await page.goto("/sign-in?callbackUrl=%2Fpos");
      await page.getByLabel("Email").fill("associate.london@omnitill.test");
      await page.getByLabel("Password").fill("omnitill-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/pos$/, { timeout: 60_000 });
      await page.getByRole("button", { name: "Till 1", exact: true }).click();
      await ready(page, withCopy);
      return { context, page };
    };
    /** The scan field, and the catalogue copy loaded when the till is to have one. */
    const ready = async (page: Page, withCopy: boolean) => {
      await page.getByLabel("Barcode or SKU").waitFor();
      if (withCopy) {
        await page.locator('form[data-catalogue="local"]').waitFor({
          state: "attached",
          timeout: 60_000,
        });
      }
    };

    const measure = async (page: Page, rate: number, batch: string[]) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      const trips: number[] = [];
      const lines: number[] = [];
      const confirmed: number[] = [];
      // Warm up: the first action loads code and starts the ticket.
      await scanToLine(page, batch[0] ?? "");
      for (const code of batch.slice(1)) {
        trips.push(await roundTrip(page));
        const timing = await scanToLine(page, code);
        lines.push(timing.line);
        confirmed.push(timing.confirmed);
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      return { trips, lines, confirmed };
    };

    const till = await openTill(true);
    const slow = await measure(till.page, THROTTLE, codes.slice(0, SCANS));
    await till.page.reload();
    await ready(till.page, true);
    const fast = await measure(till.page, 1, codes.slice(SCANS, SCANS * 2));
    await till.context.close();

    const bare = await openTill(false);
    const server = await measure(bare.page, THROTTLE, codes.slice(0, SCANS));
    await bare.context.close();

    console.log(`scan to line on screen, Pixel 7 viewport, ${SCANS - 1} scans each`);
    console.log(summary(`CPU ${THROTTLE}x slower (mid-range phone): line`, slow.lines));
    console.log(summary("  server's confirmation", slow.confirmed));
    console.log(summary(`  baseline: fetch round trip, CPU ${THROTTLE}x`, slow.trips));
    console.log(summary("CPU unthrottled: line", fast.lines));
    console.log(summary("  server's confirmation", fast.confirmed));
    console.log(summary("  baseline: fetch round trip, unthrottled", fast.trips));
    console.log(summary(`no catalogue copy, CPU ${THROTTLE}x: line`, server.lines));
    console.log(summary("  baseline: fetch round trip", server.trips));
  } finally {
    await browser.close();
    if (app.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
process.exit(0);
