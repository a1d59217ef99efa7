import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { sellAtStore } from "../support/stock";
import { ensureLondonRegister, pounds } from "../support/till";

/**
 * The till without a network: it opens from the service worker's cache,
 * sells from its IndexedDB copy of the catalogue, queues each sale, and
 * resyncs exactly once when the network returns. Checked on the server.
 */

function database() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run with npm run test:e2e");
  return createPrismaClient({ kind: "postgres", url });
}

/** Items on the London shelf, with their stock there. */
async function londonItems(count: number, skip = 0) {
  const prisma = database();
  try {
    const levels = await prisma.inventoryLevel.findMany({
      where: {
        location: { code: "STR-LDN" },
        onHand: { gt: 3, lt: 200 },
        variant: {
          isActive: true,
          priceMinor: { gt: 1500 },
          product: { status: "ACTIVE" },
        },
      },
      select: {
        onHand: true,
        variant: { select: { id: true, sku: true, priceMinor: true } },
      },
      orderBy: { variant: { sku: "desc" } },
      skip,
      take: count,
    });
    return levels.map((l) => ({ ...l.variant, onHand: l.onHand }));
  } finally {
    await prisma.$disconnect();
  }
}

async function onHandAtLondon(variantId: string) {
  const prisma = database();
  try {
    const level = await prisma.inventoryLevel.findFirstOrThrow({
      where: { variantId, location: { code: "STR-LDN" } },
    });
    return level.onHand;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A register of London's used by these tests alone, so their cash sales
 * land in no other test's shift.
 */
const REGISTER = "Till 9";

test.beforeAll(() => ensureLondonRegister(REGISTER));

/** Opens the till online, lets the worker take over, and waits for the catalogue copy. */
async function openTillOnline(page: Page, register = REGISTER) {
  await page.goto("/pos");
  const chooser = page.getByRole("button", { name: register, exact: true });
  if (await chooser.isVisible().catch(() => false)) await chooser.click();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Now controlled by the worker: this visit is the one it keeps for offline.
  await page.reload();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open("omnitill-pos");
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains("bundles")) return resolve(0);
              const count = db.transaction("bundles").objectStore("bundles").count();
              count.onsuccess = () => resolve(count.result);
            };
            open.onerror = () => resolve(0);
          }),
      ),
    )
    .toBeGreaterThan(0);
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await expect(page.getByTestId("offline-register")).toBeVisible();
}

async function addBySku(page: Page, sku: string) {
  const find = page.getByLabel("Find an item");
  await find.fill(sku);
  await find.press("Enter");
}

/**
 * The offline ticket's total before promotions: what the items cost at the
 * prices in the till's copy. Other spec files create promotions (the
 * back-office's), so a test that checks a price reads it from here.
 */
async function ticketBeforePromotions(page: Page): Promise<number> {
  const totals = page.getByRole("region", { name: "Totals" });
  const total = pounds(await page.getByTestId("offline-ticket-total").textContent());
  const discounts = await totals.locator("p").filter({ hasText: "−£" }).allTextContents();
  return discounts.reduce(
    (sum, text) => sum + pounds(text.split("−").pop() ?? ""),
    total,
  );
}

/** Pays in cash, handing over `handed` (or the exact total), and returns the total. */
async function payCash(page: Page, handed?: string) {
  const total = pounds(await page.getByTestId("offline-ticket-total").textContent());
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page.getByTestId("card-offline-reason")).toContainText("need the network");
  await expect(page.getByRole("button", { name: "Card", exact: true })).toBeDisabled();
  if (handed) await page.getByLabel("Cash handed over").fill(handed);
  await page.getByRole("button", { name: "Take cash and finish" }).click();
  await expect(page.getByTestId("offline-receipt")).toBeVisible();
  return total;
}

async function queuedSaleIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("omnitill-pos");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("sales").objectStore("sales").getAll();
          all.onsuccess = () => resolve(all.result.map((s: { id: string }) => s.id));
        };
      }),
  );
}

test.describe.configure({ mode: "serial" });

