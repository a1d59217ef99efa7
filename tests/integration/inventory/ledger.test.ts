import { beforeAll, describe, expect, it } from "vitest";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { storeAvailability } from "@/lib/inventory/availability";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { updateLevelSettings } from "@/lib/inventory/update-level-settings";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildWorld, failure, inTx, SYSTEM, type World, writtenRows } from "./fixtures";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma);
});

const level = (variantId: string, locationId: string) =>
  db.prisma.inventoryLevel.findUnique({
    where: { variantId_locationId: { variantId, locationId } },
  });

describe("receiving", () => {
  it("writes the level, a RECEIPT movement, a dated layer, an audit and an event", async () => {
    const [tee] = world.variants;
    const receivedAt = new Date("2026-10-01T09:00:00Z");
    const receipt = await inTx(db.prisma, (tx) =>
      receiveStock(tx, SYSTEM, {
        location: "wh-1",
        reference: "PO-1001",
        receivedAt,
        lines: [{ sku: tee?.sku.toLowerCase() ?? "", quantity: 12, unitCostMinor: 550 }],
      }),
    );

    expect(receipt.lines).toEqual([{ sku: tee?.sku, quantity: 12, onHand: 12 }]);
    expect((await level(tee?.id ?? "", world.warehouse.id))?.onHand).toBe(12);
    const movement = await db.prisma.stockMovement.findFirstOrThrow({
      where: { sourceType: "receipt", sourceId: receipt.id },
    });
    expect(movement).toMatchObject({ quantity: 12, reason: "RECEIPT", actor: "system" });
    const layer = await db.prisma.receiptLayer.findFirstOrThrow({
      where: { movementId: movement.id },
    });
    expect(layer).toMatchObject({ quantity: 12, remaining: 12, unitCostMinor: 550 });
    expect(layer.receivedAt.toISOString()).toBe(receivedAt.toISOString());

    const audit = await db.prisma.auditEntry.findFirstOrThrow({
      where: { entityType: "stock_receipt", entityId: receipt.id },
    });
    expect(audit.action).toBe("inventory.received");
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { type: "inventory.level_changed", locationId: world.warehouse.id },
      orderBy: { id: "desc" },
    });
    expect(event.payload).toMatchObject({
      variantId: tee?.id,
      locationId: world.warehouse.id,
      sku: tee?.sku,
      onHand: 12,
      reserved: 0,
      available: 12,
    });
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const [tee] = world.variants;
    const sku = tee?.sku ?? "";
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "zero quantity",
        { location: "WH-1", lines: [{ sku, quantity: 0 }] },
        "lines.0.quantity",
      ],
      [
        "negative quantity",
        { location: "WH-1", lines: [{ sku, quantity: -3 }] },
        "lines.0.quantity",
      ],
      [
        "fractional quantity",
        { location: "WH-1", lines: [{ sku, quantity: 1.5 }] },
        "lines.0.quantity",
      ],
      [
        "unknown SKU",
        { location: "WH-1", lines: [{ sku: "NOPE-1", quantity: 1 }] },
        "lines.0.sku",
      ],
      [
        "unknown location",
        { location: "WH-404", lines: [{ sku, quantity: 1 }] },
        "location",
      ],
      [
        "inactive location",
        { location: "STR-OLD", lines: [{ sku, quantity: 1 }] },
        "location",
      ],
      ["no lines", { location: "WH-1", lines: [] }, "lines"],
      [
        "a SKU twice",
        {
          location: "WH-1",
          lines: [
            { sku, quantity: 1 },
            { sku, quantity: 2 },
          ],
        },
        "lines.1.sku",
      ],
      [
        "a future date",
        { location: "WH-1", receivedAt: "2999-01-01", lines: [{ sku, quantity: 1 }] },
        "receivedAt",
      ],
      [
        "an unknown field",
        { location: "WH-1", lines: [{ sku, quantity: 1 }], extra: 1 },
        "_",
      ],
    ];
    for (const [name, input, field] of cases) {
      const before = await writtenRows(db.prisma);
      const error = await failure(
        inTx(db.prisma, (tx) => receiveStock(tx, SYSTEM, input as never)),
      );
      expect(error.code, name).toBe("invalid_input");
      expect(Object.keys(error.fields ?? {}), name).toContain(field);
      expect(await writtenRows(db.prisma), name).toEqual(before);
    }
  });

  it("refuses a store manager receiving into another store", async () => {
    const before = await writtenRows(db.prisma);
    const error = await failure(
      inTx(db.prisma, (tx) =>
        receiveStock(tx, world.londonManager, {
          location: "STR-MAN",
          lines: [{ sku: world.variants[0]?.sku ?? "", quantity: 1 }],
        }),
      ),
    );
    expect(error.code).toBe("forbidden");
    expect(await writtenRows(db.prisma)).toEqual(before);
  });
});

