/**
 * Benchmark of the offline till's resync on a fresh PostgreSQL database:
 * 1,000 sales made offline on one till (1 to 3 lines each, cash, priced
 * by the engine from the till's bundle, some selling past the shelf's
 * recorded stock) are sent as the till sends them: in order, 50 a batch,
 * one batch after the other. Then the same queue again (every sale a
 * replay). Beside it, in the same run, the raw PostgreSQL floor: one
 * transaction per sale that inserts the sale with ON CONFLICT DO NOTHING,
 * its order and lines, decrements the levels and writes an outbox event.
 *
 * It asserts nothing about time; it checks that every sale became exactly
 * one order and that stock moved by exactly the units sold.
 * Run: npx tsx tests/bench/pos-sync.bench.ts   (BENCH_SALES=… to change the count)
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { StaffActor } from "../../lib/auth/actor";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { connectPostgres } from "../../lib/db/sql";
import { applyMovement } from "../../lib/inventory/apply-movement";
import { exportPosBundle } from "../../lib/pos-sync/export-pos-bundle";
import {
  indexVariants,
  offlineSaleFrom,
  priceOfflineCart,
} from "../../lib/pos-sync/price-offline";
import type { OfflineSaleInput } from "../../lib/pos-sync/sale";
import { syncOfflineSales } from "../../lib/pos-sync/sync-offline-sales";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const SALES = Number(process.env.BENCH_SALES ?? 1_000);
const BATCH = 50;
const VARIANTS = 100;
const UNITS_ON_SHELF = 40;

async function createTill(prisma: PrismaClient) {
  const store = await prisma.location.create({
    data: {
      code: "STR-BENCH",
      name: "Bench store",
      kind: "STORE",
      addressLine1: "1 High Street",
      city: "Leeds",
      postalCode: "LS1 1AA",
      country: "GB",
      latitude: 53.8,
      longitude: -1.55,
      timezone: "Europe/London",
      canSellInStore: true,
    },
  });
  const register = await prisma.register.create({
    data: { locationId: store.id, name: "Till 1" },
  });
  await prisma.taxRegion.create({
    data: {
      name: "United Kingdom",
      country: "GB",
      postalCodePrefixes: [],
      rates: { create: [{ category: "STANDARD", ratePpm: 200_000 }] },
    },
  });
  await prisma.promotion.create({
    data: {
      name: "Tenner off over £60",
      benefitType: "order",
      channels: [],
      locationIds: [],
      currency: "GBP",
      definition: {
        name: "Tenner off over £60",
        currency: "GBP",
        conditions: { minSpend: 6000 },
        benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
      },
    },
  });
  const product = await prisma.product.create({
    data: {
      handle: "bench-tee",
      title: "Bench Tee",
      status: "ACTIVE",
      optionNames: ["Number"],
      variants: {
        create: Array.from({ length: VARIANTS }, (_, i) => ({
          sku: `BENCH-${String(i).padStart(3, "0")}`,
          optionValues: [String(i)],
          priceMinor: 1000 + (i % 20) * 250,
        })),
      },
    },
    include: { variants: true },
  });
  for (const variant of product.variants) {
    await prisma.$transaction((tx) =>
      applyMovement(tx, {
        variantId: variant.id,
        locationId: store.id,
        quantity: UNITS_ON_SHELF,
        reason: "RECEIPT",
        sourceType: "bench",
        actor: "system",
      }),
    );
  }
  const staff = await prisma.staffUser.create({
    data: {
      email: "bench.associate@omnitill.test",
      name: "Bench Associate",
      passwordHash: "not-used",
      role: "ASSOCIATE",
      locations: { create: [{ locationId: store.id }] },
    },
  });
  const associate: StaffActor = {
    kind: "staff",
    id: staff.id,
    email: staff.email,
    name: staff.name,
    role: "ASSOCIATE",
    locationIds: [store.id],
  };
  return { store, register, associate, variants: product.variants };
}

/** The till's queue: SALES sales priced from the bundle, as made offline over a day. */
async function makeQueue(
  prisma: PrismaClient,
  till: Awaited<ReturnType<typeof createTill>>,
): Promise<OfflineSaleInput[]> {
  const bundle = await exportPosBundle(prisma, { locationId: till.store.id });
  const variants = indexVariants(bundle);
  const start = Date.now() - 8 * 3_600_000;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const queue: OfflineSaleInput[] = [];
  for (let i = 0; i < SALES; i += 1) {
    const lineCount = 1 + Math.floor(random() * 3);
    const chosen = new Set<string>();
    while (chosen.size < lineCount) {
      chosen.add(till.variants[Math.floor(random() * VARIANTS)]?.id ?? "");
    }
    const lines = [...chosen].map((variantId) => ({
      variantId,
      quantity: 1 + Math.floor(random() * 2),
    }));
    const at = new Date(start + i * 25_000);
    const pricing = priceOfflineCart(bundle, { lines, at, variants });
    const total = pricing.totals.total;
    queue.push(
      offlineSaleFrom({
        id: randomUUID(),
        deviceId: "device-bench-0001",
        sequence: i + 1,
        registerId: till.register.id,
        staffId: till.associate.id,
        at,
        customerId: null,
        codes: [],
        variants,
        pricing,
        tenders: [
          {
            kind: "cash",
            amountMinor: total,
            tenderedMinor: Math.ceil(total / 500) * 500,
          },
        ],
      }),
    );
  }
  return queue;
}

