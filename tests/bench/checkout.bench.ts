/**
 * Benchmark of checkout through the HTTP API, against `next start` on a
 * free port over a fresh PostgreSQL database made by this script. Each
 * shopper makes three requests with an API key: POST /api/v1/carts, POST
 * /carts/{id}/lines (one unit), POST /carts/{id}/checkout with a TEST MODE
 * card and an Idempotency-Key. Beside it, in the same run and on the same
 * database server, raw PostgreSQL does what the checkout does at its core:
 * per unit, one transaction with a conditional decrement and an insert.
 *
 * - one hot SKU: 200 shoppers, 32 at a time, for a SKU with 100 units;
 *   exactly 100 must be sold (the script fails otherwise);
 * - many SKUs: 1,000 shoppers, 32 at a time, over 100 SKUs with stock to
 *   spare, so nobody is refused.
 *
 * Before each, 300 shoppers buy a separate SKU (not counted) so the server
 * measured is warm: its routes loaded and its code optimized by the engine.
 *
 * `BENCH_SCENARIOS=requests` (not run by default) measures instead the
 * app's CPU per request of each kind, 2,000 of each (`BENCH_REQUESTS`), one
 * kind after another: a request refused for want of a key (what Next's
 * handling of a route costs by itself), opening a cart, adding a line,
 * checking out and reading a cart.
 *
 * Beside the rates it prints the CPU time the app's processes spent per
 * shopper (user + system, from /proc), which moves far less than the rates
 * when other work shares the machine.
 *
 * Needs a current production build (`npx next build`). It asserts nothing
 * about time. Run: npx tsx tests/bench/checkout.bench.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { createApiKey } from "../../lib/auth/api-keys";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { type ClosableSql, connectPostgres } from "../../lib/db/sql";
import { testCardToken } from "../../lib/payments/test-cards";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const HOT = { shoppers: 200, units: 100 };
const MANY = { shoppers: 1_000, skus: 100, units: 1_000 };
/**
 * Before measuring, shoppers buy a SKU of their own (not counted), so the
 * figures are those of a server that has been serving for a while rather
 * than of code the JavaScript engine has not optimized yet.
 */
const WARM = { shoppers: 300, units: 100_000 };
const WARM_SKU = "BENCH-WARM-UP";
/** How many of each request the `requests` scenario sends. */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const ADDRESS = {
  name: "Bench Shopper",
  line1: "1 Test Street",
  city: "Leeds",
  postalCode: "LS1 1AA",
  country: "GB",
};
const CARD = testCardToken("4242424242424242") ?? "";

interface RunResult {
  seconds: number;
  sold: number;
  refused: number;
  /** Checkout request latencies in ms (the POST .../checkout alone). */
  latencies: number[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `count` jobs, `concurrency` at a time. */
async function pool(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await job(i);
      }
    }),
  );
}

/**
 * CPU seconds (user + system) used so far by the processes of a process
 * group, from /proc (Linux; NaN elsewhere). Clock ticks are 1/100 s.
 */
function groupCpuSeconds(pgid: number | undefined): number {
  if (!pgid || !existsSync("/proc")) return Number.NaN;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // The process ended while we looked.
    }
    // After "pid (name) ": state, ppid, pgrp, ... utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
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