test("the till opens offline, sells three sales, and syncs them once when back online", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const [plain, promoted, changed] = await londonItems(3);
  if (!plain || !promoted || !changed)
    throw new Error("the seed has too few London items");
  const before = await Promise.all(
    [plain, promoted, changed].map((i) => onHandAtLondon(i.id)),
  );

  await openTillOnline(page);
  await goOffline(context, page);

  // 1: one item, exact cash.
  await addBySku(page, plain.sku);
  const total1 = await payCash(page);
  expect(total1).toBe(plain.priceMinor);
  await page.getByRole("button", { name: "New sale" }).click();

  // 2: with the autumn code, priced by the engine in the browser.
  await addBySku(page, promoted.sku);
  await page.getByLabel("Promotion code").fill("AUTUMN10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByLabel("Totals")).toContainText("Autumn 10 % off");
  const total2 = await payCash(page);
  expect(total2).toBe(promoted.priceMinor - Math.round(promoted.priceMinor / 10));
  await page.getByRole("button", { name: "New sale" }).click();

  // 3: two units, £500 handed over, change given.
  await addBySku(page, changed.sku);
  await addBySku(page, changed.sku);
  const total3 = await payCash(page, "500");
  await expect(page.getByTestId("receipt-change")).toHaveText(
    `£${((50_000 - total3) / 100).toFixed(2)}`,
  );
  await page.getByRole("button", { name: "New sale" }).click();

  await expect(page.getByTestId("offline-banner")).toContainText(
    "3 sales waiting to sync",
  );
  const ids = await queuedSaleIds(page);
  expect(ids).toHaveLength(3);

  await context.setOffline(false);
  await expect(page.getByTestId("offline-banner")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId("sync-banner")).toBeHidden({ timeout: 30_000 });

  const prisma = database();
  try {
    const sales = await prisma.offlineSale.findMany({
      where: { id: { in: ids } },
      include: { order: { include: { payments: true } } },
      orderBy: { sequence: "asc" },
    });
    expect(sales.map((s) => s.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(sales.map((s) => s.order?.totalMinor)).toEqual([total1, total2, total3]);
    expect(sales[2]?.order?.payments[0]?.changeMinor).toBe(50_000 - total3);
    expect(sales[1]?.order?.discountMinor).toBe(promoted.priceMinor - total2);
    // Stock: each sale's own movements, whatever other tills sell meanwhile.
    const movements = await prisma.stockMovement.findMany({
      where: {
        sourceType: "order",
        sourceId: { in: sales.map((s) => s.orderId ?? "") },
      },
    });
    const sold = (variantId: string) =>
      movements
        .filter((m) => m.variantId === variantId)
        .reduce((sum, m) => sum + m.quantity, 0);
    expect([plain, promoted, changed].map((i) => sold(i.id))).toEqual([-1, -1, -2]);
  } finally {
    await prisma.$disconnect();
  }
  const after = await Promise.all(
    [plain, promoted, changed].map((i) => onHandAtLondon(i.id)),
  );
  // Nothing else sells these at London here, unless a parallel test did.
  after.forEach((units, i) => {
    expect(units).toBeLessThanOrEqual((before[i] ?? 0) - (i === 2 ? 2 : 1));
  });
});

test("a queue sent twice, and by two tabs at once, records each sale once", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const [item] = await londonItems(1, 3);
  if (!item) throw new Error("the seed has too few London items");
  const before = await onHandAtLondon(item.id);

  await openTillOnline(page);
  const second = await context.newPage();
  await second.goto("/pos");
  await goOffline(context, page);
  await expect(second.getByTestId("offline-banner")).toBeVisible();

  for (let i = 0; i < 2; i += 1) {
    await addBySku(page, item.sku);
    await payCash(page);
    await page.getByRole("button", { name: "New sale" }).click();
  }
  const ids = await queuedSaleIds(page);
  const mine = ids.slice(-2);

  // Both tabs see the network return at the same moment and both sync;
  // besides, each tab posts the whole queue itself, twice at once.
  await context.setOffline(false);
  const locationId = await page.evaluate(
    () => JSON.parse(localStorage.getItem("omnitill.pos.station") ?? "{}").storeId,
  );
  const replay = (tab: Page) =>
    tab.evaluate(
      async ({ saleIds, storeId }) => {
        const sales = await new Promise<unknown[]>((resolve) => {
          const open = indexedDB.open("omnitill-pos");
          open.onsuccess = () => {
            const all = open.result.transaction("sales").objectStore("sales").getAll();
            all.onsuccess = () =>
              resolve(
                all.result
                  .filter((s: { id: string }) => saleIds.includes(s.id))
                  .map((s: { sale: unknown }) => s.sale),
              );
          };
        });
        const post = () =>
          fetch("/api/v1/pos/sync", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ locationId: storeId, sales }),
          }).then((r) => r.json());
        return Promise.all([post(), post()]);
      },
      { saleIds: mine, storeId: locationId },
    );
  const answers = (await Promise.all([replay(page), replay(second)])).flat();
  for (const answer of answers) {
    expect(answer.results.map((r: { status: string }) => r.status)).toEqual([
      "accepted",
      "accepted",
    ]);
  }
  await expect(page.getByTestId("sync-banner")).toBeHidden({ timeout: 30_000 });

  const prisma = database();
  try {
    expect(await prisma.offlineSale.count({ where: { id: { in: mine } } })).toBe(2);
    expect(
      await prisma.order.count({
        where: { idempotencyKey: { in: mine.map((id) => `offline:${id}`) } },
      }),
    ).toBe(2);
    const orders = await prisma.order.findMany({
      where: { idempotencyKey: { in: mine.map((id) => `offline:${id}`) } },
      select: { id: true },
    });
    const movements = await prisma.stockMovement.findMany({
      where: { sourceType: "order", sourceId: { in: orders.map((o) => o.id) } },
    });
    expect(movements.reduce((sum, m) => sum + m.quantity, 0)).toBe(-2);
  } finally {
    await prisma.$disconnect();
  }
  expect(await onHandAtLondon(item.id)).toBeLessThanOrEqual(before - 2);
});

