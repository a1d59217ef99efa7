import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import type { PrismaClient } from "@/lib/db/client";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import { takePickupPayment } from "@/lib/orders/take-pickup-payment";
import { findPickup, listPickupQueue } from "@/lib/pos/pickups";
import { createShop, receive, type Shop, testProviders } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
let prisma: PrismaClient;
const system = { kind: "system" as const, reason: "store prepares the order" };

beforeAll(async () => {
  testDb = await createTestDatabase();
  prisma = testDb.prisma;
});
afterAll(async () => {
  await testDb?.prisma.$disconnect();
});

async function payInStoreOrder(shop: Shop) {
  await receive(prisma, shop.medium.id, shop.store.id, 3);
  const cart = await createCart(prisma, { actor: shop.customer, input: {} });
  await addCartLine(prisma, {
    actor: shop.customer,
    cartId: cart.id,
    input: {
      variantId: shop.medium.id,
      quantity: 1,
      fulfillment: "PICKUP",
      locationId: shop.store.id,
    },
  });
  const placed = await placeOrder(prisma, {
    actor: shop.customer,
    cartId: cart.id,
    idempotencyKey: `pickup-${cart.id}`,
    input: { tenders: [], isPayAtPickup: true },
    providers: testProviders().providers,
  });
  if (placed.outcome !== "placed") throw new Error("not placed");
  const fulfillment = await prisma.fulfillment.findFirstOrThrow({
    where: { orderId: placed.order.id },
  });
  return { order: placed.order, fulfillmentId: fulfillment.id };
}

describe("the pickup counter", () => {
  it("queues ready orders with what is due, finds them by QR, and says why it cannot", async () => {
    const shop = await createShop(prisma);
    const { order, fulfillmentId } = await payInStoreOrder(shop);
    const find = (locationId: string, code: string) =>
      findPickup(prisma, { actor: shop.associate, input: { locationId, code } });

    await expect(find(shop.store.id, order.number)).rejects.toMatchObject({
      message: `Order ${order.number} is not ready for collection yet.`,
    });
    for (const to of ["PICKING", "PACKED", "READY_FOR_PICKUP"] as const) {
      await advanceFulfillment(prisma, { actor: system, fulfillmentId, to });
    }

    const queue = await listPickupQueue(prisma, {
      actor: shop.associate,
      input: { locationId: shop.store.id },
    });
    expect(queue).toEqual([
      expect.objectContaining({
        number: order.number,
        fulfillmentId,
        dueMinor: order.totalMinor,
      }),
    ]);
    const found = await find(shop.store.id, order.number.toLowerCase());
    expect(found.lines).toHaveLength(1);
    await expect(find(shop.otherStore.id, order.number)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(find(shop.store.id, "OT-NOSUCH")).rejects.toMatchObject({
      code: "invalid_input",
    });

    await takePickupPayment(prisma, {
      actor: shop.associate,
      orderId: order.id,
      tenders: [{ kind: "cash", tenderedMinor: order.totalMinor }],
      providers: testProviders().providers,
    });
    expect((await find(shop.store.id, order.number)).dueMinor).toBe(0);
    await advanceFulfillment(prisma, {
      actor: shop.associate,
      fulfillmentId,
      to: "PICKED_UP",
      providers: testProviders().providers,
    });
    await expect(find(shop.store.id, order.number)).rejects.toMatchObject({
      message: `Order ${order.number} was already collected.`,
    });
    expect(
      await listPickupQueue(prisma, {
        actor: shop.associate,
        input: { locationId: shop.store.id },
      }),
    ).toEqual([]);
  });
});