async function syncAll(
  prisma: PrismaClient,
  till: Awaited<ReturnType<typeof createTill>>,
  queue: OfflineSaleInput[],
) {
  const started = performance.now();
  const batchTimes: number[] = [];
  const statuses = new Map<string, number>();
  let replays = 0;
  for (let i = 0; i < queue.length; i += BATCH) {
    const batchStart = performance.now();
    const { results, unprocessed } = await syncOfflineSales(prisma, {
      actor: till.associate,
      input: { locationId: till.store.id, sales: queue.slice(i, i + BATCH) },
    });
    if (unprocessed.length > 0)
      throw new Error(`${unprocessed.length} sales unprocessed`);
    for (const r of results) {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.isReplay) replays += 1;
    }
    batchTimes.push(performance.now() - batchStart);
  }
  const seconds = (performance.now() - started) / 1000;
  batchTimes.sort((a, b) => a - b);
  return {
    seconds,
    perSecond: queue.length / seconds,
    batchP50: batchTimes[Math.floor(batchTimes.length / 2)] ?? 0,
    batchMax: batchTimes[batchTimes.length - 1] ?? 0,
    statuses,
    replays,
  };
}

/** The floor: the same sales' essential writes in raw SQL, one transaction each. */
async function rawBaseline(url: string, queue: OfflineSaleInput[]) {
  const sql = await connectPostgres(url);
  await sql.exec(`
    CREATE TABLE bench_sale (id uuid PRIMARY KEY, payload jsonb NOT NULL);
    CREATE TABLE bench_order (id uuid PRIMARY KEY, sale_id uuid UNIQUE NOT NULL, total int NOT NULL);
    CREATE TABLE bench_line (order_id uuid NOT NULL, variant_id text NOT NULL, quantity int NOT NULL, total int NOT NULL);
    CREATE TABLE bench_level (variant_id text PRIMARY KEY, on_hand int NOT NULL);
  `);
  const variantIds = [...new Set(queue.flatMap((s) => s.lines.map((l) => l.variantId)))];
  await sql.query(
    `INSERT INTO bench_level SELECT unnest($1::text[]), ${UNITS_ON_SHELF}`,
    [variantIds],
  );
  const started = performance.now();
  for (const sale of queue) {
    await sql.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO bench_sale VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
        [sale.id, JSON.stringify(sale)],
      );
      if (inserted.length === 0) return;
      const orderId = randomUUID();
      await tx.query(`INSERT INTO bench_order VALUES ($1, $2, $3)`, [
        orderId,
        sale.id,
        sale.pricing.totals.total,
      ]);
      for (const line of [...sale.lines].sort((a, b) =>
        a.variantId < b.variantId ? -1 : 1,
      )) {
        await tx.query(`INSERT INTO bench_line VALUES ($1, $2, $3, $4)`, [
          orderId,
          line.variantId,
          line.quantity,
          line.totalMinor,
        ]);
        await tx.query(
          `UPDATE bench_level SET on_hand = on_hand - $2 WHERE variant_id = $1`,
          [line.variantId, line.quantity],
        );
      }
      await tx.query(
        `INSERT INTO "OutboxEvent" ("type", "aggregateType", "aggregateId", "payload")
         VALUES ('orders.offline_sale_synced', 'offline_sale', $1, '{}')`,
        [sale.id],
      );
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await sql.close();
  return { seconds, perSecond: queue.length / seconds };
}

async function main() {
  const server = await testServerUrl();
  await withDatabase(server, `omnitill_bench_pos_sync_${process.pid}`, async (url) => {
    const sql = await connectPostgres(url);
    await applyMigrations(sql, { log: { info: () => undefined, warn: () => undefined } });
    await sql.close();
    const prisma = createPrismaClient({ kind: "postgres", url });
    try {
      const till = await createTill(prisma);
      const queue = await makeQueue(prisma, till);
      const units = new Map<string, number>();
      for (const sale of queue)
        for (const line of sale.lines)
          units.set(line.variantId, (units.get(line.variantId) ?? 0) + line.quantity);

      const first = await syncAll(prisma, till, queue);
      const again = await syncAll(prisma, till, queue);
      const raw = await rawBaseline(url, queue);

      // Exactly once, and stock moved by exactly what was sold.
      const orders = await prisma.order.count({
        where: { registerId: till.register.id },
      });
      if (orders !== queue.length)
        throw new Error(`${orders} orders for ${queue.length} sales`);
      const levels = await prisma.inventoryLevel.findMany({
        where: { locationId: till.store.id },
      });
      for (const level of levels) {
        const expected = UNITS_ON_SHELF - (units.get(level.variantId) ?? 0);
        if (level.onHand !== expected)
          throw new Error(
            `level ${level.variantId} at ${level.onHand}, expected ${expected}`,
          );
      }
      const exceptions = await prisma.stockException.count({
        where: { locationId: till.store.id },
      });

      const statusText = [...first.statuses].map(([s, n]) => `${n} ${s}`).join(", ");
      console.log(
        `${queue.length} offline sales, ${BATCH} a batch, one batch at a time (${statusText}; ${exceptions} stock exceptions raised)`,
      );
      console.log(
        `  first sync : ${first.seconds.toFixed(1)} s, ${first.perSecond.toFixed(0)} sales/s, batch p50 ${first.batchP50.toFixed(0)} ms, max ${first.batchMax.toFixed(0)} ms`,
      );
      console.log(
        `  replayed   : ${again.seconds.toFixed(1)} s, ${again.perSecond.toFixed(0)} sales/s (${again.replays} answered as replays, nothing written)`,
      );
      console.log(
        `  raw SQL    : ${raw.seconds.toFixed(1)} s, ${raw.perSecond.toFixed(0)} sales/s (insert ON CONFLICT, order, lines, levels, outbox; one transaction per sale)`,
      );
      console.log(
        `  first sync at ${((first.perSecond / raw.perSecond) * 100).toFixed(1)} % of the raw rate`,
      );
    } finally {
      await prisma.$disconnect();
    }
  });
}

await main();
