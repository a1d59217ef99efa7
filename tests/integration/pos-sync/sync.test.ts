/**
 * Resync of offline till sales on this file's own PostgreSQL database:
 * sales priced in "the browser" (the pure engine on the bundle, as the
 * till does) are replayed, sent twice at once, sent out of order, priced
 * again after a price change, and sold after the shelf ran out.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getBundle } from "@/app/api/v1/pos/bundle/route";
import { POST as postSync } from "@/app/api/v1/pos/sync/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";
import { issueGiftCard } from "@/lib/payments/gift-cards";
import type { PosBundle } from "@/lib/pos-sync/bundle";
import { exportPosBundle } from "@/lib/pos-sync/export-pos-bundle";
import { offlineSalesReport } from "@/lib/pos-sync/offline-report";
import {
  indexVariants,
  offlineSaleFrom,
  priceOfflineCart,
} from "@/lib/pos-sync/price-offline";
import { reviewOfflineSale } from "@/lib/pos-sync/review-offline-sale";
import type { OfflineTender } from "@/lib/pos-sync/sale";
import { syncOfflineSales } from "@/lib/pos-sync/sync-offline-sales";
import { DEFAULT_SETTINGS } from "@/lib/settings/get-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import { createShop, level, receive, type Shop } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let shop: Shop;
let bundle: PosBundle;
const DEVICE = "device-test-0001";
let sequence = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.store.id, 50);
  await receive(db.prisma, shop.medium.id, shop.store.id, 50);
  await receive(db.prisma, shop.mug.id, shop.store.id, 1);
  await db.prisma.promotion.create({
    data: {
      name: "Tenner off over £40",
      benefitType: "order",
      channels: [],
      locationIds: [],
      currency: "GBP",
      definition: {
        name: "Tenner off over £40",
        currency: "GBP",
        conditions: { minSpend: 4000 },
        benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
      },
    },
  });
  bundle = await exportPosBundle(db.prisma, { locationId: shop.store.id });
});

/** A sale made on the till with the bundle it holds, paid in cash. */
function tillSale(
  lines: { variantId: string; quantity: number }[],
  options: {
    at?: Date;
    cash?: number;
    tenders?: OfflineTender[];
    held?: PosBundle;
    customerId?: string;
  } = {},
) {
  const held = options.held ?? bundle;
  const at = options.at ?? new Date();
  const variants = indexVariants(held);
  const pricing = priceOfflineCart(held, { lines, at, variants });
  const total = pricing.totals.total;
  sequence += 1;
  return offlineSaleFrom({
    id: randomUUID(),
    deviceId: DEVICE,
    sequence,
    registerId: shop.register.id,
    staffId: shop.associate.id,
    at,
    customerId: options.customerId ?? null,
    codes: [],
    variants,
    pricing,
    tenders: options.tenders ?? [
      { kind: "cash", amountMinor: total, tenderedMinor: options.cash ?? total },
    ],
  });
}

function sync(sales: unknown[]) {
  return syncOfflineSales(db.prisma, {
    actor: shop.associate,
    input: { locationId: shop.store.id, sales },
  });
}

async function ordersOf(saleIds: string[]) {
  return db.prisma.order.findMany({
    where: { idempotencyKey: { in: saleIds.map((id) => `offline:${id}`) } },
    include: { payments: true, lines: true },
  });
}

