import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCartDetails } from "@/lib/checkout/cart-details";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import type { PrismaClient } from "@/lib/db/client";
import { issueGiftCard } from "@/lib/payments/gift-cards";
import { issueStoreCredit } from "@/lib/payments/store-credit";
import { lookupTenderBalance } from "@/lib/payments/tender-balance";
import { createShop, testProviders, VISA } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  prisma = testDb.prisma;
});
afterAll(async () => {
  await testDb?.prisma.$disconnect();
});

describe("gift card and store credit at the till", () => {
  it("reads both balances, then takes a split of gift card, store credit, card and cash", async () => {
    const shop = await createShop(prisma);
    const { code } = await prisma.$transaction((tx) =>
      issueGiftCard(tx, { actor: shop.associate, amountMinor: 1000, currency: "GBP" }),
    );
    await prisma.$transaction((tx) =>
      issueStoreCredit(tx, {
        actor: shop.associate,
        customerId: shop.customer.id,
        amountMinor: 700,
        currency: "GBP",
      }),
    );
    const cart = await createCart(prisma, {
      actor: shop.associate,
      input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
    });
    await addCartLine(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 2, fulfillment: "CARRY_OUT" },
    });

    const card = await lookupTenderBalance(prisma, {
      actor: shop.associate,
      input: { kind: "gift_card", code: code.toLowerCase() },
    });
    expect(card).toMatchObject({
      balanceMinor: 1000,
      last4: code.replace(/-/g, "").slice(-4),
    });
    await expect(
      lookupTenderBalance(prisma, {
        actor: shop.associate,
        input: { kind: "store_credit", cartId: cart.id },
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await setCartDetails(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { customerId: shop.customer.id },
    });
    const credit = await lookupTenderBalance(prisma, {
      actor: shop.associate,
      input: { kind: "store_credit", cartId: cart.id },
    });
    expect(credit.balanceMinor).toBe(700);
    await expect(
      lookupTenderBalance(prisma, {
        actor: shop.associate,
        input: { kind: "gift_card", code: "NOPE-NOPE-NOPE" },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { code: expect.anything() },
    });

    // 2 x 20.00 = 40.00: 10.00 gift card, 7.00 credit, 13.00 card, the rest cash.
    const placed = await placeOrder(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: `split-${cart.id}`,
      input: {
        tenders: [
          { kind: "gift_card", amountMinor: 1000, code },
          { kind: "store_credit", amountMinor: 700 },
          { kind: "card", amountMinor: 1300, token: VISA },
          { kind: "cash", tenderedMinor: 1000 },
        ],
      },
      providers: testProviders().providers,
    });
    expect(placed.outcome).toBe("placed");
    const after = await lookupTenderBalance(prisma, {
      actor: shop.associate,
      input: { kind: "gift_card", code },
    });
    expect(after.balanceMinor).toBe(0);
    const creditAfter = await lookupTenderBalance(prisma, {
      actor: shop.associate,
      input: { kind: "store_credit", cartId: cart.id },
    });
    expect(creditAfter.balanceMinor).toBe(0);
  });
});
