import { beforeAll, describe, expect, it } from "vitest";
import { verifySecret } from "@/lib/auth/password";
import { checkGtin } from "@/lib/catalog/barcode";
import type { PrismaClient } from "@/lib/db/client";
import {
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  type SeedSummary,
  seedDemoData,
} from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** Everything that must come out the same from the same seed, in a stable order. */
async function snapshot(prisma: PrismaClient) {
  const [locations, products, variants, levels, movements, orders, lines, staff] =
    await Promise.all([
      prisma.location.findMany({ orderBy: { code: "asc" } }),
      prisma.product.findMany({ orderBy: { handle: "asc" } }),
      prisma.variant.findMany({ orderBy: { sku: "asc" } }),
      prisma.inventoryLevel.findMany({
        orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
      }),
      prisma.stockMovement.findMany({ orderBy: { id: "asc" } }),
      prisma.order.findMany({ orderBy: { id: "asc" } }),
      prisma.orderLine.findMany({ orderBy: { id: "asc" } }),
      // Password and PIN hashes are salted, so they differ on purpose.
      prisma.staffUser.findMany({
        orderBy: { email: "asc" },
        omit: { passwordHash: true, pinHash: true },
      }),
    ]);
  return { locations, products, variants, levels, movements, orders, lines, staff };
}