describe("the POS bundle", () => {
  it("holds the store's sellable variants with prices, promotions, tax and staff", () => {
    const ids = bundle.variants.map((v) => v.id);
    expect(ids).toEqual(
      expect.arrayContaining([shop.small.id, shop.medium.id, shop.mug.id]),
    );
    const small = bundle.variants.find((v) => v.id === shop.small.id);
    expect(small).toMatchObject({ priceMinor: 2000, onHand: 50, sku: shop.small.sku });
    expect(bundle.pricing.promotions.map((p) => p.name)).toContain("Tenner off over £40");
    expect(bundle.pricing.taxRegions.length).toBeGreaterThan(0);
    expect(bundle.staff.map((s) => s.id)).toContain(shop.associate.id);
    expect(bundle.registers.map((r) => r.id)).toContain(shop.register.id);
    expect(bundle.offlineTenders).toEqual(["cash"]);
    expect(bundle.isDelta).toBe(false);
  });

  it("lists only what changed after a cursor", async () => {
    const later = new Date(Date.now() + 120_000);
    const delta = await exportPosBundle(db.prisma, {
      locationId: shop.store.id,
      since: later,
    });
    expect(delta.isDelta).toBe(true);
    expect(delta.variants).toEqual([]);
    await db.prisma.variant.update({
      where: { id: shop.medium.id },
      data: { compareAtMinor: 3000 },
    });
    const changed = await exportPosBundle(db.prisma, {
      locationId: shop.store.id,
      since: new Date(bundle.cursor),
    });
    expect(changed.variants.map((v) => v.id)).toContain(shop.medium.id);
  });

  it("is served to a till with the store's permission, and refuses a bad cursor by name", async () => {
    const { key } = await createApiKey(
      db.prisma,
      { kind: "system", reason: "test" },
      { name: "Till sync", scopes: ["pos:sell"] },
    );
    const ok = await getBundle(
      new Request(`http://localhost/api/v1/pos/bundle?locationId=${shop.store.id}`, {
        headers: { authorization: `Bearer ${key}` },
      }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).location.id).toBe(shop.store.id);
    const bad = await getBundle(
      new Request(
        `http://localhost/api/v1/pos/bundle?locationId=${shop.store.id}&since=yesterday`,
        { headers: { authorization: `Bearer ${key}` } },
      ),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("since");
  });
});

describe("POST /api/v1/pos/sync", () => {
  it("accepts a cash sale with change, sells the stock and keeps the till's figures", async () => {
    const before = await level(db.prisma, shop.small.id, shop.store.id);
    const sale = tillSale([{ variantId: shop.small.id, quantity: 2 }], { cash: 5000 });
    const { results, unprocessed } = await sync([sale]);
    expect(unprocessed).toEqual([]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      id: sale.id,
      status: "accepted",
      isReplay: false,
      deviceTotalMinor: 4000 - 1000,
      serverTotalMinor: 3000,
      differences: [],
      stockExceptions: [],
    });
    const [order] = await ordersOf([sale.id]);
    expect(order).toMatchObject({
      channel: "POS",
      totalMinor: 3000,
      discountMinor: 1000,
      registerId: shop.register.id,
      staffId: shop.associate.id,
      locationId: shop.store.id,
      status: "COMPLETED",
    });
    expect(order?.placedAt.toISOString()).toBe(sale.occurredAt);
    expect(order?.payments).toEqual([
      expect.objectContaining({
        provider: "CASH",
        amountMinor: 3000,
        tenderedMinor: 5000,
        changeMinor: 2000,
      }),
    ]);
    expect(await level(db.prisma, shop.small.id, shop.store.id)).toEqual({
      onHand: before.onHand - 2,
      reserved: 0,
    });
    const events = await db.prisma.outboxEvent.findMany({
      where: { type: "orders.offline_sale_synced", aggregateId: sale.id },
    });
    expect(events).toHaveLength(1);
    const audit = await db.prisma.auditEntry.count({
      where: { action: "pos.offline_sale_synced", entityId: sale.id },
    });
    expect(audit).toBe(1);
  });

  it("records a replayed queue once and answers the replay with the first verdict", async () => {
    const sales = [
      tillSale([{ variantId: shop.medium.id, quantity: 1 }]),
      tillSale([{ variantId: shop.small.id, quantity: 1 }]),
    ];
    const before = await level(db.prisma, shop.medium.id, shop.store.id);
    const first = await sync(sales);
    const again = await sync(sales);
    expect(first.results.map((r) => r.isReplay)).toEqual([false, false]);
    expect(again.results.map((r) => r.isReplay)).toEqual([true, true]);
    expect(again.results.map((r) => r.orderNumber)).toEqual(
      first.results.map((r) => r.orderNumber),
    );
    expect(await ordersOf(sales.map((s) => s.id))).toHaveLength(2);
    expect((await level(db.prisma, shop.medium.id, shop.store.id)).onHand).toBe(
      before.onHand - 1,
    );
  });

  it("records each sale once when two tabs send the same queue at the same moment", async () => {
    const sales = Array.from({ length: 6 }, (_, i) =>
      tillSale([{ variantId: i % 2 ? shop.small.id : shop.medium.id, quantity: 1 }]),
    );
    const small = await level(db.prisma, shop.small.id, shop.store.id);
    const medium = await level(db.prisma, shop.medium.id, shop.store.id);
    const answers = await Promise.all([
      sync(sales),
      sync(sales),
      sync([...sales].reverse()),
    ]);
    for (const answer of answers) {
      expect(answer.results.map((r) => r.status)).toEqual(Array(6).fill("accepted"));
    }
    const fresh = answers.flatMap((a) => a.results).filter((r) => !r.isReplay);
    expect(fresh).toHaveLength(6);
    expect(new Set(fresh.map((r) => r.id)).size).toBe(6);
    expect(await ordersOf(sales.map((s) => s.id))).toHaveLength(6);
    expect(
      await db.prisma.offlineSale.count({
        where: { id: { in: sales.map((s) => s.id) } },
      }),
    ).toBe(6);
    expect((await level(db.prisma, shop.small.id, shop.store.id)).onHand).toBe(
      small.onHand - 3,
    );
    expect((await level(db.prisma, shop.medium.id, shop.store.id)).onHand).toBe(
      medium.onHand - 3,
    );
  });

  it("records the customer attached at the till on the order", async () => {
    const sale = tillSale([{ variantId: shop.small.id, quantity: 1 }], {
      customerId: shop.customerId,
    });
    const { results } = await sync([sale]);
    expect(results[0]?.status).toBe("accepted");
    const [order] = await ordersOf([sale.id]);
    expect(order?.customerId).toBe(shop.customerId);
  });

  it("accepts batches out of order, each order dated by the till's clock", async () => {
    const start = Date.now() - 3_600_000;
    const sales = [0, 1, 2, 3].map((i) =>
      tillSale([{ variantId: shop.small.id, quantity: 1 }], {
        at: new Date(start + i * 60_000),
      }),
    );
    const late = await sync([sales[2], sales[3]]);
    const early = await sync([sales[0], sales[1]]);
    expect([...early.results, ...late.results].map((r) => r.status)).toEqual(
      Array(4).fill("accepted"),
    );
    const orders = await ordersOf(sales.map((s) => s.id));
    const placed = new Map(
      orders.map((o) => [o.idempotencyKey, o.placedAt.toISOString()]),
    );
    for (const sale of sales)
      expect(placed.get(`offline:${sale.id}`)).toBe(sale.occurredAt);
  });

  it("keeps what the till charged when a price changed meanwhile, and records the difference", async () => {
    const held = await exportPosBundle(db.prisma, { locationId: shop.store.id });
    await db.prisma.variant.update({
      where: { id: shop.medium.id },
      data: { priceMinor: 2700 },
    });
    const sale = tillSale([{ variantId: shop.medium.id, quantity: 1 }], { held });
    const { results } = await sync([sale]);
    expect(results[0]?.status).toBe("accepted_with_differences");
    expect(results[0]?.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          lineIndex: 0,
          kind: "UNIT_PRICE",
          deviceMinor: 2500,
          serverMinor: 2700,
          sku: shop.medium.sku,
        }),
        expect.objectContaining({
          kind: "SALE_TOTAL",
          deviceMinor: 2500,
          serverMinor: 2700,
        }),
      ]),
    );
    const [order] = await ordersOf([sale.id]);
    expect(order?.totalMinor).toBe(2500);
    expect(order?.lines[0]?.unitPriceMinor).toBe(2500);
    const stored = await db.prisma.offlineSaleDifference.findMany({
      where: { saleId: sale.id },
    });
    expect(stored.map((d) => d.kind).sort()).toEqual(
      ["LINE_TOTAL", "SALE_TOTAL", "TAX", "UNIT_PRICE"].sort(),
    );
  });

  it("accepts a sale of an item sold out meanwhile and raises a stock exception", async () => {
    // The last mug leaves through another till while this one is offline.
    await db.prisma.$transaction((tx) =>
      recordCounterSale(tx, {
        actor: shop.associate,
        locationId: shop.store.id,
        lines: [{ variantId: shop.mug.id, quantity: 1 }],
        sourceType: "test",
        sourceId: "online-till",
      }),
    );
    const sale = tillSale([{ variantId: shop.mug.id, quantity: 1 }]);
    const { results } = await sync([sale]);
    expect(results[0]).toMatchObject({
      status: "accepted",
      stockExceptions: [{ variantId: shop.mug.id, sku: shop.mug.sku, onHand: -1 }],
    });
    expect(await level(db.prisma, shop.mug.id, shop.store.id)).toEqual({
      onHand: -1,
      reserved: 0,
    });
    const exception = await db.prisma.stockException.findFirst({
      where: {
        variantId: shop.mug.id,
        locationId: shop.store.id,
        kind: "NEGATIVE_STOCK",
      },
    });
    expect(exception?.sourceId).toBe(results[0]?.orderId);
  });

  it("rejects, with the reason, a tender the business does not take offline", async () => {
    const sale = tillSale([{ variantId: shop.small.id, quantity: 1 }], {
      tenders: [{ kind: "gift_card", amountMinor: 2000, code: "GIFT-0000-0001" }],
    });
    const { results } = await sync([sale]);
    expect(results[0]).toMatchObject({
      status: "rejected",
      reason: "Gift cards are not taken offline at this business.",
      orderId: null,
    });
    const row = await db.prisma.offlineSale.findUniqueOrThrow({ where: { id: sale.id } });
    expect(row).toMatchObject({ status: "REJECTED", registerId: shop.register.id });
    expect(await ordersOf([sale.id])).toHaveLength(0);
    expect((await sync([sale])).results[0]).toMatchObject({
      status: "rejected",
      isReplay: true,
    });
  });

  it("answers a malformed sale on its own and still records the rest of the batch", async () => {
    const good = tillSale([{ variantId: shop.small.id, quantity: 1 }]);
    const broken = { ...tillSale([{ variantId: shop.small.id, quantity: 1 }]) };
    broken.tenders = [{ kind: "cash", amountMinor: 1, tenderedMinor: 1 }];
    const { results } = await sync([broken, good]);
    expect(results[0]?.status).toBe("rejected");
    expect(results[0]?.reason).toContain("tenders");
    expect(results[1]?.status).toBe("accepted");
  });

  it("refuses a batch without a store by naming the field, through the route", async () => {
    const { key } = await createApiKey(
      db.prisma,
      { kind: "system", reason: "test" },
      { name: "Till sync 2", scopes: ["pos:sell"] },
    );
    const response = await postSync(
      new Request("http://localhost/api/v1/pos/sync", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ sales: [] }),
      }),
    );
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(JSON.stringify(problem)).toContain("locationId");

    const sale = tillSale([{ variantId: shop.small.id, quantity: 1 }]);
    const ok = await postSync(
      new Request("http://localhost/api/v1/pos/sync", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ locationId: shop.store.id, sales: [sale] }),
      }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).results[0].status).toBe("accepted");
  });
});

