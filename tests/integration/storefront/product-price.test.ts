import { beforeAll, describe, expect, it } from "vitest";
import { quoteBasket } from "@/lib/pricing-data";
import { quoteVariantPrices } from "@/lib/storefront/quote-variant-prices";
import {
  addPromotion,
  createShop,
  NOON,
  percentOff,
  type Shop,
} from "../pricing/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let shop: Shop;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await addPromotion(db.prisma, { name: "Winter sale", benefit: percentOff(20) });
  await addPromotion(db.prisma, {
    name: "Buy 3, save 10%",
    benefit: percentOff(10),
    conditions: { minQuantity: 3 } as never,
  });
  await addPromotion(
    db.prisma,
    { name: "Secret code", benefit: percentOff(50), requiresCode: true },
    { code: "HALF" },
  );
  await addPromotion(db.prisma, {
    name: "Till only",
    benefit: percentOff(30),
    conditions: { channels: ["POS"] } as never,
  });
});

describe("a product page's price", () => {
  it("is what the engine charges online for one unit, with the promotion in words", async () => {
    const quotes = await quoteVariantPrices(db.prisma, {
      variantIds: [shop.candle.variantId],
      at: NOON,
    });
    const quote = quotes.get(shop.candle.variantId);
    expect(quote).toMatchObject({ listMinor: 1800, payMinor: 1440 });
    expect(quote?.applied).toEqual(["Winter sale: £3.60 off."]);
  });

  it("matches the basket the cart and the till would price", async () => {
    const basket = await quoteBasket(db.prisma, {
      channel: "WEB",
      at: NOON.toISOString(),
      lines: [{ variantId: shop.candle.variantId, quantity: 1, fulfillment: "SHIP" }],
    });
    const quote = (
      await quoteVariantPrices(db.prisma, {
        variantIds: [shop.candle.variantId],
        at: NOON,
      })
    ).get(shop.candle.variantId);
    const line = basket.result.lines[0];
    expect(quote?.payMinor).toBe((line?.subtotal ?? 0) - (line?.discount ?? 0));
  });

  it("tells the shopper what a quantity offer still needs, and hides code-only and till-only deals", async () => {
    const quote = (
      await quoteVariantPrices(db.prisma, { variantIds: [shop.mug.variantId], at: NOON })
    ).get(shop.mug.variantId);
    expect(quote?.nearMisses).toEqual(["Buy 3, save 10%: add 2 more qualifying items."]);
    const words = [...(quote?.applied ?? []), ...(quote?.nearMisses ?? [])].join(" ");
    expect(words).not.toContain("Secret code");
    expect(words).not.toContain("Till only");
  });

  it("prices every variant of a product in one read, and nothing for no variants", async () => {
    const quotes = await quoteVariantPrices(db.prisma, {
      variantIds: [shop.candle.variantId, shop.mug.variantId],
      at: NOON,
    });
    expect([...quotes.keys()].sort()).toEqual(
      [shop.candle.variantId, shop.mug.variantId].sort(),
    );
    expect(await quoteVariantPrices(db.prisma, { variantIds: [] })).toEqual(new Map());
  });
});