async function seed(url: string, skuCount: number, units: number) {
  const prisma = createPrismaClient({ kind: "postgres", url });
  const location = await prisma.location.create({
    data: {
      code: "WH-BENCH",
      name: "Bench warehouse",
      kind: "WAREHOUSE",
      addressLine1: "1 Bench Road",
      city: "Leeds",
      postalCode: "LS1 1AA",
      country: "GB",
      latitude: 53.8,
      longitude: -1.55,
      timezone: "Europe/London",
      canShip: true,
    },
  });
  const product = await prisma.product.create({
    data: { handle: "bench-tee", title: "Bench tee", status: "ACTIVE", optionNames: [] },
  });
  await prisma.variant.createMany({
    data: [...Array.from({ length: skuCount }, (_, i) => `BENCH-${i}`), WARM_SKU].map(
      (sku) => ({ productId: product.id, sku, optionValues: [], priceMinor: 1000 }),
    ),
  });
  const variants = await prisma.variant.findMany({ orderBy: { sku: "asc" } });
  const stockOf = (sku: string) => (sku === WARM_SKU ? WARM.units : units);
  // Stock arrives as one receipt movement per level, as the ledger requires.
  await prisma.stockMovement.createMany({
    data: variants.map((v) => ({
      variantId: v.id,
      locationId: location.id,
      quantity: stockOf(v.sku),
      reason: "RECEIPT" as const,
      sourceType: "bench",
      actor: "system",
    })),
  });
  await prisma.inventoryLevel.createMany({
    data: variants.map((v) => ({
      variantId: v.id,
      locationId: location.id,
      onHand: stockOf(v.sku),
    })),
  });
  const { key } = await createApiKey(
    prisma,
    { kind: "system", reason: "benchmark" },
    { name: "bench", scopes: ["checkout:create", "orders:read"] },
  );
  await prisma.$disconnect();
  const measured = variants.filter((v) => v.sku !== WARM_SKU);
  const warm = variants.find((v) => v.sku === WARM_SKU);
  if (!warm) throw new Error("the warm-up SKU was not seeded");
  return {
    locationId: location.id,
    variantIds: measured.map((v) => v.id),
    warmVariantId: warm.id,
    key,
  };
}

async function startApp(url: string, port: number): Promise<ChildProcess> {
  // BENCH_APP_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", runs
  // the app under node with those flags, to see where it spends its time.
  const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean);
  const start = ["start", "-p", String(port), "-H", "127.0.0.1"];
  const [command, args] = nodeArgs
    ? [process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", ...start]]
    : ["npx", ["next", ...start]];
  const app = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(CONCURRENCY),
      PAYMENTS_TEST_MODE: "1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/carts/none`);
      if (response.status > 0) return app;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("next start did not answer within a minute; is the build current?");
}

function stopApp(app: ChildProcess): void {
  // The app was started in its own process group by this script.
  if (app.pid) process.kill(-app.pid, "SIGTERM");
}

async function shop(
  base: string,
  key: string,
  variantIds: readonly string[],
  shoppers: number,
  run = "bench",
): Promise<RunResult> {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { ...headers, ...extra },
      body: JSON.stringify(body),
    });
  const latencies: number[] = [];
  let sold = 0;
  let refused = 0;
  const start = performance.now();

  await pool(shoppers, CONCURRENCY, async (i) => {
    const created = await post("/api/v1/carts", {
      email: `${run}-shopper${i}@bench.test`,
      shippingAddress: ADDRESS,
    });
    if (created.status !== 201) throw new Error(`cart: ${created.status}`);
    const cart = (await created.json()).data;
    const line = await post(`/api/v1/carts/${cart.id}/lines`, {
      variantId: variantIds[i % variantIds.length],
      quantity: 1,
      fulfillment: "SHIP",
    });
    if (line.status === 409) {
      refused += 1;
      return;
    }
    if (line.status !== 201) throw new Error(`line: ${line.status} ${await line.text()}`);
    const began = performance.now();
    const checkout = await post(
      `/api/v1/carts/${cart.id}/checkout`,
      { tenders: [{ kind: "card", token: CARD }] },
      { "idempotency-key": `${run}-${i}` },
    );
    latencies.push(performance.now() - began);
    await checkout.arrayBuffer();
    if (checkout.status === 201) sold += 1;
    else if (checkout.status === 409) refused += 1;
    else throw new Error(`checkout: ${checkout.status}`);
  });
  return { seconds: (performance.now() - start) / 1000, sold, refused, latencies };
}

/**
 * Loads every route (refused requests, which take no stock), then runs
 * whole purchases of the warm-up SKU.
 */
