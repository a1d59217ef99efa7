import { beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { issueGiftCard } from "@/lib/payments/gift-cards";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  ADDRESS,
  createShop,
  DECLINED,
  FAILING,
  level,
  receive,
  type Shop,
  testProviders,
  VISA,
} from "./shop";

let db: TestDatabase;
let shop: Shop;
const { providers, testCard } = testProviders();

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 20);
  await receive(db.prisma, shop.medium.id, shop.store.id, 10);
  await receive(db.prisma, shop.mug.id, shop.store.id, 5);
});

async function webCart(lines: Parameters<typeof addCartLine>[1]["input"][]) {
  const cart = await createCart(db.prisma, {
    actor: shop.customer,
    input: { shippingAddress: ADDRESS },
  });
  for (const input of lines) {
    await addCartLine(db.prisma, { actor: shop.customer, cartId: cart.id, input });
  }
  return cart;
}

async function tillCart(lines: Parameters<typeof addCartLine>[1]["input"][]) {
  const cart = await createCart(db.prisma, {
    actor: shop.associate,
    input: {
      locationId: shop.store.id,
      registerId: shop.register.id,
      shippingAddress: ADDRESS,
    },
  });
  for (const input of lines) {
    await addCartLine(db.prisma, { actor: shop.associate, cartId: cart.id, input });
  }
  return cart;
}

async function snapshot() {
  const levels = await db.prisma.inventoryLevel.findMany({
    orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
    select: { variantId: true, locationId: true, onHand: true, reserved: true },
  });
  const openReservations = await db.prisma.reservation.count({
    where: { closedAt: null },
  });
  const movements = await db.prisma.stockMovement.count();
  return { levels, openReservations, movements };
}

