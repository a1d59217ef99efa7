import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { expirePendingOrders, expireUnpaidPickups } from "@/lib/orders/expire-orders";
import { refundOrder } from "@/lib/orders/refund-order";
import { takePickupPayment } from "@/lib/orders/take-pickup-payment";
import { issueGiftCard } from "@/lib/payments/gift-cards";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  ADDRESS,
  createShop,
  DECLINED,
  level,
  receive,
  type Shop,
  testProviders,
  VISA,
} from "./shop";

let db: TestDatabase;
let shop: Shop;
const { providers, testCard } = testProviders();
const manager = (): Actor => ({
  kind: "staff",
  id: shop.associate.id,
  email: "manager@shop.test",
  name: "Manager",
  role: "STORE_MANAGER",
  locationIds: "all",
});
const packer = (): Actor => ({
  kind: "staff",
  id: shop.associate.id,
  email: "packer@shop.test",
  name: "Packer",
  role: "FULFILLMENT",
  locationIds: "all",
});

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 50);
  await receive(db.prisma, shop.medium.id, shop.store.id, 50);
  await receive(db.prisma, shop.mug.id, shop.store.id, 50);
});

async function order(
  lines: {
    variantId: string;
    quantity: number;
    fulfillment: "SHIP" | "PICKUP";
    locationId?: string;
  }[],
  tenders: Parameters<typeof placeOrder>[1]["input"]["tenders"] = [
    { kind: "card", token: VISA },
  ],
  extra: { isPayAtPickup?: boolean; now?: Date } = {},
) {
  const cart = await createCart(db.prisma, {
    actor: shop.customer,
    input: { shippingAddress: ADDRESS },
  });
  for (const input of lines) {
    await addCartLine(db.prisma, { actor: shop.customer, cartId: cart.id, input });
  }
  const result = await placeOrder(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    idempotencyKey: `k-${cart.id}`,
    input: {
      tenders: extra.isPayAtPickup ? [] : tenders,
      isPayAtPickup: extra.isPayAtPickup,
    },
    providers,
    now: extra.now,
  });
  if (result.outcome !== "placed") throw new Error(`not placed: ${result.outcome}`);
  return db.prisma.order.findUniqueOrThrow({
    where: { id: result.order.id },
    include: { fulfillments: true, payments: true },
  });
}