async function warmUp(base: string, key: string, warmVariantId: string) {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  for (let i = 0; i < 20; i += 1) {
    const created = await fetch(`${base}/api/v1/carts`, {
      method: "POST",
      headers,
      body: "{}",
    });
    const cart = (await created.json()).data;
    await fetch(`${base}/api/v1/carts/${cart.id}`, { headers });
    await fetch(`${base}/api/v1/carts/${cart.id}/lines`, {
      method: "POST",
      headers,
      body: "{}",
    });
    const checkout = await fetch(`${base}/api/v1/carts/${cart.id}/checkout`, {
      method: "POST",
      headers: { ...headers, "idempotency-key": `warm-${i}` },
      body: "{}",
    });
    await checkout.arrayBuffer();
  }
  await shop(base, key, [warmVariantId], WARM.shoppers, "warm");
}

/**
 * The app's CPU per request of each kind, one kind at a time (`count` of
 * each, CONCURRENCY at a time): a request refused before any database
 * work (no key: Next's own cost of a route), opening a cart, adding a
 * line, checking out, and reading the cart back.
 */
async function perRequest(
  base: string,
  key: string,
  variantIds: readonly string[],
  count: number,
  pid: number | undefined,
) {
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, init);
    await response.arrayBuffer();
    return response;
  };
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    send(path, {
      method: "POST",
      headers: { ...headers, ...extra },
      body: JSON.stringify(body),
    });
  const carts: string[] = [];
  const kinds: [string, (i: number) => Promise<unknown>][] = [
    ["refused, no API key (401)", () => send("/api/v1/carts/none")],
    [
      "open a cart",
      async (i) => {
        const response = await fetch(`${base}/api/v1/carts`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            email: `requests${i}@bench.test`,
            shippingAddress: ADDRESS,
          }),
        });
        carts[i] = (await response.json()).data.id;
      },
    ],
    [
      "add a line",
      (i) =>
        post(`/api/v1/carts/${carts[i]}/lines`, {
          variantId: variantIds[i % variantIds.length],
          quantity: 1,
          fulfillment: "SHIP",
        }),
    ],
    [
      "check out (test card)",
      (i) =>
        post(
          `/api/v1/carts/${carts[i]}/checkout`,
          { tenders: [{ kind: "card", token: CARD }] },
          { "idempotency-key": `requests-${i}` },
        ),
    ],
    ["read the cart", (i) => send(`/api/v1/carts/${carts[i]}`, { headers })],
  ];
  console.log(`Per request: ${count} of each, concurrency ${CONCURRENCY}`);
  for (const [label, job] of kinds) {
    const cpuBefore = groupCpuSeconds(pid);
    const start = performance.now();
    await pool(count, CONCURRENCY, async (i) => {
      await job(i);
    });
    const seconds = (performance.now() - start) / 1000;
    const cpuMs = ((groupCpuSeconds(pid) - cpuBefore) * 1000) / count;
    console.log(
      `  ${label.padEnd(28)} ${cpuMs.toFixed(2).padStart(6)} ms app CPU each, ` +
        `${(count / seconds).toFixed(0).padStart(5)}/s`,
    );
  }
}

