import { beforeAll, describe, expect, it } from "vitest";
import { availabilityForVariants } from "@/lib/inventory/availability";
import { cancelTransfer } from "@/lib/inventory/cancel-transfer";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { receiveTransfer } from "@/lib/inventory/receive-transfer";
import { requestTransfer } from "@/lib/inventory/request-transfer";
import { reserveStock } from "@/lib/inventory/reserve-stock";
import { shipTransfer } from "@/lib/inventory/ship-transfer";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildWorld, failure, inTx, SYSTEM, type World, writtenRows } from "./fixtures";

let db: TestDatabase;
let world: World;
let skus: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma);
  skus = world.variants.map((v) => v.sku);
  await inTx(db.prisma, (tx) =>
    receiveStock(tx, SYSTEM, {
      location: "WH-1",
      receivedAt: new Date("2026-08-01T08:00:00Z"),
      lines: skus.map((sku) => ({ sku, quantity: 10, unitCostMinor: 500 })),
    }),
  );
  await inTx(db.prisma, (tx) =>
    receiveStock(tx, SYSTEM, {
      location: "WH-1",
      receivedAt: new Date("2026-10-01T08:00:00Z"),
      lines: skus.map((sku) => ({ sku, quantity: 10, unitCostMinor: 520 })),
    }),
  );
});

const onHand = async (variantIndex: number, locationId: string) =>
  (
    await db.prisma.inventoryLevel.findUnique({
      where: {
        variantId_locationId: {
          variantId: world.variants[variantIndex]?.id ?? "",
          locationId,
        },
      },
    })
  )?.onHand ?? 0;

describe("a transfer from the warehouse to a store", () => {
  it("moves nothing when requested, leaves when shipped, arrives when received", async () => {
    const [a = "", b = ""] = skus;
    const transfer = await inTx(db.prisma, (tx) =>
      requestTransfer(tx, world.londonManager, {
        from: "WH-1",
        to: "STR-LDN",
        note: "Weekend top-up",
        lines: [
          { sku: a, quantity: 12 },
          { sku: b, quantity: 4 },
        ],
      }),
    );
    expect(transfer).toMatchObject({ status: "REQUESTED", from: "WH-1", to: "STR-LDN" });
    expect(transfer.number).toMatch(/^TR-[0-9A-Z]{6}$/);
    expect(await onHand(0, world.warehouse.id)).toBe(20);

    // The London manager may request into London but not ship out of the warehouse.
    const notTheirs = await failure(
      inTx(db.prisma, (tx) => shipTransfer(tx, world.londonManager, { id: transfer.id })),
    );
    expect(notTheirs.code).toBe("forbidden");

    const shipped = await inTx(db.prisma, (tx) =>
      shipTransfer(tx, SYSTEM, { id: transfer.id, lines: [{ sku: b, quantity: 3 }] }),
    );
    expect(shipped.status).toBe("SHIPPED");
    expect(shipped.lines.map((l) => [l.sku, l.quantityShipped])).toEqual([
      [a, 12],
      [b, 3],
    ]);
    expect(await onHand(0, world.warehouse.id)).toBe(8);

    // In transit, visible at both ends.
    const shown = (
      await availabilityForVariants(db.prisma, [world.variants[0]?.id ?? ""])
    ).get(world.variants[0]?.id ?? "");
    const at = (code: string) => shown?.byLocation.find((l) => l.locationCode === code);
    expect(at("WH-1")?.outboundInTransit).toBe(12);
    expect(shown?.chain.inTransit).toBe(12);
    expect(shown?.chain.onHand).toBe(8);

    const again = await failure(
      inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id })),
    );
    expect(again.code).toBe("conflict");

    const received = await inTx(db.prisma, (tx) =>
      receiveTransfer(tx, world.londonManager, {
        id: transfer.id,
        lines: [{ sku: a, quantity: 11, note: "One carton crushed" }],
      }),
    );
    expect(received.status).toBe("RECEIVED");
    expect(received.lines.map((l) => [l.sku, l.quantityReceived, l.discrepancy])).toEqual(
      [
        [a, 11, 1],
        [b, 3, 0],
      ],
    );
    expect(received.lines[0]?.discrepancyNote).toBe("One carton crushed");
    expect(await onHand(0, world.london.id)).toBe(11);
    expect(await onHand(1, world.london.id)).toBe(3);

    const ledger = await db.prisma.stockMovement.findMany({
      where: { sourceType: "transfer", sourceId: transfer.id },
      orderBy: [{ reason: "asc" }],
      select: { reason: true, quantity: true, variantId: true },
    });
    expect(ledger.filter((m) => m.variantId === world.variants[0]?.id)).toEqual([
      { reason: "TRANSFER_OUT", quantity: -12, variantId: world.variants[0]?.id },
      { reason: "TRANSFER_IN", quantity: 11, variantId: world.variants[0]?.id },
    ]);
  });

  it("keeps the units' first receipt dates when they move, oldest first", async () => {
    const layers = await db.prisma.receiptLayer.findMany({
      where: { variantId: world.variants[0]?.id, locationId: world.london.id },
      orderBy: { receivedAt: "asc" },
    });
    // 12 shipped: the 10 from August then 2 from October; 11 arrived.
    expect(
      layers.map((l) => [l.receivedAt.toISOString().slice(0, 10), l.remaining]),
    ).toEqual([
      ["2026-08-01", 10],
      ["2026-10-01", 1],
    ]);
    expect(layers[0]?.unitCostMinor).toBe(500);
  });

  it("will not ship units held for online orders", async () => {
    const c = world.variants[2];
    await inTx(db.prisma, (tx) =>
      reserveStock(tx, {
        lines: [{ variantId: c?.id ?? "", locationId: world.warehouse.id, quantity: 15 }],
        owner: { type: "ORDER_LINE", id: "web-1" },
        expiresAt: null,
      }),
    );
    const transfer = await inTx(db.prisma, (tx) =>
      requestTransfer(tx, SYSTEM, {
        from: "WH-1",
        to: "STR-MAN",
        lines: [{ sku: c?.sku ?? "", quantity: 6 }],
      }),
    );
    const before = await writtenRows(db.prisma);
    const error = await failure(
      inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id })),
    );
    expect(error.code).toBe("insufficient_stock");
    expect(error.publicMessage).toBe(`Only 5 of ${c?.sku} can be taken at WH-1.`);
    expect(await writtenRows(db.prisma)).toEqual(before);
    expect(
      (await db.prisma.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status,
    ).toBe("REQUESTED");

    const cancelled = await inTx(db.prisma, (tx) =>
      cancelTransfer(tx, SYSTEM, { id: transfer.id }),
    );
    expect(cancelled.status).toBe("CANCELLED");
    const late = await failure(
      inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id })),
    );
    expect(late.code).toBe("conflict");
  });

  it("ships a transfer once when two people press ship together", async () => {
    const d = world.variants[3];
    const transfer = await inTx(db.prisma, (tx) =>
      requestTransfer(tx, SYSTEM, {
        from: "WH-1",
        to: "STR-MAN",
        lines: [{ sku: d?.sku ?? "", quantity: 2 }],
      }),
    );
    const results = await Promise.allSettled([
      inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id })),
      inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await onHand(3, world.warehouse.id)).toBe(18);
  });
});

