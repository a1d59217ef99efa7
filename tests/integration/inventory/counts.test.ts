import { beforeAll, describe, expect, it } from "vitest";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { approveCount } from "@/lib/inventory/approve-count";
import { cancelCount } from "@/lib/inventory/cancel-count";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";
import { reviewCount } from "@/lib/inventory/review-count";
import { scanCount } from "@/lib/inventory/scan-count";
import { startCount } from "@/lib/inventory/start-count";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildWorld, failure, inTx, SYSTEM, type World, writtenRows } from "./fixtures";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma, { variants: 5 });
  await inTx(db.prisma, (tx) =>
    receiveStock(tx, SYSTEM, {
      location: "STR-LDN",
      lines: world.variants.map((v) => ({ sku: v.sku, quantity: 10 })),
    }),
  );
  // Zone A holds the first three variants, zone B the rest.
  for (const [i, v] of world.variants.entries()) {
    await db.prisma.inventoryLevel.update({
      where: { variantId_locationId: { variantId: v.id, locationId: world.london.id } },
      data: { bin: i < 3 ? `A-0${i}` : `B-0${i}` },
    });
  }
});

const v = (i: number) => world.variants[i] ?? { id: "", sku: "", barcode: "" };
const onHand = async (i: number) =>
  (
    await db.prisma.inventoryLevel.findUniqueOrThrow({
      where: {
        variantId_locationId: { variantId: v(i).id, locationId: world.london.id },
      },
    })
  ).onHand;

