import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCartDetails } from "@/lib/checkout/cart-details";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { listCustomerOrders } from "@/lib/customers/list-customer-orders";
import { createTillCustomer, findCustomers } from "@/lib/customers/till-customers";
import type { PrismaClient } from "@/lib/db/client";
import { createShop, testProviders } from "../checkout/shop";
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

describe("customers at the till", () => {
  it("signs a customer up, finds them by name, email and phone digits, and records the sale in their history", async () => {
    const shop = await createShop(prisma);
    const created = await createTillCustomer(prisma, {
      actor: shop.associate,
      input: {
        firstName: "Ada",
        lastName: "Quill",
        email: " Ada.Quill@Example.test ",
        phone: "+44 7700 900123",
      },
      locationId: shop.store.id,
    });
    expect(created.email).toBe("ada.quill@example.test");

    for (const q of ["quill ada", "ada.quill@example.test", "07700900123".slice(1)]) {
      const found = await findCustomers(prisma, { actor: shop.associate, input: { q } });
      expect(
        found.map((c) => c.id),
        q,
      ).toContain(created.id);
    }
    expect(
      await prisma.auditEntry.count({
        where: { action: "customer.created", entityId: created.id },
      }),
    ).toBe(1);

    const cart = await createCart(prisma, {
      actor: shop.associate,
      input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
    });
    await addCartLine(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "CARRY_OUT" },
    });
    const view = await setCartDetails(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { customerId: created.id },
    });
    expect(view.customerName).toBe("Ada Quill");
    const placed = await placeOrder(prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: `customer-${cart.id}`,
      input: { tenders: [{ kind: "cash", tenderedMinor: 5000 }] },
      providers: testProviders().providers,
    });
    expect(placed.outcome).toBe("placed");
    const history = await listCustomerOrders(prisma, { customerId: created.id });
    expect(history.map((o) => o.channel)).toEqual(["POS"]);
  });

  it("refuses a second customer with a known email, and names the missing fields", async () => {
    const shop = await createShop(prisma);
    const input = {
      firstName: "Bo",
      lastName: "Lund",
      email: "bo@example.test",
      phone: "",
    };
    await createTillCustomer(prisma, { actor: shop.associate, input });
    await expect(
      createTillCustomer(prisma, { actor: shop.associate, input }),
    ).rejects.toMatchObject({ code: "conflict", fields: { email: expect.anything() } });
    await expect(
      createTillCustomer(prisma, {
        actor: shop.associate,
        input: { firstName: "", lastName: "Lund", email: "", phone: "" },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { firstName: expect.anything(), email: expect.anything() },
    });
    await expect(
      findCustomers(prisma, { actor: shop.associate, input: { q: "b" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
