/**
 * Scan to line on screen at the till: Chromium at phone size (Pixel 7),
 * its CPU slowed 4x through the DevTools protocol
 * (Emulation.setCPUThrottlingRate) as a mid-range phone, signed in as a
 * London associate, against `next start` over a fresh PostgreSQL database
 * with the demo retailer. Each scan is a hardware scanner's burst of keys
 * ending in Enter; the time runs from the Enter to the new ticket line in
 * the DOM. Beside it, in the same run and page: a bare fetch round trip to
 * the server (the floor any server-confirmed line pays), and the same
 * scans without throttling.
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
  const before = count();
  const key = (k) =>
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  for (const character of scanned) key(character);
  let started = 0;
  const observer = new MutationObserver(() => {
    if (count() > before) {
      observer.disconnect();
      resolve(performance.now() - started);
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

/** Types a code as a hardware scanner does and times Enter to the new line. */
function scanToLine(page: Page, code: string): Promise<number> {
  return page.evaluate(`(${SCAN_TO_LINE})(${JSON.stringify(code)})`) as Promise<number>;
}

function roundTrip(page: Page): Promise<number> {
  return page.evaluate(`(${ROUND_TRIP})()`) as Promise<number>;
}

const summary = (label: string, values: number[]) =>
  `  ${label.padEnd(44)} p50 ${percentile(values, 50).toFixed(0).padStart(5)} ms   ` +
  `p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms   (n=${values.length})`;

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
    const context = await browser.newContext({
      ...devices["Pixel 7"],
      baseURL: `http://127.0.0.1:${port}`,
    });
    const page = await context.newPage();
    await page.goto("/sign-in?callbackUrl=%2Fpos");
    await page.getByLabel("Email").fill("associate.london@omnitill.test");
    await page.getByLabel("Password").fill("omnitill-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/pos$/, { timeout: 60_000 });
    await page.getByRole("button", { name: "Till 1", exact: true }).click();
    await page.getByLabel("Barcode or SKU").waitFor();

    const cdp = await context.newCDPSession(page);
    const measure = async (rate: number, batch: string[]) => {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      const trips: number[] = [];
      const scans: number[] = [];
      // Warm up: the first action loads code and starts the ticket.
      await scanToLine(page, batch[0] ?? "");
      for (const code of batch.slice(1)) {
        trips.push(await roundTrip(page));
        scans.push(await scanToLine(page, code));
      }
      return { trips, scans };
    };
    const slow = await measure(THROTTLE, codes.slice(0, SCANS));
    await page.reload();
    await page.getByLabel("Barcode or SKU").waitFor();
    const fast = await measure(1, codes.slice(SCANS, SCANS * 2));

    console.log(`scan to line on screen, Pixel 7 viewport, ${SCANS - 1} scans each`);
    console.log(summary(`CPU ${THROTTLE}x slower (mid-range phone)`, slow.scans));
    console.log(summary(`  baseline: fetch round trip, CPU ${THROTTLE}x`, slow.trips));
    console.log(summary("CPU unthrottled", fast.scans));
    console.log(summary("  baseline: fetch round trip, unthrottled", fast.trips));
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