describe("gift cards offline, when the business allows them", () => {
  it("draws the card at sync, and rejects with the reason a card that no longer covers the sale", async () => {
    await updateSettings(
      db.prisma,
      { kind: "system", reason: "test" },
      { ...DEFAULT_SETTINGS, offlineTenders: ["gift_card"] },
    );
    const issued = await db.prisma.$transaction((tx) =>
      issueGiftCard(tx, {
        actor: { kind: "system", reason: "test" },
        amountMinor: 3000,
        currency: "GBP",
      }),
    );
    const pay = (amountMinor: number): OfflineTender[] => [
      { kind: "gift_card", amountMinor, code: issued.code },
    ];
    const first = tillSale([{ variantId: shop.small.id, quantity: 1 }], {
      tenders: pay(2000),
    });
    const second = tillSale([{ variantId: shop.small.id, quantity: 1 }], {
      tenders: pay(2000),
    });
    const { results } = await sync([first, second]);
    expect(results[0]?.status).toBe("accepted");
    expect(results[1]).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("does not have enough balance"),
    });
    const card = await db.prisma.giftCard.findUniqueOrThrow({
      where: { id: issued.giftCard.id },
    });
    expect(card.balanceMinor).toBe(1000);
    await updateSettings(db.prisma, { kind: "system", reason: "test" }, DEFAULT_SETTINGS);
  });
});