describe("cancelling", () => {
  it("restores the stock and voids the card hold", async () => {
    const before = await level(db.prisma, shop.small.id, shop.warehouse.id);
    const placed = await order([
      { variantId: shop.small.id, quantity: 3, fulfillment: "SHIP" },
    ]);
    expect((await level(db.prisma, shop.small.id, shop.warehouse.id)).reserved).toBe(
      before.reserved + 3,
    );
    const releases = testCard.journal().releases;

    const result = await cancelOrder(db.prisma, {
      actor: shop.customer,
      orderId: placed.id,
      reason: "changed my mind",
      providers,
    });

    expect(result).toMatchObject({
      status: "CANCELLED",
      releasedMinor: placed.totalMinor,
    });
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual(before);
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: placed.id },
    });
    expect(payment).toMatchObject({ status: "VOIDED", voidedMinor: placed.totalMinor });
    expect(testCard.journal().releases).toBe(releases + 1);
    await expect(
      cancelOrder(db.prisma, {
        actor: shop.customer,
        orderId: placed.id,
        reason: "again",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("gives each tender of a split payment back its own money when cancelled", async () => {
    const { code } = await db.prisma.$transaction((tx) =>
      issueGiftCard(tx, { actor: manager(), amountMinor: 1_000, currency: "GBP" }),
    );
    const stock = await level(db.prisma, shop.small.id, shop.warehouse.id);
    const placed = await order(
      [{ variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" }],
      [
        { kind: "gift_card", code, amountMinor: 1_000 },
        { kind: "card", token: VISA },
      ],
    );
    const paid = await db.prisma.payment.findMany({ where: { orderId: placed.id } });
    const gift = paid.find((p) => p.giftCardId !== null);
    const card = paid.find((p) => p.giftCardId === null);
    expect(gift?.amountMinor).toBe(1_000);
    expect(card?.amountMinor).toBe(placed.totalMinor - 1_000);
    expect(
      (
        await db.prisma.giftCard.findFirstOrThrow({
          where: { id: gift?.giftCardId ?? "" },
        })
      ).balanceMinor,
    ).toBe(0);
    const releases = testCard.journal().releases;

    const result = await cancelOrder(db.prisma, {
      actor: manager(),
      orderId: placed.id,
      reason: "out of the size the shopper wanted",
      providers,
    });

    expect(result.status).toBe("CANCELLED");
    expect(result.failedOperations).toBe(0);
    // The gift card's money is back on the card, in its own ledger.
    expect(
      (
        await db.prisma.giftCard.findFirstOrThrow({
          where: { id: gift?.giftCardId ?? "" },
        })
      ).balanceMinor,
    ).toBe(1_000);
    // The card's hold is released at the provider, never charged.
    const after = await db.prisma.payment.findMany({ where: { orderId: placed.id } });
    const cardAfter = after.find((p) => p.id === card?.id);
    expect(cardAfter).toMatchObject({ capturedMinor: 0, status: "VOIDED" });
    expect(testCard.journal().releases).toBe(releases + 1);
    const giftAfter = after.find((p) => p.id === gift?.id);
    expect((giftAfter?.refundedMinor ?? 0) + (giftAfter?.voidedMinor ?? 0)).toBe(1_000);
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual(stock);
  });

  it("cancels one fulfillment of two and gives back only its share", async () => {
    const placed = await order([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
      {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    ]);
    const pickup = placed.fulfillments.find((f) => f.method === "PICKUP");
    const result = await cancelOrder(db.prisma, {
      actor: manager(),
      orderId: placed.id,
      fulfillmentIds: [pickup?.id ?? ""],
      reason: "damaged in store",
      providers,
    });
    expect(result.status).toBe("AUTHORIZED");
    expect(result.releasedMinor).toBe(pickup?.amountMinor);
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: placed.id },
    });
    expect(payment.amountMinor - payment.voidedMinor).toBe(
      placed.totalMinor - (pickup?.amountMinor ?? 0),
    );
  });

  it("refuses a shopper once picking has started, and an associate of another store", async () => {
    const placed = await order([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const [ship] = placed.fulfillments;
    await advanceFulfillment(db.prisma, {
      actor: packer(),
      fulfillmentId: ship?.id ?? "",
      to: "PICKING",
    });
    await expect(
      cancelOrder(db.prisma, {
        actor: shop.customer,
        orderId: placed.id,
        reason: "late",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      cancelOrder(db.prisma, { actor: shop.associate, orderId: placed.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("capturing", () => {
  it("captures at shipment and refunds captured money back to the card", async () => {
    const placed = await order([
      { variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" },
    ]);
    const [ship] = placed.fulfillments;
    const id = ship?.id ?? "";
    const onHand = (await level(db.prisma, shop.small.id, shop.warehouse.id)).onHand;
    await advanceFulfillment(db.prisma, {
      actor: packer(),
      fulfillmentId: id,
      to: "PICKING",
    });
    await advanceFulfillment(db.prisma, {
      actor: packer(),
      fulfillmentId: id,
      to: "PACKED",
    });
    const shipped = await advanceFulfillment(db.prisma, {
      actor: packer(),
      fulfillmentId: id,
      to: "SHIPPED",
      carrier: "Royal Mail",
      trackingNumber: "AB123456789GB",
      providers,
    });
    expect(shipped.orderStatus).toBe("CAPTURED");
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toMatchObject({
      onHand: onHand - 2,
    });
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: placed.id },
    });
    expect(payment).toMatchObject({
      status: "CAPTURED",
      capturedMinor: placed.totalMinor,
    });
    await expect(
      advanceFulfillment(db.prisma, {
        actor: packer(),
        fulfillmentId: id,
        to: "READY_FOR_PICKUP",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const delivered = await advanceFulfillment(db.prisma, {
      actor: packer(),
      fulfillmentId: id,
      to: "DELIVERED",
    });
    expect(delivered.orderStatus).toBe("COMPLETED");

    const refund = await refundOrder(db.prisma, {
      actor: manager(),
      orderId: placed.id,
      input: { amountMinor: 500, reason: "late delivery", idempotencyKey: "goodwill-1" },
      providers,
    });
    expect(refund).toMatchObject({ refundedMinor: 500, isReplay: false });
    const again = await refundOrder(db.prisma, {
      actor: manager(),
      orderId: placed.id,
      input: { amountMinor: 500, reason: "late delivery", idempotencyKey: "goodwill-1" },
      providers,
    });
    expect(again.isReplay).toBe(true);
    // Never more than the tender took.
    await expect(
      refundOrder(db.prisma, {
        actor: manager(),
        orderId: placed.id,
        input: {
          amountMinor: placed.totalMinor,
          reason: "too much",
          idempotencyKey: "greedy",
        },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { amountMinor: expect.any(Array) },
    });
    const after = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: placed.id },
    });
    expect(after).toMatchObject({ refundedMinor: 500, status: "PARTIALLY_REFUNDED" });
  });

  it("never refunds a tender more than it took when refunds race", async () => {
    const placed = await order([
      { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    ]);
    const id = placed.fulfillments[0]?.id ?? "";
    for (const to of ["PICKING", "PACKED", "SHIPPED"] as const) {
      await advanceFulfillment(db.prisma, {
        actor: packer(),
        fulfillmentId: id,
        to,
        providers,
      });
    }
    const half = Math.ceil(placed.totalMinor / 2) + 1;
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        refundOrder(db.prisma, {
          actor: manager(),
          orderId: placed.id,
          input: { amountMinor: half, reason: "race", idempotencyKey: `race-${n}` },
          providers,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: placed.id },
    });
    expect(payment.refundedMinor).toBe(half);
  });

  it("takes gift card money at handover of a pickup", async () => {
    const { code } = await db.prisma.$transaction((tx) =>
      issueGiftCard(tx, { actor: manager(), amountMinor: 10_000, currency: "GBP" }),
    );
    const placed = await order(
      [
        {
          variantId: shop.medium.id,
          quantity: 1,
          fulfillment: "PICKUP",
          locationId: shop.store.id,
        },
      ],
      [{ kind: "gift_card", code }],
    );
    expect(placed.status).toBe("AUTHORIZED");
    const id = placed.fulfillments[0]?.id ?? "";
    for (const to of ["PICKING", "PACKED", "READY_FOR_PICKUP"] as const) {
      await advanceFulfillment(db.prisma, { actor: packer(), fulfillmentId: id, to });
    }
    await expect(
      advanceFulfillment(db.prisma, {
        actor: packer(),
        fulfillmentId: id,
        to: "PICKED_UP",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const handed = await advanceFulfillment(db.prisma, {
      actor: shop.associate,
      fulfillmentId: id,
      to: "PICKED_UP",
    });
    expect(handed.orderStatus).toBe("COMPLETED");
  });
});

describe("paying in store", () => {
  it("takes the balance at the counter, with change, then hands the order over", async () => {
    const placed = await order(
      [
        {
          variantId: shop.medium.id,
          quantity: 1,
          fulfillment: "PICKUP",
          locationId: shop.store.id,
        },
      ],
      [],
      { isPayAtPickup: true },
    );
    const id = placed.fulfillments[0]?.id ?? "";
    for (const to of ["PICKING", "PACKED", "READY_FOR_PICKUP"] as const) {
      await advanceFulfillment(db.prisma, { actor: packer(), fulfillmentId: id, to });
    }
    const declined = await takePickupPayment(db.prisma, {
      actor: shop.associate,
      orderId: placed.id,
      tenders: [{ kind: "card", token: DECLINED }],
      providers,
    });
    expect(declined).toMatchObject({
      outcome: "payment_declined",
      code: "card_declined",
    });
    const paid = await takePickupPayment(db.prisma, {
      actor: shop.associate,
      orderId: placed.id,
      tenders: [{ kind: "cash", tenderedMinor: 5000 }],
      providers,
    });
    expect(paid).toMatchObject({
      outcome: "paid",
      paidMinor: placed.totalMinor,
      changeDueMinor: 5000 - placed.totalMinor,
    });
    await expect(
      takePickupPayment(db.prisma, {
        actor: shop.associate,
        orderId: placed.id,
        tenders: [{ kind: "cash", tenderedMinor: 5000 }],
        providers,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const handed = await advanceFulfillment(db.prisma, {
      actor: shop.associate,
      fulfillmentId: id,
      to: "PICKED_UP",
    });
    expect(handed.orderStatus).toBe("COMPLETED");
  });
});

describe("sweeping", () => {
  it("cancels an unpaid pickup after its hold, putting the units back", async () => {
    const placedAt = new Date(Date.now() - 72 * 3_600_000);
    const before = await level(db.prisma, shop.medium.id, shop.store.id);
    const placed = await order(
      [
        {
          variantId: shop.medium.id,
          quantity: 2,
          fulfillment: "PICKUP",
          locationId: shop.store.id,
        },
      ],
      [],
      { isPayAtPickup: true, now: placedAt },
    );
    expect(placed.status).toBe("PLACED");
    await expect(
      advanceFulfillment(db.prisma, {
        actor: shop.associate,
        fulfillmentId: placed.fulfillments[0]?.id ?? "",
        to: "PICKED_UP",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await expireUnpaidPickups(db.prisma)).toBeGreaterThanOrEqual(1);
    expect(await level(db.prisma, shop.medium.id, shop.store.id)).toEqual(before);
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: placed.id } });
    expect(after.status).toBe("CANCELLED");
  });

  it("fails an order left pending by a crash, releasing its stock", async () => {
    const cart = await createCart(db.prisma, {
      actor: shop.customer,
      input: { shippingAddress: ADDRESS },
    });
    await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    const before = await level(db.prisma, shop.small.id, shop.warehouse.id);
    // A provider that never answers stands for a process that died mid-checkout.
    const hanging = {
      stripe: null,
      testCard: { ...testCard, authorize: () => new Promise<never>(() => {}) } as never,
    };
    void placeOrder(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      idempotencyKey: "crash",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers: hanging,
    });
    let pending = null;
    while (!pending) {
      pending = await db.prisma.order.findFirst({ where: { cartId: cart.id } });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(pending.status).toBe("PENDING_PAYMENT");
    expect(
      await expirePendingOrders(db.prisma, { now: new Date(Date.now() + 3_600_000) }),
    ).toBe(1);
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual(before);
    const cartAfter = await db.prisma.cart.findUniqueOrThrow({ where: { id: cart.id } });
    expect(cartAfter.orderId).toBeNull();
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