describe("placing an order", () => {
  it("turns a mixed cart into one order with three fulfillments and the right stock", async () => {
    const cart = await tillCart([
      { variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" },
      {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
      { variantId: shop.mug.id, quantity: 1, fulfillment: "CARRY_OUT" },
    ]);
    const before = {
      small: await level(db.prisma, shop.small.id, shop.warehouse.id),
      medium: await level(db.prisma, shop.medium.id, shop.store.id),
      mug: await level(db.prisma, shop.mug.id, shop.store.id),
    };

    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "mixed-1",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });

    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    expect(result.order.number).toMatch(/^OT-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$/);
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { id: result.order.id },
      include: { fulfillments: true, lines: true, payments: true },
    });
    expect(order.fulfillments.map((f) => [f.method, f.status]).sort()).toEqual([
      ["CARRY_OUT", "PICKED_UP"],
      ["PICKUP", "ALLOCATED"],
      ["SHIP", "ALLOCATED"],
    ]);
    expect(order.fulfillments.reduce((n, f) => n + f.amountMinor, 0)).toBe(
      order.totalMinor,
    );
    expect(order.lines.reduce((n, l) => n + l.totalMinor, 0) + order.shippingMinor).toBe(
      order.totalMinor,
    );
    // The carry-out part is captured at the counter; the rest waits for shipment and pickup.
    const carryOut = order.fulfillments.find((f) => f.method === "CARRY_OUT");
    expect(order.status).toBe("PARTIALLY_CAPTURED");
    expect(order.payments[0]?.capturedMinor).toBe(carryOut?.amountMinor);
    expect(order.payments[0]).toMatchObject({ cardBrand: "visa", cardLast4: "4242" });

    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual({
      onHand: before.small.onHand,
      reserved: before.small.reserved + 2,
    });
    expect(await level(db.prisma, shop.medium.id, shop.store.id)).toEqual({
      onHand: before.medium.onHand,
      reserved: before.medium.reserved + 1,
    });
    expect(await level(db.prisma, shop.mug.id, shop.store.id)).toEqual({
      onHand: before.mug.onHand - 1,
      reserved: before.mug.reserved,
    });
    const sale = await db.prisma.stockMovement.findMany({
      where: { sourceType: "order", sourceId: order.id },
    });
    expect(sale.map((m) => [m.variantId, m.quantity, m.reason])).toEqual([
      [shop.mug.id, -1, "SALE"],
    ]);
    const cartAfter = await db.prisma.cart.findUniqueOrThrow({ where: { id: cart.id } });
    expect(cartAfter).toMatchObject({ status: "CONVERTED", orderId: order.id });
    const events = await db.prisma.outboxEvent.findMany({
      where: { aggregateType: "order", aggregateId: order.id },
    });
    expect(events.map((e) => e.type)).toEqual(["order.placed"]);
    const work = await db.prisma.outboxEvent.findMany({
      where: {
        type: "fulfillment.created",
        payload: { path: ["orderId"], equals: order.id },
      },
    });
    expect(work.map((e) => e.locationId).sort()).toEqual(
      [shop.warehouse.id, shop.store.id].sort(),
    );
    const audit = await db.prisma.auditEntry.findMany({ where: { entityId: order.id } });
    expect(audit.map((a) => a.action)).toEqual(["order.placed"]);
    expect((await verifyLedger(db.prisma)).differences ?? []).toEqual([]);
  });

  it("leaves stock exactly as before when the card is declined", async () => {
    const cart = await tillCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
      {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
      { variantId: shop.mug.id, quantity: 1, fulfillment: "CARRY_OUT" },
    ]);
    const before = await snapshot();
    const charges = testCard.journal().authorizations;

    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "declined-1",
      input: { tenders: [{ kind: "card", token: DECLINED }] },
      providers,
    });

    expect(result).toMatchObject({
      outcome: "payment_declined",
      code: "card_declined",
      tenderIndex: 0,
    });
    if (result.outcome !== "payment_declined") return;
    expect(result.lineIds).toHaveLength(3);
    const after = await snapshot();
    expect(after.levels).toEqual(before.levels);
    expect(after.openReservations).toBe(before.openReservations);
    expect(after.movements).toBe(before.movements);
    expect(testCard.journal().authorizations).toBe(charges);
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { id: result.orderId },
    });
    expect(order.status).toBe("PAYMENT_FAILED");
    // The cart is free for another try with another card.
    const retry = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "declined-1-retry",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    expect(retry.outcome).toBe("placed");
  });

  it("releases the stock when the provider fails, and says so", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const before = await snapshot();
    const result = await placeOrder(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "failing-1",
      input: { tenders: [{ kind: "card", token: FAILING }] },
      providers,
    });
    expect(result).toMatchObject({
      outcome: "payment_declined",
      code: "processing_error",
    });
    const after = await snapshot();
    expect(after.levels).toEqual(before.levels);
    expect(after.openReservations).toBe(before.openReservations);
  });

  it("returns the same order and charges once when the same key is sent twice", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const charges = testCard.journal().authorizations;
    const checkout = () =>
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "twice-1",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      });

    const [first, second] = await Promise.all([checkout(), checkout()]);
    const third = await checkout();

    expect(first.outcome).toBe("placed");
    const ids = [first, second, third].map((r) =>
      r.outcome === "placed" ? r.order.id : null,
    );
    expect(new Set(ids).size).toBe(1);
    expect([first, second, third].filter((r) => r.isReplay)).toHaveLength(2);
    expect(testCard.journal().authorizations).toBe(charges + 1);
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(1);
    expect(await db.prisma.payment.count({ where: { order: { cartId: cart.id } } })).toBe(
      1,
    );
  });

  it("refuses a second checkout of a converted cart under a new key", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const input = { tenders: [{ kind: "card" as const, token: VISA }] };
    await placeOrder(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "once",
      input,
      providers,
    });
    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "again",
        input,
        providers,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers out of stock naming the line, and takes nothing", async () => {
    const cart = await webCart([
      {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    ]);
    // Another till sells the rest before this shopper pays.
    const left = await level(db.prisma, shop.medium.id, shop.store.id);
    const grab = await tillCart([
      {
        variantId: shop.medium.id,
        quantity: left.onHand - left.reserved,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    ]);
    await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: grab.id,
      idempotencyKey: "grab",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    const before = await snapshot();
    const lineId = (
      await db.prisma.cartLine.findFirstOrThrow({ where: { cartId: cart.id } })
    ).id;

    const attempt = placeOrder(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "late",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    await expect(attempt).rejects.toMatchObject({
      code: "insufficient_stock",
      fields: { [`lines.${lineId}`]: [expect.stringContaining("Only 0")] },
    });
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);
  });

  it("takes cash at the till with change, and splits with a gift card", async () => {
    const { code } = await db.prisma.$transaction((tx) =>
      issueGiftCard(tx, { actor: shop.associate, amountMinor: 500, currency: "GBP" }),
    );
    const cart = await tillCart([
      { variantId: shop.mug.id, quantity: 1, fulfillment: "CARRY_OUT" },
    ]);
    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "split-cash",
      input: {
        tenders: [
          { kind: "gift_card", code, amountMinor: 500 },
          { kind: "cash", tenderedMinor: 1000 },
        ],
      },
      providers,
    });
    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    expect(result.order).toMatchObject({ status: "COMPLETED", totalMinor: 1200 });
    expect(result.order.changeDueMinor).toBe(300);
    const payments = await db.prisma.payment.findMany({
      where: { orderId: result.order.id },
      orderBy: { idempotencyKey: "asc" },
    });
    expect(
      payments.map((p) => [p.provider, p.amountMinor, p.capturedMinor, p.status]),
    ).toEqual([
      ["GIFT_CARD", 500, 500, "CAPTURED"],
      ["CASH", 700, 700, "CAPTURED"],
    ]);
    const card = await db.prisma.giftCard.findFirstOrThrow({
      where: { last4: code.slice(-4) },
    });
    expect(card.balanceMinor).toBe(0);
  });

  it("declines a gift card short of funds before taking anything", async () => {
    const { code } = await db.prisma.$transaction((tx) =>
      issueGiftCard(tx, { actor: shop.associate, amountMinor: 100, currency: "GBP" }),
    );
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const before = await snapshot();
    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "short-gift",
        input: { tenders: [{ kind: "gift_card", code }] },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "payment_declined",
      fields: { "tenders.0": expect.any(Array) },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses cash on the storefront and tenders that do not add up", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "cash-online",
        input: { tenders: [{ kind: "cash", tenderedMinor: 10_000 }] },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { "tenders.0": expect.any(Array) },
    });
    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "short-split",
        input: { tenders: [{ kind: "card", token: VISA, amountMinor: 1 }] },
        providers,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("holds a pay-in-store pickup until the store's hold time", async () => {
    await receive(db.prisma, shop.medium.id, shop.store.id, 3);
    const cart = await webCart([
      {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    ]);
    const now = new Date("2026-12-01T10:00:00Z");
    const result = await placeOrder(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "pay-in-store",
      input: { isPayAtPickup: true },
      providers,
      now,
    });
    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    expect(result.order.status).toBe("PLACED");
    const fulfillment = await db.prisma.fulfillment.findFirstOrThrow({
      where: { orderId: result.order.id },
    });
    expect(fulfillment.holdUntil).toEqual(new Date("2026-12-03T10:00:00Z"));
  });

  it("refuses to charge a total the shopper was not shown", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "stale-total",
        input: { tenders: [{ kind: "card", token: VISA }], expectedTotalMinor: 1 },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { expectedTotalMinor: ["The total is now £24.95."] },
    });
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);
  });

  it("does not let a shopper check out someone else's cart", async () => {
    const cart = await webCart([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const stranger = { kind: "customer" as const, id: "someone-else", email: "x@y.test" };
    await expect(
      placeOrder(db.prisma, {
        actor: stranger,
        cartId: cart.id,
        idempotencyKey: "steal",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      placeOrder(db.prisma, {
        actor: shop.associate,
        cartId: cart.id,
        idempotencyKey: "staff-steal",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