describe("the demo data seed", () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    summary = await seedDemoData(first.prisma);
  });

  it("opens two warehouses, three stores, a dark store and a pop-up", async () => {
    const locations = await first.prisma.location.findMany({
      include: { registers: true },
    });
    const ofKind = (kind: string) => locations.filter((l) => l.kind === kind);

    expect(ofKind("WAREHOUSE")).toHaveLength(2);
    expect(ofKind("STORE")).toHaveLength(3);
    expect(ofKind("DARK_STORE")).toHaveLength(1);
    expect(ofKind("POPUP")).toHaveLength(1);
    expect(summary.locationsByKind).toEqual({
      WAREHOUSE: 2,
      STORE: 3,
      DARK_STORE: 1,
      POPUP: 1,
    });
    expect(new Set(ofKind("STORE").map((l) => l.city)).size).toBe(3);

    for (const location of locations) {
      expect(location.timezone).toBe("Europe/London");
      expect(location.country).toBe("GB");
      const capabilities = [
        location.canSellInStore,
        location.canShip,
        location.canPickup,
      ];
      const expected = {
        WAREHOUSE: [false, true, false],
        STORE: [true, false, true],
        DARK_STORE: [false, true, false],
        POPUP: [true, false, false],
      }[location.kind];
      expect(capabilities, location.code).toEqual(expected);
      // Every counter has a till; the two big stores have two.
      expect(location.registers.length > 0).toBe(location.canSellInStore);
    }
    expect(
      ofKind("STORE")
        .map((l) => l.registers.length)
        .sort(),
    ).toEqual([1, 2, 2]);
  });

  it("fills a catalogue of about 60 products and 300 SKUs in pounds", async () => {
    const products = await first.prisma.product.findMany({ include: { variants: true } });
    const variants = products.flatMap((p) => p.variants);
    const byStatus = (status: string) =>
      products.filter((p) => p.status === status).length;

    expect(products.length).toBeGreaterThanOrEqual(55);
    expect(products.length).toBeLessThanOrEqual(65);
    expect(variants.length).toBeGreaterThanOrEqual(280);
    expect(variants.length).toBeLessThanOrEqual(320);
    expect(byStatus("DRAFT")).toBe(2);
    expect(byStatus("ARCHIVED")).toBe(1);
    expect(
      products.filter((p) => p.isFeatured && p.status === "ACTIVE").length,
    ).toBeGreaterThan(4);
    expect(products.filter((p) => p.variants.length === 1).length).toBeGreaterThan(4);

    for (const product of products) {
      expect(product.categoryId).not.toBeNull();
      expect(product.description.length).toBeGreaterThan(40);
      for (const variant of product.variants) {
        expect(variant.optionValues).toHaveLength(product.optionNames.length);
      }
    }
    for (const variant of variants) {
      expect(variant.sku).toBe(variant.sku.toUpperCase());
      expect(variant.currency).toBe("GBP");
      expect(variant.priceMinor).toBeGreaterThan(0);
      expect(variant.costMinor ?? 0).toBeGreaterThan(0);
      expect(variant.costMinor ?? 0).toBeLessThan(variant.priceMinor);
      if (variant.compareAtMinor !== null) {
        expect(variant.compareAtMinor).toBeGreaterThan(variant.priceMinor);
      }
    }
    expect(variants.some((v) => v.compareAtMinor !== null)).toBe(true);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
  });

  it("gives every variant a unique EAN-13 with a valid check digit", async () => {
    const variants = await first.prisma.variant.findMany({ select: { barcode: true } });
    const barcodes = variants.map((v) => v.barcode ?? "");

    for (const barcode of barcodes) {
      expect(checkGtin(barcode), barcode).toMatchObject({
        isValid: true,
        format: "EAN_13",
      });
      expect(barcode.startsWith("50")).toBe(true);
    }
    expect(new Set(barcodes).size).toBe(barcodes.length);
  });

  it("keeps every inventory level equal to the sum of its movements", async () => {
    const rows = await first.sql.query<{
      onHand: number;
      reserved: number;
      ledger: number;
      receipts: number;
    }>(`
      SELECT l."onHand", l."reserved",
             COALESCE(SUM(m."quantity"), 0)::int AS ledger,
             COUNT(m.*) FILTER (WHERE m."reason" = 'RECEIPT')::int AS receipts
      FROM "InventoryLevel" l
      LEFT JOIN "StockMovement" m
        ON m."variantId" = l."variantId" AND m."locationId" = l."locationId"
      GROUP BY l."variantId", l."locationId"`);
    const orphans = await first.sql.query(`
      SELECT 1 FROM "StockMovement" m
      LEFT JOIN "InventoryLevel" l
        ON m."variantId" = l."variantId" AND m."locationId" = l."locationId"
      WHERE l."variantId" IS NULL`);
    const reasons = await first.sql.query<{ reason: string }>(
      `SELECT DISTINCT "reason"::text AS reason FROM "StockMovement" ORDER BY 1`,
    );

    expect(rows.length).toBe(summary.inventoryLevels);
    for (const row of rows) {
      expect(row.onHand).toBe(row.ledger);
      expect(row.reserved).toBe(0);
      expect(row.onHand).toBeGreaterThanOrEqual(0);
      if (row.onHand > 0) expect(row.receipts).toBeGreaterThan(0);
    }
    expect(orphans).toEqual([]);
    expect(reasons.map((r) => r.reason)).toEqual(["RECEIPT", "SALE"]);
  });

  it("spreads stock unevenly: some out, some low, some with a plan", async () => {
    const levels = await first.prisma.inventoryLevel.findMany();

    expect(levels.filter((l) => l.onHand === 0).length).toBeGreaterThan(20);
    expect(
      levels.filter((l) => l.reorderPoint > 0 && l.onHand <= l.reorderPoint).length,
    ).toBeGreaterThan(10);
    expect(levels.filter((l) => l.safetyStock > 0).length).toBeGreaterThan(10);

    // A few variants have sold out at every location that ships.
    const soldOutOnline = await first.sql.query(`
      SELECT l."variantId" FROM "InventoryLevel" l
      JOIN "Location" loc ON loc.id = l."locationId" AND loc."canShip"
      GROUP BY l."variantId" HAVING SUM(l."onHand") = 0`);
    expect(soldOutOnline.length).toBeGreaterThan(0);
  });

  it("records web and counter orders whose money and stock add up", async () => {
    const orders = await first.prisma.order.findMany({
      include: { lines: true, payments: true, fulfillments: true },
    });
    const sales = await first.prisma.stockMovement.findMany({
      where: { reason: "SALE" },
    });
    const vat = (amount: number) => Math.round((amount * 20) / 120);

    expect(new Set(orders.map((o) => o.channel))).toEqual(new Set(["WEB", "POS"]));
    expect(new Set(orders.map((o) => o.customerId).filter(Boolean)).size).toBeGreaterThan(
      7,
    );
    for (const order of orders) {
      const lineTotal = order.lines.reduce((sum, l) => sum + l.totalMinor, 0);
      const lineTax = order.lines.reduce((sum, l) => sum + l.taxMinor, 0);
      const lineDiscount = order.lines.reduce((sum, l) => sum + l.discountMinor, 0);

      expect(order.number).toMatch(/^OT-[2-9A-HJKMNP-TW-Z]{6}$/);
      expect(order.currency).toBe("GBP");
      expect(order.subtotalMinor - order.discountMinor + order.shippingMinor).toBe(
        order.totalMinor,
      );
      expect(lineTotal + order.shippingMinor).toBe(order.totalMinor);
      expect(lineDiscount).toBe(order.discountMinor);
      expect(order.taxMinor).toBe(lineTax + vat(order.shippingMinor));
      for (const line of order.lines) {
        expect(line.totalMinor).toBe(
          line.quantity * line.unitPriceMinor - line.discountMinor,
        );
        expect(line.taxMinor).toBe(vat(line.totalMinor));
        expect(line.fulfillmentId).not.toBeNull();
      }
      expect(order.payments.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(
        order.totalMinor,
      );
      expect(order.fulfillments.length).toBeGreaterThan(0);

      // Each unit that left a location is one SALE movement of this order.
      const sold = sales
        .filter((m) => m.sourceId === order.id)
        .reduce((sum, m) => sum - m.quantity, 0);
      const ordered = order.lines.reduce((sum, l) => sum + l.quantity, 0);
      expect(sold).toBe(order.status === "CANCELLED" ? 0 : ordered);
      if (order.channel === "POS") {
        expect(order.registerId).not.toBeNull();
        expect(order.staffId).not.toBeNull();
      }
    }
  });

  it("creates staff for every role, signing in with the demo password", async () => {
    const staff = await first.prisma.staffUser.findMany({ include: { locations: true } });
    const roles = new Set(staff.map((s) => s.role));

    expect(roles).toEqual(
      new Set(["OWNER", "MERCHANDISER", "STORE_MANAGER", "ASSOCIATE", "FULFILLMENT"]),
    );
    expect(staff.map((s) => s.email).sort()).toEqual(
      DEMO_SIGN_INS.map((s) => s.email).sort(),
    );
    for (const member of staff) {
      expect(member.passwordHash).toMatch(/^\$argon2id\$/);
      if (member.role === "STORE_MANAGER" || member.role === "ASSOCIATE") {
        expect(member.locations.length).toBeGreaterThan(0);
        expect(member.pinHash).toMatch(/^\$argon2id\$/);
      }
    }

    const associate = DEMO_SIGN_INS.find((s) => s.role === "ASSOCIATE");
    const stored = staff.find((s) => s.email === associate?.email);
    expect(await verifySecret(stored?.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifySecret(stored?.pinHash, associate?.pin ?? "")).toBe(true);
    expect(await verifySecret(stored?.passwordHash, "not-the-password")).toBe(false);
  });

  it("gives the same data, ids included, for the same seed", async () => {
    await seedDemoData(second.prisma);

    const [a, b] = await Promise.all([snapshot(first.prisma), snapshot(second.prisma)]);
    expect(b.variants.map((v) => [v.sku, v.barcode, v.priceMinor])).toEqual(
      a.variants.map((v) => [v.sku, v.barcode, v.priceMinor]),
    );
    expect(b).toEqual(a);
  });

  it("refuses to seed a database that already has data", async () => {
    const before = await first.prisma.variant.count();

    await expect(seedDemoData(first.prisma)).rejects.toMatchObject({
      name: "AppError",
      code: "conflict",
    });
    expect(await first.prisma.variant.count()).toBe(before);
  });

  it("replaces everything when asked to reset", async () => {
    await second.prisma.customer.create({
      data: { firstName: "Left", lastName: "Over", email: "left.over@example.com" },
    });

    const again = await seedDemoData(second.prisma, { reset: true });

    expect(again.variants).toBe(summary.variants);
    expect(
      await second.prisma.customer.count({ where: { email: "left.over@example.com" } }),
    ).toBe(0);
    expect(await snapshot(second.prisma)).toEqual(await snapshot(first.prisma));
  });
});
