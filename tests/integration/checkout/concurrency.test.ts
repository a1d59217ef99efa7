import { beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import {
  ADDRESS,
  createShop,
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
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 100);
});

describe("checkouts racing for the last units", () => {
  it("sells exactly 100 when 300 shoppers check out a SKU with 100 units at once", async () => {
    const carts = [];
    for (let i = 0; i < 300; i += 1) {
      const cart = await createCart(db.prisma, {
        actor: null,
        input: { email: `guest${i}@shop.test`, shippingAddress: ADDRESS },
      });
      await addCartLine(db.prisma, {
        actor: null,
        cartId: cart.id,
        input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
      });
      carts.push(cart);
    }

    const results = await Promise.allSettled(
      carts.map((cart, i) =>
        placeOrder(db.prisma, {
          actor: null,
          cartId: cart.id,
          idempotencyKey: `race-${i}`,
          input: { tenders: [{ kind: "card", token: VISA }] },
          providers,
        }),
      ),
    );

    const placed = results.filter(
      (r) => r.status === "fulfilled" && r.value.outcome === "placed",
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(placed).toHaveLength(100);
    expect(refused).toHaveLength(200);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "insufficient_stock",
      });
    }
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual({
      onHand: 100,
      reserved: 100,
    });
    expect(await db.prisma.order.count({ where: { status: "AUTHORIZED" } })).toBe(100);
    expect(await db.prisma.order.count({ where: { status: "PENDING_PAYMENT" } })).toBe(0);
    // Shoppers refused for stock were never charged.
    expect(testCard.journal().authorizations).toBe(100);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