describe("bad transfers", () => {
  it("refuses each with the field named, writing nothing", async () => {
    const sku = skus[0] ?? "";
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "same location",
        { from: "WH-1", to: "wh-1", lines: [{ sku, quantity: 1 }] },
        "to",
      ],
      [
        "same location by id",
        { from: "WH-1", to: world.warehouse.id, lines: [{ sku, quantity: 1 }] },
        "to",
      ],
      [
        "zero quantity",
        { from: "WH-1", to: "STR-LDN", lines: [{ sku, quantity: 0 }] },
        "lines.0.quantity",
      ],
      [
        "unknown SKU",
        { from: "WH-1", to: "STR-LDN", lines: [{ sku: "GHOST", quantity: 1 }] },
        "lines.0.sku",
      ],
      [
        "unknown source",
        { from: "WH-9", to: "STR-LDN", lines: [{ sku, quantity: 1 }] },
        "from",
      ],
      [
        "inactive destination",
        { from: "WH-1", to: "STR-OLD", lines: [{ sku, quantity: 1 }] },
        "to",
      ],
    ];
    for (const [name, input, field] of cases) {
      const before = await writtenRows(db.prisma);
      const error = await failure(
        inTx(db.prisma, (tx) => requestTransfer(tx, SYSTEM, input as never)),
      );
      expect(error.code, name).toBe("invalid_input");
      expect(Object.keys(error.fields ?? {}), name).toContain(field);
      expect(await writtenRows(db.prisma), name).toEqual(before);
    }
  });

  it("refuses receiving lines that are not on the transfer", async () => {
    const [a = "", , , d = ""] = skus;
    const transfer = await inTx(db.prisma, (tx) =>
      requestTransfer(tx, SYSTEM, {
        from: "WH-1",
        to: "STR-LDN",
        lines: [{ sku: a, quantity: 1 }],
      }),
    );
    await inTx(db.prisma, (tx) => shipTransfer(tx, SYSTEM, { id: transfer.id }));
    const error = await failure(
      inTx(db.prisma, (tx) =>
        receiveTransfer(tx, SYSTEM, {
          id: transfer.id,
          lines: [{ sku: d, quantity: 1 }],
        }),
      ),
    );
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual(["lines.0.sku"]);
  });

  it("leaves every level equal to its ledger", async () => {
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
