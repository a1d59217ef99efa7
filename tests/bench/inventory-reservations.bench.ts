/**
 * Benchmark of taking reservations (lib/inventory/reserve-stock.ts) on a
 * fresh PostgreSQL database, beside the raw rate of PostgreSQL's own
 * single-row `UPDATE ... SET x = x + 1` on the same machine with the same
 * number of connections:
 *
 * - one hot SKU: every buyer reaches for the same level, so the row lock
 *   queues them one behind the other;
 * - many SKUs: buyers spread over 1,000 levels.
 *
 * A reservation is one interactive transaction through Prisma: the
 * conditional UPDATE of the level with the reservation row (one statement)
 * and the level's outbox event. Beside it, the rate of an empty Prisma
 * transaction (BEGIN, SELECT 1, COMMIT) shows what the transaction itself
 * costs. Each run lasts a fixed time (or a fixed number of operations,
 * whichever ends first). It asserts nothing about time.
 * Run: npm run bench -- inventory-reservations
 */
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { type ClosableSql, connectPostgres } from "../../lib/db/sql";
import { reserveStock } from "../../lib/inventory/reserve-stock";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
/** Each figure is the median of this many runs, taken turn about with its baseline. */
const ROUNDS = 3;
const MAX_OPERATIONS = 200_000;
const SKUS = 1_000;

/** Runs `op` from `workers` loops until the time or the operation budget is spent. */
async function measure(workers: number, op: (worker: number) => Promise<void>) {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline && done < MAX_OPERATIONS) {
        await op(worker);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function seed(
  sql: ClosableSql,
): Promise<{ locationId: string; variantIds: string[] }> {
  await sql.exec(`
    INSERT INTO "Location" (id, code, name, kind, "addressLine1", city, "postalCode", country,
      latitude, longitude, timezone, "canShip", "updatedAt")
    VALUES ('bench-wh', 'WH-BENCH', 'Bench warehouse', 'WAREHOUSE', '1 Bench Road', 'Bench',
      'B1 1BB', 'GB', 52, -1, 'Europe/London', true, now());
    INSERT INTO "Product" (id, handle, title, status, "optionNames", "imageUrls", "updatedAt")
    VALUES ('bench-product', 'bench-tee', 'Bench tee', 'ACTIVE', '{}', '{}', now());
    INSERT INTO "Variant" (id, "productId", sku, "optionValues", "priceMinor", "updatedAt")
    SELECT 'bench-v' || g, 'bench-product', 'BENCH-' || g, '{}', 1000, now()
    FROM generate_series(1, ${SKUS}) AS g;
    -- Enough stock that no reservation is ever refused: the figure is the
    -- cost of taking one, not of being told no.
    INSERT INTO "InventoryLevel" ("variantId", "locationId", "onHand", "updatedAt")
    SELECT 'bench-v' || g, 'bench-wh', 1000000000, now() FROM generate_series(1, ${SKUS}) AS g;
    CREATE TABLE bench_counter (id int PRIMARY KEY, x bigint NOT NULL);
    INSERT INTO bench_counter SELECT g, 0 FROM generate_series(1, ${SKUS}) AS g;
  `);
  return {
    locationId: "bench-wh",
    variantIds: Array.from({ length: SKUS }, (_, i) => `bench-v${i + 1}`),
  };
}

const server = await testServerUrl();
await withDatabase(server, `omnitill_bench_reservations_${process.pid}`, async (url) => {
  const sql = await connectPostgres(url);
  await applyMigrations(sql, { log: { info: () => undefined, warn: () => undefined } });
  const { locationId, variantIds } = await seed(sql);

  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: CONNECTIONS }),
  });
  const raw: ClosableSql[] = [];
  for (let i = 0; i < CONNECTIONS; i++) raw.push(await connectPostgres(url));

  let serial = 0;
  const reserve = (variantId: string) =>
    prisma.$transaction(
      (tx) =>
        reserveStock(tx, {
          lines: [{ variantId, locationId, quantity: 1 }],
          owner: { type: "CART_HOLD", id: `bench-${++serial}` },
          expiresAt: null,
        }),
      { maxWait: 60_000, timeout: 60_000 },
    );
  const pick = () => variantIds[Math.floor(Math.random() * variantIds.length)] ?? "";
  const bump = (worker: number, id: number) =>
    raw[worker]?.query("UPDATE bench_counter SET x = x + 1 WHERE id = $1", [id]);

  // Warm the pool and the plans before measuring.
  await Promise.all(Array.from({ length: CONNECTIONS }, () => reserve(pick())));

  const emptyTransaction = () =>
    prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, {
      maxWait: 60_000,
      timeout: 60_000,
    });

  // Turn about, so that a busy moment on the machine weighs on all alike.
  const compare = async (
    label: string,
    ours: () => Promise<unknown>,
    baseline: (worker: number) => Promise<unknown> | undefined,
  ): Promise<[string, number, number, number]> => {
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      a.push(await measure(CONNECTIONS, () => ours().then(() => undefined)));
      b.push(await measure(CONNECTIONS, async (w) => void (await baseline(w))));
      c.push(await measure(CONNECTIONS, () => emptyTransaction().then(() => undefined)));
    }
    return [label, median(a), median(b), median(c)];
  };
  const hotVariant = variantIds[0] ?? "";
  const results = [
    await compare(
      "one hot SKU",
      () => reserve(hotVariant),
      (w) => bump(w, 1),
    ),
    await compare(
      `${SKUS} SKUs`,
      () => reserve(pick()),
      (w) => bump(w, 1 + Math.floor(Math.random() * SKUS)),
    ),
  ];

  // The figures must stand for real reservations: check the ledger agrees.
  const [check] = await sql.query<{ reserved: string; open: string }>(
    `SELECT (SELECT SUM(reserved) FROM "InventoryLevel")::text AS reserved,
            (SELECT SUM(quantity) FROM "Reservation" WHERE "closedAt" IS NULL)::text AS open`,
  );
  await prisma.$disconnect();
  await Promise.all(raw.map((c) => c.close()));
  await sql.close();

  console.log(
    `reservations per second, ${CONNECTIONS} connections, median of ${ROUNDS} runs of ` +
      `${SECONDS} s (PostgreSQL on this machine)`,
  );
  console.log(
    "                 reserveStock   raw UPDATE x = x + 1   ratio    empty Prisma transaction",
  );
  for (const [label, rate, base, empty] of results) {
    console.log(
      `  ${label.padEnd(13)} ${rate.toFixed(0).padStart(8)} /s ${base.toFixed(0).padStart(12)} /s` +
        `     ${((rate / base) * 100).toFixed(1).padStart(5)} %` +
        `   ${empty.toFixed(0).padStart(8)} /s`,
    );
  }
  console.log(
    `  check: reserved ${check?.reserved} = open reservations ${check?.open}` +
      (check?.reserved === check?.open ? " ✓" : " ✗ MISMATCH"),
  );
  if (check?.reserved !== check?.open) process.exitCode = 1;
});
