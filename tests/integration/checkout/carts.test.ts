import { beforeAll, describe, expect, it } from "vitest";
import { addCartCode, removeCartCode, setCartDetails } from "@/lib/checkout/cart-details";
import { getCartView } from "@/lib/checkout/cart-view";
import {
  addCartLine,
  removeCartLine,
  updateCartLine,
} from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { mergeGuestCart } from "@/lib/checkout/merge-carts";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ADDRESS, createShop, receive, type Shop } from "./shop";

let db: TestDatabase;
let shop: Shop;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 5);
  await receive(db.prisma, shop.medium.id, shop.store.id, 2);
});

describe("carts", () => {
  it("prices again and checks stock again when a line changes", async () => {
    const cart = await createCart(db.prisma, { actor: null, input: {} });
    const added = await addCartLine(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    expect(added.totals).toMatchObject({ subtotalMinor: 2000, shippingMinor: 495 });
    const again = await addCartLine(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 2, fulfillment: "SHIP" },
    });
    expect(again.lines).toHaveLength(1);
    expect(again.lines[0]).toMatchObject({ quantity: 3, totalMinor: 6000 });
    // Free delivery from £60 of shipped goods.
    expect(again.totals.shippingMinor).toBe(0);

    const lineId = again.lines[0]?.id ?? "";
    await expect(
      updateCartLine(db.prisma, {
        actor: null,
        cartId: cart.id,
        lineId,
        input: { quantity: 6 },
      }),
    ).rejects.toMatchObject({
      code: "insufficient_stock",
      fields: { [`lines.${lineId}`]: ["Only 5 can be had there."] },
    });
    const collected = await addCartLine(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    });
    expect(collected.lines.map((l) => [l.fulfillment, l.locationName])).toEqual([
      ["SHIP", null],
      ["PICKUP", shop.store.name],
    ]);
    // The view answered after a line is added is drawn from what was read
    // and written; read afresh, the cart is the same.
    expect(collected).toEqual(
      await getCartView(db.prisma, { actor: null, cartId: cart.id }),
    );
    const removed = await removeCartLine(db.prisma, {
      actor: null,
      cartId: cart.id,
      lineId,
    });
    expect(removed.totals.shippingMinor).toBe(0);
    expect(removed.lines).toHaveLength(1);
  });

  it("loses no unit when lines are added to one cart at the same moment", async () => {
    const cart = await createCart(db.prisma, { actor: null, input: {} });
    const adds = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        addCartLine(db.prisma, {
          actor: null,
          cartId: cart.id,
          input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
        }),
      ),
    );
    const added = adds.filter((a) => a.status === "fulfilled").length;
    // A change that kept losing the race says so; none is half-made.
    for (const a of adds) {
      if (a.status === "rejected") expect(a.reason).toMatchObject({ code: "conflict" });
    }
    expect(added).toBeGreaterThan(0);
    const view = await getCartView(db.prisma, { actor: null, cartId: cart.id });
    expect(view.lines.map((l) => l.quantity)).toEqual([added]);
    await expect(
      db.prisma.outboxEvent.count({
        where: { type: "cart.line_added", aggregateId: cart.id },
      }),
    ).resolves.toBe(added);
  });

  it("refuses web carry-out, pickup where a store offers none, and bad input", async () => {
    const cart = await createCart(db.prisma, { actor: null, input: {} });
    const line = (input: object) =>
      addCartLine(db.prisma, { actor: null, cartId: cart.id, input: input as never });
    await expect(
      line({ variantId: shop.small.id, quantity: 1, fulfillment: "CARRY_OUT" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { fulfillment: expect.any(Array) },
    });
    await expect(
      line({
        variantId: shop.small.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.warehouse.id,
      }),
    ).rejects.toMatchObject({
      fields: { locationId: ["That store does not offer collection."] },
    });
    await expect(
      line({ variantId: "nope", quantity: 1, fulfillment: "SHIP" }),
    ).rejects.toMatchObject({
      fields: { variantId: ["No variant has this id."] },
    });
    await expect(
      line({ variantId: shop.small.id, quantity: 0, fulfillment: "SHIP" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { quantity: expect.any(Array) },
    });
  });

  it("keeps a till's cart to its store, and never refuses carry-out for stock", async () => {
    const cart = await createCart(db.prisma, {
      actor: shop.associate,
      input: { locationId: shop.store.id, registerId: shop.register.id },
    });
    expect(cart.channel).toBe("POS");
    // Written in one statement with its event and audit entry; the row
    // returned is the row as Prisma reads it.
    expect(cart).toEqual(await db.prisma.cart.findUnique({ where: { id: cart.id } }));
    expect(cart).toMatchObject({ status: "OPEN", registerId: shop.register.id });
    await expect(
      db.prisma.outboxEvent.count({
        where: { type: "cart.created", aggregateId: cart.id },
      }),
    ).resolves.toBe(1);
    await expect(
      db.prisma.auditEntry.findFirst({
        where: { action: "cart.created", entityId: cart.id },
      }),
    ).resolves.toMatchObject({ actorKind: "STAFF", locationId: shop.store.id });
    const view = await addCartLine(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { variantId: shop.mug.id, quantity: 3, fulfillment: "CARRY_OUT" },
    });
    expect(view.lines[0]).toMatchObject({ availableQuantity: null, isAvailable: true });
    const elsewhere = { ...shop.associate, locationIds: [shop.otherStore.id] };
    await expect(
      getCartView(db.prisma, { actor: elsewhere, cartId: cart.id }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      getCartView(db.prisma, { actor: null, cartId: cart.id }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      createCart(db.prisma, {
        actor: shop.associate,
        input: { locationId: shop.otherStore.id },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("keeps codes once each and reports why a code did not apply", async () => {
    const cart = await createCart(db.prisma, { actor: null, input: {} });
    await addCartCode(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: { code: "summer" },
    });
    const view = await addCartCode(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: { code: " SUMMER " },
    });
    expect(view.codes).toEqual(["summer"]);
    expect(view.codeOutcomes).toEqual([
      expect.objectContaining({ code: "SUMMER", status: "unknown" }),
    ]);
    const cleared = await removeCartCode(db.prisma, {
      actor: null,
      cartId: cart.id,
      code: "Summer",
    });
    expect(cleared.codes).toEqual([]);
  });

  it("folds a guest's cart into the customer's own at sign-in", async () => {
    const own = await createCart(db.prisma, { actor: shop.customer, input: {} });
    await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId: own.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    const guest = await createCart(db.prisma, { actor: null, input: {} });
    await addCartLine(db.prisma, {
      actor: null,
      cartId: guest.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    await addCartLine(db.prisma, {
      actor: null,
      cartId: guest.id,
      input: {
        variantId: shop.medium.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: shop.store.id,
      },
    });
    await setCartDetails(db.prisma, {
      actor: null,
      cartId: guest.id,
      input: { email: "ada@shop.test", shippingAddress: ADDRESS },
    });

    const merged = await mergeGuestCart(db.prisma, {
      guestCartId: guest.id,
      customer: { id: shop.customerId, email: "ada@shop.test" },
    });

    expect(merged).toBe(own.id);
    const view = await getCartView(db.prisma, { actor: shop.customer, cartId: own.id });
    expect(view.lines.map((l) => [l.fulfillment, l.quantity])).toEqual([
      ["SHIP", 2],
      ["PICKUP", 1],
    ]);
    const leftover = await db.prisma.cart.findUniqueOrThrow({ where: { id: guest.id } });
    expect(leftover.status).toBe("MERGED");
    await expect(
      addCartLine(db.prisma, {
        actor: null,
        cartId: guest.id,
        input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