describe("adjustments", () => {
  it("adds and removes stock with a reason, naming the adjustment in the ledger", async () => {
    const [, tee] = world.variants;
    const sku = tee?.sku ?? "";
    await inTx(db.prisma, (tx) =>
      receiveStock(tx, SYSTEM, { location: "STR-LDN", lines: [{ sku, quantity: 5 }] }),
    );
    const found = await inTx(db.prisma, (tx) =>
      adjustStock(tx, world.londonManager, {
        location: "STR-LDN",
        reason: "ADJUSTMENT",
        note: "Found behind the till",
        lines: [{ sku, quantity: 2 }],
      }),
    );
    expect(found.lines).toEqual([{ sku, quantity: 2, onHandBefore: 5, onHand: 7 }]);

    const damaged = await inTx(db.prisma, (tx) =>
      adjustStock(tx, world.londonManager, {
        location: "STR-LDN",
        reason: "DAMAGE",
        lines: [{ sku, quantity: -3 }],
      }),
    );
    expect(damaged.lines[0]?.onHand).toBe(4);
    const reasons = await db.prisma.stockMovement.findMany({
      where: { sourceType: "adjustment", variantId: tee?.id },
      orderBy: { createdAt: "asc" },
      select: { reason: true, quantity: true, actor: true },
    });
    expect(reasons).toEqual([
      { reason: "ADJUSTMENT", quantity: 2, actor: `staff:${world.londonManager.id}` },
      { reason: "DAMAGE", quantity: -3, actor: `staff:${world.londonManager.id}` },
    ]);
  });

  it("refuses zero, positive damage and taking stock below zero, writing nothing", async () => {
    const [, tee, other] = world.variants;
    const sku = tee?.sku ?? "";
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        "zero",
        { location: "STR-LDN", reason: "ADJUSTMENT", lines: [{ sku, quantity: 0 }] },
        "invalid_input",
        "lines.0.quantity",
      ],
      [
        "positive damage",
        { location: "STR-LDN", reason: "DAMAGE", lines: [{ sku, quantity: 2 }] },
        "invalid_input",
        "lines.0.quantity",
      ],
      [
        "unknown reason",
        { location: "STR-LDN", reason: "THEFT", lines: [{ sku, quantity: -1 }] },
        "invalid_input",
        "reason",
      ],
      [
        "below zero on the second line",
        {
          location: "STR-LDN",
          reason: "ADJUSTMENT",
          lines: [
            { sku: other?.sku, quantity: 3 },
            { sku, quantity: -50 },
          ],
        },
        "insufficient_stock",
        "lines.1.quantity",
      ],
    ];
    for (const [name, input, code, field] of cases) {
      const before = await writtenRows(db.prisma);
      const error = await failure(
        inTx(db.prisma, (tx) => adjustStock(tx, SYSTEM, input as never)),
      );
      expect(error.code, name).toBe(code);
      expect(Object.keys(error.fields ?? {}), name).toContain(field);
      expect(await writtenRows(db.prisma), name).toEqual(before);
    }
  });

  it("holds back safety stock from what can be sold, without touching on hand", async () => {
    const [, tee] = world.variants;
    const sku = tee?.sku ?? "";
    const settings = await inTx(db.prisma, (tx) =>
      updateLevelSettings(tx, world.londonManager, {
        sku,
        location: "STR-LDN",
        safetyStock: 1,
        reorderPoint: 3,
        bin: "FRONT-01",
      }),
    );
    expect(settings).toMatchObject({ safetyStock: 1, reorderPoint: 3, bin: "FRONT-01" });
    const seen = (
      await storeAvailability(db.prisma, {
        locationId: world.london.id,
        variantIds: [tee?.id ?? ""],
      })
    ).get(tee?.id ?? "");
    expect(seen?.here).toMatchObject({
      onHand: 4,
      safetyStock: 1,
      available: 3,
      bin: "FRONT-01",
    });
    expect(seen?.chain.onHand).toBe(4);

    const refused = await failure(
      inTx(db.prisma, (tx) =>
        updateLevelSettings(tx, world.londonManager, {
          sku,
          location: "STR-LDN",
          reorderPoint: -1,
        }),
      ),
    );
    expect(Object.keys(refused.fields ?? {})).toEqual(["reorderPoint"]);
    const elsewhere = await failure(
      inTx(db.prisma, (tx) =>
        updateLevelSettings(tx, world.londonManager, {
          sku,
          location: "STR-MAN",
          safetyStock: 2,
        }),
      ),
    );
    expect(elsewhere.code).toBe("forbidden");
  });

  it("leaves every level equal to its ledger", async () => {
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