describe("a blind cycle count of one zone while the store keeps selling", () => {
  it("corrects only what is really missing or extra", async () => {
    const count = await inTx(db.prisma, (tx) =>
      startCount(tx, world.londonManager, { location: "STR-LDN", binPrefix: "A-" }),
    );
    expect(count).toMatchObject({ status: "OPEN", binPrefix: "A-", location: "STR-LDN" });

    // Two units of variant 0 sell before anyone reaches its shelf.
    await inTx(db.prisma, (tx) =>
      recordCounterSale(tx, {
        actor: world.londonManager,
        locationId: world.london.id,
        lines: [{ variantId: v(0).id, quantity: 2 }],
        sourceType: "order",
        sourceId: "pos-1",
      }),
    );

    // The counter scans 8 of variant 0 one at a time (the 8 left: no variance),
    // types 9 for variant 1 (one missing), and finds nothing of variant 2.
    for (let i = 0; i < 8; i++) {
      const scan = await inTx(db.prisma, (tx) =>
        scanCount(tx, world.londonManager, { id: count.id, code: v(0).barcode }),
      );
      expect(scan).toEqual({ sku: v(0).sku, barcode: v(0).barcode, counted: i + 1 });
      expect(scan).not.toHaveProperty("expected");
    }
    await inTx(db.prisma, (tx) =>
      scanCount(tx, world.londonManager, {
        id: count.id,
        code: v(1).sku.toLowerCase(),
        quantity: 9,
        mode: "set",
      }),
    );

    // A sale after the scan does not count as a variance either.
    await inTx(db.prisma, (tx) =>
      recordCounterSale(tx, {
        actor: SYSTEM,
        locationId: world.london.id,
        lines: [{ variantId: v(1).id, quantity: 1 }],
        sourceType: "order",
        sourceId: "pos-2",
      }),
    );

    const review = await reviewCount(db.prisma, { id: count.id });
    const line = (i: number) => review.lines.find((l) => l.sku === v(i).sku);
    expect(line(0)).toMatchObject({
      onHandAtStart: 10,
      movedBeforeScan: -2,
      expectedAtScan: 8,
      counted: 8,
      variance: 0,
    });
    expect(line(1)).toMatchObject({
      expectedAtScan: 10,
      counted: 9,
      variance: -1,
      onHandNow: 9,
    });
    expect(line(2)).toMatchObject({ counted: null, variance: -10 });
    expect(line(3)).toBeUndefined(); // zone B is not in this count
    expect(review).toMatchObject({
      counted: 2,
      uncounted: 1,
      unitsShort: 11,
      unitsOver: 0,
    });

    const approved = await inTx(db.prisma, (tx) =>
      approveCount(tx, world.londonManager, { id: count.id }),
    );
    expect(approved.status).toBe("APPROVED");
    expect(await onHand(0)).toBe(8);
    expect(await onHand(1)).toBe(8); // 9 counted, 1 sold since
    expect(await onHand(2)).toBe(0);
    expect(await onHand(3)).toBe(10);
    const corrections = await db.prisma.stockMovement.findMany({
      where: { sourceType: "count", sourceId: count.id },
      select: { reason: true, quantity: true, variantId: true },
    });
    expect(corrections).toHaveLength(2);
    expect(corrections.every((c) => c.reason === "COUNT_CORRECTION")).toBe(true);
  });

  it("refuses approving a count twice, even at once, and writes the corrections once", async () => {
    const count = await inTx(db.prisma, (tx) =>
      startCount(tx, SYSTEM, { location: "STR-LDN", binPrefix: "B-" }),
    );
    await inTx(db.prisma, (tx) =>
      scanCount(tx, SYSTEM, { id: count.id, code: v(3).sku, quantity: 7, mode: "set" }),
    );
    const results = await Promise.allSettled([
      inTx(db.prisma, (tx) =>
        approveCount(tx, SYSTEM, { id: count.id, zeroUncounted: false }),
      ),
      inTx(db.prisma, (tx) =>
        approveCount(tx, SYSTEM, { id: count.id, zeroUncounted: false }),
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await onHand(3)).toBe(7);
    expect(await onHand(4)).toBe(10); // not scanned, and not zeroed on request

    const before = await writtenRows(db.prisma);
    const error = await failure(
      inTx(db.prisma, (tx) => approveCount(tx, SYSTEM, { id: count.id })),
    );
    expect(error.code).toBe("conflict");
    expect(Object.keys(error.fields ?? {})).toEqual(["id"]);
    expect(await writtenRows(db.prisma)).toEqual(before);

    const lateScan = await failure(
      inTx(db.prisma, (tx) => scanCount(tx, SYSTEM, { id: count.id, code: v(4).sku })),
    );
    expect(lateScan.code).toBe("conflict");
  });

  it("refuses a second open count over the same stock, and unknown codes", async () => {
    const whole = await inTx(db.prisma, (tx) =>
      startCount(tx, SYSTEM, { location: "STR-LDN" }),
    );
    const overlap = await failure(
      inTx(db.prisma, (tx) =>
        startCount(tx, SYSTEM, { location: "STR-LDN", binPrefix: "A-0" }),
      ),
    );
    expect(overlap.code).toBe("conflict");
    expect(Object.keys(overlap.fields ?? {})).toEqual(["binPrefix"]);

    const unknown = await failure(
      inTx(db.prisma, (tx) =>
        scanCount(tx, SYSTEM, { id: whole.id, code: "0000000000000" }),
      ),
    );
    expect(unknown.code).toBe("invalid_input");
    expect(Object.keys(unknown.fields ?? {})).toEqual(["code"]);
    const negative = await failure(
      inTx(db.prisma, (tx) =>
        scanCount(tx, SYSTEM, { id: whole.id, code: v(0).sku, quantity: -1 }),
      ),
    );
    expect(Object.keys(negative.fields ?? {})).toEqual(["quantity"]);

    const notHere = await failure(
      inTx(db.prisma, (tx) =>
        startCount(tx, world.londonManager, { location: "STR-MAN" }),
      ),
    );
    expect(notHere.code).toBe("forbidden");
    await inTx(db.prisma, (tx) => cancelCount(tx, SYSTEM, { id: whole.id }));
  });
});

describe("the shelf wins at the counter", () => {
  it("sells stock the ledger does not have, goes negative and asks for a recount", async () => {
    const before = await onHand(2); // 0 after the count
    const sale = await inTx(db.prisma, (tx) =>
      recordCounterSale(tx, {
        actor: world.londonManager,
        locationId: world.london.id,
        lines: [{ variantId: v(2).id, quantity: 2 }],
        sourceType: "order",
        sourceId: "pos-3",
      }),
    );
    expect(await onHand(2)).toBe(before - 2);
    expect(sale.exceptions).toEqual([
      { variantId: v(2).id, kind: "NEGATIVE_STOCK", onHand: -2 },
    ]);
    const exception = await db.prisma.stockException.findFirstOrThrow({
      where: { variantId: v(2).id, locationId: world.london.id },
    });
    expect(exception).toMatchObject({
      kind: "NEGATIVE_STOCK",
      sourceId: "pos-3",
      resolvedAt: null,
    });
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { type: "inventory.negative_stock" },
    });
    expect(event.payload).toMatchObject({ sku: v(2).sku, onHand: -2 });

    // A recount that finds 1 puts the level right and closes the exception.
    const count = await inTx(db.prisma, (tx) =>
      startCount(tx, SYSTEM, { location: "STR-LDN", binPrefix: "A-02" }),
    );
    await inTx(db.prisma, (tx) =>
      scanCount(tx, SYSTEM, { id: count.id, code: v(2).barcode }),
    );
    await inTx(db.prisma, (tx) => approveCount(tx, SYSTEM, { id: count.id }));
    expect(await onHand(2)).toBe(1);
    const resolved = await db.prisma.stockException.findUniqueOrThrow({
      where: { id: exception.id },
    });
    expect(resolved.resolvedAt).not.toBeNull();
  });

  it("sells at a store that never stocked the item", async () => {
    await inTx(db.prisma, (tx) =>
      recordCounterSale(tx, {
        actor: SYSTEM,
        locationId: world.manchester.id,
        lines: [{ variantId: v(4).id, quantity: 1 }],
        sourceType: "order",
        sourceId: "pos-4",
      }),
    );
    const level = await db.prisma.inventoryLevel.findUniqueOrThrow({
      where: {
        variantId_locationId: { variantId: v(4).id, locationId: world.manchester.id },
      },
    });
    expect(level.onHand).toBe(-1);
  });

  it("leaves every level equal to its ledger", async () => {
    await inTx(db.prisma, (tx) =>
      adjustStock(tx, SYSTEM, {
        location: "STR-LDN",
        reason: "ADJUSTMENT",
        lines: [{ sku: v(0).sku, quantity: 1 }],
      }),
    );
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
