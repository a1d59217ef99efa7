import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoData, DEMO_SEED, seedDemoData } from "@/lib/db/seed";
import { priceCart } from "@/lib/pricing";
import { loadPricingInputs } from "@/lib/pricing-data";
import { listPromotions } from "@/lib/promotions";
import { createTestDatabase, type TestDatabase } from "../support/database";

/** Early December 2026, a Thursday: after the seeded trading weeks. */
const DECEMBER = new Date("2026-12-03T12:00:00Z");

// Stand-in hashes: building the data in memory does not check them.
const hashes = {
  password: "x",
  pins: { get: () => "x" } as unknown as ReadonlyMap<string, string>,
};

describe("the demo retailer's tax and promotions", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma);
  });

  it("has promotions of every status, all readable by the engine", async () => {
    const promotions = await listPromotions(db.prisma, { at: DECEMBER });
    const status = (name: string) => promotions.find((p) => p.name === name)?.status;

    expect(promotions.every((p) => p.status !== "invalid")).toBe(true);
    expect(status("Autumn 10 % off")).toBe("active");
    expect(status("3 for 2 on candles & fragrance")).toBe("active");
    expect(status("Winter sale: 20 % off coats & jackets")).toBe("scheduled");
    expect(status("Summer linen 15 % off")).toBe("ended");
  });

  it("counts AUTUMN10 once for every seeded order that used it", async () => {
    const orders = await db.prisma.order.findMany({
      where: { status: { not: "CANCELLED" } },
      select: { id: true, pricingSnapshot: true },
    });
    const usedCode = orders.filter((o) =>
      JSON.stringify(o.pricingSnapshot).includes('"Code AUTUMN10"'),
    );
    const code = await db.prisma.promotionCode.findUniqueOrThrow({
      where: { code: "AUTUMN10" },
      include: { promotion: true },
    });

    expect(usedCode.length).toBeGreaterThan(0);
    expect(code.timesUsed).toBe(usedCode.length);
    expect(code.promotion.timesRedeemed).toBe(usedCode.length);
  });

  it("charges UK VAT and applies 3 for 2 to candles at a London till", async () => {
    const candles = await db.prisma.variant.findMany({
      where: { product: { title: "Soy Wax Candle" } },
      orderBy: { sku: "asc" },
      take: 3,
    });
    const store = await db.prisma.location.findUniqueOrThrow({
      where: { code: "STR-LDN" },
    });
    const { cart, context } = await loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: store.id,
      at: DECEMBER,
      lines: candles.map((v) => ({
        variantId: v.id,
        quantity: 1,
        fulfillment: "CARRY_OUT" as const,
        locationId: store.id,
      })),
    });
    const result = priceCart(cart, context);
    const cheapest = Math.min(...candles.map((v) => v.priceMinor));

    expect(result.explanation.applied.map((a) => a.name)).toContain(
      "3 for 2 on candles & fragrance",
    );
    expect(result.totals.itemDiscount).toBeGreaterThanOrEqual(cheapest);
    expect(result.taxes).toEqual([
      expect.objectContaining({ taxRate: 20, tax: result.totals.tax }),
    ]);
  });

  it("builds the same tax and promotion rows from the same seed", () => {
    const a = buildDemoData(DEMO_SEED, hashes);
    const b = buildDemoData(DEMO_SEED, hashes);

    expect(b.promotions).toEqual(a.promotions);
    expect(b.promotionCodes).toEqual(a.promotionCodes);
    expect(b.promotionRedemptions).toEqual(a.promotionRedemptions);
    expect(a.promotionCodes.filter((c) => c.usageLimit === 1)).toHaveLength(25);
  });
});