test("a sale of an item sold out meanwhile is accepted and shows as a stock exception", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const [item] = await londonItems(1, 4);
  if (!item) throw new Error("the seed has too few London items");

  const colleague = {
    email: "daniel.kowalski@omnitill.test",
    name: "Daniel",
    pin: "1357",
  };
  await openTillOnline(page);
  await goOffline(context, page);
  // Another till sells every unit while this one is offline.
  await sellAtStore({ storeCode: "STR-LDN", sku: item.sku, quantity: item.onHand });
  // A colleague takes over the till by PIN, checked in the browser.
  await page.getByRole("button", { name: "Switch", exact: true }).click();
  await page.getByLabel("Colleague's PIN").fill("0000");
  await page.getByLabel("Colleague's PIN").press("Enter");
  await expect(page.getByText("That PIN is not right.")).toBeVisible();
  await page.getByLabel("Colleague's PIN").fill(colleague.pin);
  await page.getByLabel("Colleague's PIN").press("Enter");
  await expect(page.getByTestId("offline-associate")).toContainText(colleague.name);
  await addBySku(page, item.sku);
  await payCash(page);
  const [id] = (await queuedSaleIds(page)).slice(-1);

  await context.setOffline(false);
  await expect(page.getByTestId("sync-banner")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId("offline-banner")).toBeHidden();

  const prisma = database();
  try {
    const sale = await prisma.offlineSale.findUniqueOrThrow({
      where: { id },
      include: { staff: true, order: { include: { staff: true } } },
    });
    expect(sale.status).toBe("ACCEPTED");
    expect(sale.staff?.email).toBe(colleague.email);
    expect(sale.order?.staff?.email).toBe(colleague.email);
    const exception = await prisma.stockException.findFirst({
      where: { variantId: item.id, sourceId: sale.orderId ?? "" },
    });
    expect(exception).toMatchObject({ kind: "NEGATIVE_STOCK", onHand: -1 });
  } finally {
    await prisma.$disconnect();
  }

  // The manager sees it to recount, with the offline sale that raised it.
  const manager = await browser.newContext({
    storageState: "tests/e2e/.auth/owner.json",
  });
  try {
    const admin = await manager.newPage();
    await admin.goto("/admin/offline-sales");
    const row = admin.getByTestId("stock-exception-row").filter({ hasText: item.sku });
    await expect(row).toContainText("-1");
    await expect(row).toContainText("offline");
    await expect(
      admin.getByTestId("offline-register-row").filter({ hasText: REGISTER }),
    ).toBeVisible();
  } finally {
    await manager.close();
  }
});

