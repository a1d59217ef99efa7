import { beforeAll, describe, expect, it } from "vitest";
import { priceCart } from "@/lib/pricing";
import {
  exportPricingBundle,
  loadPricingInputs,
  loadVariantFacts,
  pricingContextFromBundle,
} from "@/lib/pricing-data";
import { recordRedemptions } from "@/lib/promotions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addPromotion, createShop, NOON, percentOff, type Shop } from "./fixtures";

const HOUR = 60 * 60 * 1000;
const iso = (offsetMs: number) => new Date(NOON.getTime() + offsetMs).toISOString();

describe("loading what the pricing engine needs", () => {
  let db: TestDatabase;
  let shop: Shop;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    shop = await createShop(db.prisma);
    const add = async (
      key: string,
      ...args: Parameters<typeof addPromotion> extends [unknown, ...infer Rest]
        ? Rest
        : never
    ) => {
      ids[key] = (await addPromotion(db.prisma, ...args)).id;
    };
    await add("everywhere", { name: "Everywhere", benefit: percentOff(5) });
    await add("webOnly", {
      name: "Web only",
      conditions: { channels: ["WEB"] },
      benefit: percentOff(10),
    });
    await add(
      "posOnly",
      {
        name: "Counter only",
        requiresCode: true,
        conditions: { channels: ["POS"] },
        benefit: percentOff(15),
      },
      { code: "COUNTER15" },
    );
    await add("londonOnly", {
      name: "London store",
      conditions: { locationIds: [shop.store.id] },
      benefit: percentOff(2),
    });
    await add("ended", {
      name: "Ended",
      conditions: { startsAt: iso(-48 * HOUR), endsAt: iso(-HOUR) },
      benefit: percentOff(20),
    });
    await add("scheduled", {
      name: "Scheduled",
      conditions: { startsAt: iso(HOUR) },
      benefit: percentOff(25),
    });
    await add("paused", { name: "Paused", benefit: percentOff(30) }, { isActive: false });
    await add("inEuros", {
      name: "In euros",
      currency: "EUR",
      benefit: { type: "order", reward: { kind: "amount_off", amount: 500 } },
    });
  });

  const basket = (fulfillment: "SHIP" | "PICKUP" | "CARRY_OUT" = "CARRY_OUT") => [
    {
      variantId: shop.candle.variantId,
      quantity: 2,
      fulfillment,
      locationId: fulfillment === "SHIP" ? null : shop.store.id,
    },
    {
      variantId: shop.mug.variantId,
      quantity: 1,
      fulfillment,
      locationId: fulfillment === "SHIP" ? null : shop.store.id,
    },
  ];
  const names = (promotions: { name: string }[]) => promotions.map((p) => p.name).sort();

  it("loads only the promotions live online at the instant", async () => {
    const { context } = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: NOON,
      lines: basket("SHIP"),
      shippingAddress: { country: "GB", postalCode: "SW1A 1AA" },
    });

    expect(names(context.promotions)).toEqual(["Everywhere", "Web only"]);
    expect(context.time).toBe(NOON.toISOString());
    expect(context.market).toMatchObject({ currency: "GBP", pricesIncludeTax: true });
  });

  it("loads the counter's and the store's own promotions at that store", async () => {
    const { context } = await loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: shop.store.id,
      at: NOON,
      lines: basket(),
    });
    const elsewhere = await loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: shop.otherStore.id,
      at: NOON,
      lines: basket(),
    });

    expect(names(context.promotions)).toEqual([
      "Counter only",
      "Everywhere",
      "London store",
    ]);
    expect(names(elsewhere.context.promotions)).toEqual(["Counter only", "Everywhere"]);
  });

  it("follows the clock: a scheduled promotion starts and an ended one stays out", async () => {
    const later = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: new Date(NOON.getTime() + 2 * HOUR),
      lines: basket("SHIP"),
    });
    const earlier = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: new Date(NOON.getTime() - 2 * HOUR),
      lines: basket("SHIP"),
    });

    expect(names(later.context.promotions)).toEqual([
      "Everywhere",
      "Scheduled",
      "Web only",
    ]);
    expect(names(earlier.context.promotions)).toEqual([
      "Ended",
      "Everywhere",
      "Web only",
    ]);
  });

  it("loads an entered code's promotion from the counter so the shopper learns why", async () => {
    const { cart, context } = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: NOON,
      codes: [" counter15 "],
      lines: basket("SHIP"),
      shippingAddress: { country: "GB", postalCode: "SW1A 1AA" },
    });
    const result = priceCart(cart, context);

    expect(context.codes).toEqual([
      { code: "COUNTER15", promotionId: ids.posOnly, usageLimit: null, timesUsed: 0 },
    ]);
    expect(result.explanation.codes).toEqual([
      {
        code: "COUNTER15",
        status: "not_applied",
        promotionId: ids.posOnly,
        reason: { code: "wrong_channel", channel: "WEB" },
      },
    ]);
  });

  it("describes each line by its product, category with ancestors and collections", async () => {
    const { cart } = await loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: shop.store.id,
      at: NOON,
      lines: basket(),
    });

    expect(cart.lines[0]).toMatchObject({
      id: "line-1",
      variantId: shop.candle.variantId,
      productId: shop.candle.productId,
      categoryIds: [shop.fragrance.id, shop.home.id],
      collectionIds: [shop.giftIdeas.id],
      unitPrice: 1800,
      quantity: 2,
      taxCategory: "STANDARD",
      locationId: shop.store.id,
    });
    expect(cart.lines[1]).toMatchObject({
      categoryIds: [shop.kitchen.id, shop.home.id],
      collectionIds: [],
    });
  });

  it("reads a category chain that an edit made circular up to where it repeats", async () => {
    const loop = await db.prisma.category.create({
      data: { handle: "loop-a", name: "Loop A" },
    });
    const back = await db.prisma.category.create({
      data: { handle: "loop-b", name: "Loop B", parentId: loop.id },
    });
    await db.prisma.category.update({
      where: { id: loop.id },
      data: { parentId: back.id },
    });
    const product = await db.prisma.product.create({
      data: {
        handle: "looped-tee",
        title: "Looped tee",
        status: "ACTIVE",
        optionNames: [],
        categoryId: loop.id,
      },
    });
    const variant = await db.prisma.variant.create({
      data: { productId: product.id, sku: "LOOP-1", optionValues: [], priceMinor: 900 },
    });

    const facts = await loadVariantFacts(db.prisma, [variant.id]);

    expect(facts.get(variant.id)?.categoryIds).toEqual([loop.id, back.id]);
  });

  it("refuses unknown and unsellable variants and unknown stores, line by line", async () => {
    const attempt = loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: shop.store.id,
      at: NOON,
      lines: [
        {
          variantId: shop.mug.variantId,
          quantity: 1,
          fulfillment: "CARRY_OUT",
          locationId: null,
        },
        {
          variantId: "no-such-variant",
          quantity: 1,
          fulfillment: "CARRY_OUT",
          locationId: null,
        },
        {
          variantId: shop.draft.variantId,
          quantity: 1,
          fulfillment: "CARRY_OUT",
          locationId: null,
        },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      fields: {
        "lines.1.variantId": ["No variant has this id."],
        "lines.2.variantId": ["This variant is not for sale."],
      },
    });
    await expect(
      loadPricingInputs(db.prisma, {
        channel: "POS",
        locationId: "no-such-store",
        lines: basket(),
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { locationId: expect.any(Array) },
    });
  });

  it("taxes goods where they are handed over: the store, or the destination", async () => {
    const atStore = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: NOON,
      lines: basket("PICKUP"),
    });
    const abroad = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: NOON,
      lines: basket("SHIP"),
      shippingAddress: { country: "US", region: "NY", postalCode: "10001" },
    });

    expect(atStore.context.taxRegions.map((r) => r.country)).toEqual(["GB"]);
    expect(atStore.context.locations).toEqual([
      {
        id: shop.store.id,
        address: { country: "GB", region: null, postalCode: "WC2E 9DP" },
      },
    ]);
    expect(priceCart(atStore.cart, atStore.context).totals.tax).toBeGreaterThan(0);
    // No US region is set up: the engine charges no tax and says so.
    const result = priceCart(abroad.cart, abroad.context);
    expect(result.totals.tax).toBe(0);
    expect(result.warnings.map((w) => w.cause)).toContain("no_matching_region");
  });

  it("counts a customer's own redemptions against the per-customer limit", async () => {
    const once = await addPromotion(db.prisma, {
      name: "Once per customer",
      usageLimitPerCustomer: 1,
      benefit: percentOff(12),
    });
    const order = await db.prisma.order.create({
      data: {
        number: "OT-ONCE01",
        channel: "WEB",
        currency: "GBP",
        customerId: shop.customer.id,
        subtotalMinor: 4800,
        totalMinor: 4224,
      },
    });
    await db.prisma.$transaction((tx) =>
      recordRedemptions(tx, {
        orderId: order.id,
        currency: "GBP",
        customerId: shop.customer.id,
        customerKey: shop.customer.id,
        applied: [{ promotionId: once.id, code: null, amount: 576 }],
      }),
    );

    const asGuestWithSameEmail = await loadPricingInputs(db.prisma, {
      channel: "WEB",
      at: NOON,
      customerEmail: "Freya@Example.com",
      lines: basket("SHIP"),
    });
    const result = priceCart(asGuestWithSameEmail.cart, asGuestWithSameEmail.context);

    expect(asGuestWithSameEmail.customerId).toBe(shop.customer.id);
    expect(asGuestWithSameEmail.context.usage[once.id]).toEqual({
      total: 1,
      byCustomer: 1,
    });
    expect(result.explanation.notApplied).toContainEqual({
      promotionId: once.id,
      name: "Once per customer",
      reason: { code: "limit_reached", scope: "customer" },
    });
  });

  it("exports a store's bundle that prices a counter sale as the server does", async () => {
    const bundle = await exportPricingBundle(db.prisma, {
      locationId: shop.store.id,
      at: NOON,
    });
    const server = await loadPricingInputs(db.prisma, {
      channel: "POS",
      locationId: shop.store.id,
      at: NOON,
      codes: ["COUNTER15"],
      lines: basket(),
    });
    const offline = pricingContextFromBundle(bundle, { time: NOON.toISOString() });

    expect(names(bundle.promotions)).toEqual(
      names(server.context.promotions).concat("Scheduled").sort(),
    );
    expect(bundle.codes.map((c) => c.code)).toEqual(["COUNTER15"]);
    expect(bundle.categoryAncestors[shop.fragrance.id]).toEqual([
      shop.fragrance.id,
      shop.home.id,
    ]);
    expect(bundle.productCollections[shop.candle.productId]).toEqual([shop.giftIdeas.id]);
    const fromBundle = priceCart(server.cart, offline);
    const fromServer = priceCart(server.cart, server.context);
    expect(fromBundle.lines).toEqual(fromServer.lines);
    expect(fromBundle.totals).toEqual(fromServer.totals);
    expect(fromBundle.explanation.applied).toEqual(fromServer.explanation.applied);
  });

  it("refuses a bundle for a store that does not exist", async () => {
    await expect(
      exportPricingBundle(db.prisma, { locationId: "no-such-store" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("one basket, one price on every channel", () => {
  let db: TestDatabase;
  let shop: Shop;

  beforeAll(async () => {
    db = await createTestDatabase();
    shop = await createShop(db.prisma);
    await addPromotion(db.prisma, { name: "5 % off everything", benefit: percentOff(5) });
    await addPromotion(db.prisma, {
      name: "£3 off home over £20",
      priority: 5,
      conditions: { channels: ["WEB", "POS"], minSpend: 2000 },
      benefit: {
        type: "items",
        target: { scope: "listed", categoryIds: [shop.home.id] },
        reward: { kind: "amount_off", amount: 300, per: "order" },
      },
    });
    await addPromotion(db.prisma, {
      name: "3 for 2 on candles",
      benefit: {
        type: "buy_x_get_y",
        buy: {
          target: { scope: "listed", categoryIds: [shop.fragrance.id] },
          quantity: 2,
        },
        get: {
          target: { scope: "listed", categoryIds: [shop.fragrance.id] },
          quantity: 1,
        },
      },
    });
  });

  it("gives the same total online for pickup and at the counter of the same store", async () => {
    const lines = (fulfillment: "PICKUP" | "CARRY_OUT") => [
      {
        variantId: shop.candle.variantId,
        quantity: 3,
        fulfillment,
        locationId: shop.store.id,
      },
      {
        variantId: shop.mug.variantId,
        quantity: 2,
        fulfillment,
        locationId: shop.store.id,
      },
    ];
    const quote = async (channel: "WEB" | "POS", fulfillment: "PICKUP" | "CARRY_OUT") => {
      const { cart, context } = await loadPricingInputs(db.prisma, {
        channel,
        locationId: shop.store.id,
        at: NOON,
        lines: lines(fulfillment),
      });
      return priceCart(cart, context);
    };

    const online = await quote("WEB", "PICKUP");
    const counter = await quote("POS", "CARRY_OUT");

    expect(online.explanation.applied.map((a) => a.name)).toEqual(
      counter.explanation.applied.map((a) => a.name),
    );
    expect(online.explanation.applied).toHaveLength(3);
    expect(online.totals).toEqual(counter.totals);
    expect(online.lines.map((l) => [l.discount, l.tax, l.total])).toEqual(
      counter.lines.map((l) => [l.discount, l.tax, l.total]),
    );
  });
});