/** The raw baseline: per unit, a conditional decrement and an insert in one transaction. */
async function raw(
  url: string,
  variantIds: readonly string[],
  shoppers: number,
  units: number,
) {
  const connections: ClosableSql[] = [];
  for (let i = 0; i < CONCURRENCY; i += 1) connections.push(await connectPostgres(url));
  const setup = connections[0] as ClosableSql;
  await setup.exec(`
    DROP TABLE IF EXISTS bench_level, bench_sale;
    CREATE TABLE bench_level (sku int PRIMARY KEY, available int NOT NULL);
    CREATE TABLE bench_sale (
      id bigserial PRIMARY KEY, sku int NOT NULL, at timestamptz DEFAULT now());
    INSERT INTO bench_level SELECT g, ${units} FROM generate_series(0, ${variantIds.length - 1}) g;
  `);
  let sold = 0;
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    connections.map(async (sql) => {
      while (next < shoppers) {
        const i = next;
        next += 1;
        const sku = i % variantIds.length;
        const began = performance.now();
        await sql.exec("BEGIN");
        const rows = await sql.query<{ sku: number }>(
          `UPDATE bench_level SET available = available - 1
           WHERE sku = $1 AND available >= 1 RETURNING sku`,
          [sku],
        );
        if (rows.length === 1) {
          await sql.query("INSERT INTO bench_sale (sku) VALUES ($1)", [sku]);
          sold += 1;
        }
        await sql.exec("COMMIT");
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const sql of connections) await sql.close();
  return { seconds, sold, refused: shoppers - sold, latencies };
}

function report(
  name: string,
  app: RunResult,
  baseline: RunResult,
  shoppers: number,
  appCpuSeconds: number,
) {
  const rate = (r: RunResult) => r.sold / r.seconds;
  const line = (label: string, r: RunResult) =>
    `  ${label.padEnd(26)} ${rate(r).toFixed(0).padStart(6)} orders/s   ` +
    `p50 ${percentile(r.latencies, 50).toFixed(1).padStart(6)} ms   ` +
    `p99 ${percentile(r.latencies, 99).toFixed(1).padStart(6)} ms   ` +
    `sold ${r.sold}, refused ${r.refused}, ${r.seconds.toFixed(2)} s`;
  console.log(`${name}: ${shoppers} shoppers, concurrency ${CONCURRENCY}`);
  console.log(line("Omnitill API (HTTP)", app));
  console.log(line("raw PostgreSQL", baseline));
  console.log(`  Omnitill / raw: ${((rate(app) / rate(baseline)) * 100).toFixed(1)} %`);
  if (Number.isFinite(appCpuSeconds)) {
    console.log(
      `  app CPU: ${appCpuSeconds.toFixed(1)} s, ` +
        `${((appCpuSeconds * 1000) / shoppers).toFixed(1)} ms per shopper`,
    );
  }
}

const server = await testServerUrl();
let failed = false;
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? "hot,many").split(",");
for (const scenario of ["hot", "many"] as const) {
  if (!SCENARIOS.includes(scenario)) continue;
  const isHot = scenario === "hot";
  const skuCount = isHot ? 1 : MANY.skus;
  const units = isHot ? HOT.units : MANY.units;
  const shoppers = isHot ? HOT.shoppers : MANY.shoppers;
  await withDatabase(
    server,
    `omnitill_bench_checkout_${scenario}_${process.pid}`,
    async (url) => {
      const sql = await connectPostgres(url);
      await applyMigrations(sql, { migrationsDir: "prisma/migrations" });
      await sql.close();
      const { key, variantIds, warmVariantId } = await seed(url, skuCount, units);
      const port = await freePort();
      const app = await startApp(url, port);
      try {
        await warmUp(`http://127.0.0.1:${port}`, key, warmVariantId);
        const cpuBefore = groupCpuSeconds(app.pid);
        const measured = await shop(
          `http://127.0.0.1:${port}`,
          key,
          variantIds,
          shoppers,
        );
        const appCpuSeconds = groupCpuSeconds(app.pid) - cpuBefore;
        const baseline = await raw(url, variantIds, shoppers, units);
        report(
          isHot ? "One hot SKU, 100 units" : `Many SKUs (${skuCount})`,
          measured,
          baseline,
          shoppers,
          appCpuSeconds,
        );
        const expected = isHot ? HOT.units : shoppers;
        if (measured.sold !== expected) {
          console.error(`  SOLD ${measured.sold}, expected exactly ${expected}`);
          failed = true;
        }
      } finally {
        stopApp(app);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  );
}
if (SCENARIOS.includes("requests")) {
  await withDatabase(
    server,
    `omnitill_bench_checkout_requests_${process.pid}`,
    async (url) => {
      const sql = await connectPostgres(url);
      await applyMigrations(sql, { migrationsDir: "prisma/migrations" });
      await sql.close();
      const { key, variantIds, warmVariantId } = await seed(url, MANY.skus, MANY.units);
      const port = await freePort();
      const app = await startApp(url, port);
      try {
        const base = `http://127.0.0.1:${port}`;
        await warmUp(base, key, warmVariantId);
        await perRequest(base, key, variantIds, REQUESTS, app.pid);
      } finally {
        stopApp(app);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  );
}
process.exit(failed ? 1 : 0);