test("a price changed while offline shows at resync as a difference the manager marks reviewed", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const [item] = await londonItems(1, 5);
  if (!item) throw new Error("the seed has too few London items");

  await openTillOnline(page);
  await goOffline(context, page);
  const prisma = database();
  try {
    await prisma.variant.update({
      where: { id: item.id },
      data: { priceMinor: item.priceMinor + 500 },
    });
    await addBySku(page, item.sku);
    const total = await payCash(page);
    expect(total).toBe(item.priceMinor);
    const [id] = (await queuedSaleIds(page)).slice(-1);

    await context.setOffline(false);
    await expect(page.getByTestId("sync-banner")).toBeHidden({ timeout: 30_000 });
    const sale = await prisma.offlineSale.findUniqueOrThrow({
      where: { id },
      include: { order: true },
    });
    expect(sale.status).toBe("ACCEPTED_WITH_DIFFERENCES");
    expect(sale.order?.totalMinor).toBe(item.priceMinor);

    const manager = await browser.newContext({
      storageState: "tests/e2e/.auth/owner.json",
    });
    try {
      const admin = await manager.newPage();
      await admin.goto("/admin/offline-sales");
      const entry = admin
        .getByTestId("offline-sale-to-review")
        .filter({ hasText: sale.order?.number ?? "" });
      await expect(entry).toContainText("Unit price");
      await expect(entry).toContainText(`£${(item.priceMinor / 100).toFixed(2)}`);
      await entry.getByRole("button", { name: "Mark reviewed" }).click();
      await expect(entry).toHaveCount(0);
    } finally {
      await manager.close();
    }
    expect(
      (await prisma.offlineSale.findUniqueOrThrow({ where: { id } })).reviewedAt,
    ).not.toBeNull();
  } finally {
    await prisma.variant.update({
      where: { id: item.id },
      data: { priceMinor: item.priceMinor },
    });
    await prisma.$disconnect();
  }
});

test("a ticket open when the network drops moves to the offline till, and is not left online", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const [item] = await londonItems(1, 6);
  if (!item) throw new Error("the seed has too few London items");

  await openTillOnline(page);
  await page.getByLabel("Barcode or SKU").fill(item.sku);
  await page.getByLabel("Barcode or SKU").press("Enter");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);

  await context.setOffline(true);
  await expect(page.getByTestId("offline-register")).toBeVisible();
  await expect(
    page.getByText("The open ticket moved to the offline till."),
  ).toBeVisible();
  expect(await ticketBeforePromotions(page)).toBe(item.priceMinor);
  await payCash(page);
  const [id] = (await queuedSaleIds(page)).slice(-1);

  await context.setOffline(false);
  await expect(page.getByTestId("sync-banner")).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId("offline-banner")).toBeHidden();
  await page.getByRole("button", { name: "New sale" }).click();
  await expect(page.getByTestId("ticket-line")).toHaveCount(0);
  const prisma = database();
  try {
    const sale = await prisma.offlineSale.findUniqueOrThrow({ where: { id } });
    expect(sale.status).toBe("ACCEPTED");
  } finally {
    await prisma.$disconnect();
  }
});

test("a price changed while online reaches the till's copy through the events stream", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const [item] = await londonItems(1, 7);
  if (!item) throw new Error("the seed has too few London items");
  const newPrice = item.priceMinor + 300;

  await openTillOnline(page);
  const prisma = database();
  try {
    // As the catalogue does: the change and its event in one transaction.
    await prisma.$transaction([
      prisma.variant.update({ where: { id: item.id }, data: { priceMinor: newPrice } }),
      prisma.outboxEvent.create({
        data: {
          type: "catalog.variant_updated",
          aggregateType: "variant",
          aggregateId: item.id,
          payload: { variantId: item.id },
        },
      }),
    ]);
    await expect
      .poll(
        () =>
          page.evaluate(
            ({ variantId }) =>
              new Promise<number | null>((resolve) => {
                const open = indexedDB.open("omnitill-pos");
                open.onsuccess = () => {
                  const all = open.result
                    .transaction("bundles")
                    .objectStore("bundles")
                    .getAll();
                  all.onsuccess = () => {
                    const variant = all.result
                      .flatMap(
                        (b: { variants: { id: string; priceMinor: number }[] }) =>
                          b.variants,
                      )
                      .find((v: { id: string }) => v.id === variantId);
                    resolve(variant?.priceMinor ?? null);
                  };
                };
              }),
            { variantId: item.id },
          ),
        { timeout: 20_000 },
      )
      .toBe(newPrice);

    await goOffline(context, page);
    await addBySku(page, item.sku);
    expect(await ticketBeforePromotions(page)).toBe(newPrice);
  } finally {
    await prisma.variant.update({
      where: { id: item.id },
      data: { priceMinor: item.priceMinor },
    });
    await prisma.$disconnect();
  }
});