describe("the offline sales report", () => {
  it("shows each register's offline sales, the differences and the recounts, to managers only", async () => {
    const manager = { ...shop.associate, role: "STORE_MANAGER" as const };
    const report = await offlineSalesReport(db.prisma, manager, {
      locationId: shop.store.id,
    });
    const till = report.registers.find((r) => r.registerId === shop.register.id);
    const stored = await db.prisma.offlineSale.groupBy({
      by: ["status"],
      where: { registerId: shop.register.id },
      _count: true,
    });
    const count = (status: string) =>
      stored.find((s) => s.status === status)?._count ?? 0;
    expect(till).toMatchObject({
      accepted: count("ACCEPTED"),
      withDifferences: count("ACCEPTED_WITH_DIFFERENCES"),
      rejected: count("REJECTED"),
    });
    const priced = report.toReview.find((s) => s.status === "ACCEPTED_WITH_DIFFERENCES");
    expect(priced?.staffName).toBe(shop.associate.name);
    expect(priced?.differences.map((d) => d.kind)).toContain("UNIT_PRICE");
    expect(report.toReview.some((s) => s.reason?.includes("Gift cards"))).toBe(true);
    const mug = report.exceptions.find((e) => e.sku === shop.mug.sku);
    expect(mug).toMatchObject({ onHand: -1, isOfflineSale: true });

    await expect(
      offlineSalesReport(db.prisma, shop.associate, { locationId: shop.store.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets a manager mark a sale reviewed once, with an audit entry", async () => {
    const manager = { ...shop.associate, role: "STORE_MANAGER" as const };
    const before = await offlineSalesReport(db.prisma, manager, {
      locationId: shop.store.id,
    });
    const [first] = before.toReview;
    if (!first) throw new Error("nothing to review");
    await expect(
      reviewOfflineSale(db.prisma, shop.associate, { saleId: first.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await reviewOfflineSale(db.prisma, manager, { saleId: first.id, note: "agreed" });
    await expect(
      reviewOfflineSale(db.prisma, manager, { saleId: first.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    const after = await offlineSalesReport(db.prisma, manager, {
      locationId: shop.store.id,
    });
    expect(after.toReview.map((s) => s.id)).not.toContain(first.id);
    expect(
      await db.prisma.auditEntry.count({
        where: { action: "pos.offline_sale_reviewed", entityId: first.id },
      }),
    ).toBe(1);
    await expect(
      reviewOfflineSale(db.prisma, manager, { saleId: "not-a-sale" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
