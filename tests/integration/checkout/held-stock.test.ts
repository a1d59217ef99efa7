import { beforeAll, describe, expect, it, vi } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { loadCheckoutCart, lockCheckoutCart } from "@/lib/checkout/load-checkout-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import {
  claimHeldStock,
  HOLD_MINUTES,
  holdStock,
  releaseHeldStock,
} from "@/lib/inventory/hold-stock";
import {
  releaseExpiredReservations,
  releaseReservations,
} from "@/lib/inventory/release-reservations";
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

// Stands in for a process that dies after holding stock: the give-back
// that placeOrder runs when it stops never reaches the database.
const crash = vi.hoisted(() => ({ isOn: false }));
vi.mock("@/lib/inventory/hold-stock", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/inventory/hold-stock")>();
  return {
    ...actual,
    releaseHeldStock: (...args: Parameters<typeof actual.releaseHeldStock>) =>
      crash.isOn
        ? Promise.reject(new Error("the process died"))
        : actual.releaseHeldStock(...args),
  };
});

let db: TestDatabase;
let shop: Shop;
const { providers, testCard } = testProviders();
const AFTER_HOLD = (HOLD_MINUTES + 1) * 60_000;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 10);
});

async function shippedCart(quantity = 1) {
  const cart = await createCart(db.prisma, {
    actor: null,
    input: { email: "held@shop.test", shippingAddress: ADDRESS },
  });
  await addCartLine(db.prisma, {
    actor: null,
    cartId: cart.id,
    input: { variantId: shop.small.id, quantity, fulfillment: "SHIP" },
  });
  return cart;
}

function hold(quantity: number, now = new Date()) {
  return holdStock(db.prisma, {
    lines: [{ variantId: shop.small.id, locationId: shop.warehouse.id, quantity }],
    owner: { type: "ORDER_LINE", id: "order-that-never-was" },
    now,
  });
}

const stock = () => level(db.prisma, shop.small.id, shop.warehouse.id);

describe("stock held before the order is written", () => {
  it("gives the units back at once when the total was not the one shown", async () => {
    const before = await stock();
    const cart = await shippedCart();

    await expect(
      placeOrder(db.prisma, {
        actor: null,
        cartId: cart.id,
        idempotencyKey: "wrong-total",
        input: { tenders: [{ kind: "card", token: VISA }], expectedTotalMinor: 1 },
        providers,
      }),
    ).rejects.toMatchObject({ code: "conflict" });

    expect(await stock()).toEqual(before);
    expect(await db.prisma.reservation.count({ where: { closedAt: null } })).toBe(0);
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });

  it("leaks nothing past the hold when the checkout dies after taking stock", async () => {
    const before = await stock();
    const cart = await shippedCart(2);

    crash.isOn = true;
    try {
      await expect(
        placeOrder(db.prisma, {
          actor: null,
          cartId: cart.id,
          idempotencyKey: "dies",
          input: { tenders: [{ kind: "card", token: VISA }], expectedTotalMinor: 1 },
          providers,
        }),
      ).rejects.toMatchObject({ code: "conflict" });
    } finally {
      crash.isOn = false;
    }

    // The units stay held, with an expiry, by no order.
    expect(await stock()).toEqual({ ...before, reserved: before.reserved + 2 });
    const held = await db.prisma.reservation.findMany({ where: { closedAt: null } });
    expect(held).toHaveLength(1);
    expect(held[0]?.expiresAt).not.toBeNull();
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);

    // A sweep before the hold lapses keeps them; the first after gives them back.
    expect(await releaseExpiredReservations(db.prisma)).toEqual({
      released: 0,
      units: 0,
    });
    const later = new Date(Date.now() + AFTER_HOLD);
    expect(await releaseExpiredReservations(db.prisma, { now: later })).toEqual({
      released: 1,
      units: 2,
    });
    expect(await stock()).toEqual(before);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);

    // The shopper can check the same cart out afterwards.
    const placed = await placeOrder(db.prisma, {
      actor: null,
      cartId: cart.id,
      idempotencyKey: "dies-retry",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    expect(placed.outcome).toBe("placed");
    expect(await stock()).toEqual({ ...before, reserved: before.reserved + 2 });
  });

  it("gives back what a twin request held when the same key is sent twice at once", async () => {
    const before = await stock();
    const cart = await shippedCart();
    const checkout = () =>
      placeOrder(db.prisma, {
        actor: null,
        cartId: cart.id,
        idempotencyKey: "twins",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      });

    const answers = await Promise.all([checkout(), checkout(), checkout()]);

    const ids = answers.map((a) => (a.outcome === "placed" ? a.order.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toBeNull();
    expect(await stock()).toEqual({ ...before, reserved: before.reserved + 1 });
    const unclaimed = await db.prisma.reservation.count({
      where: { closedAt: null, expiresAt: { not: null } },
    });
    expect(unclaimed).toBe(0);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });

  it("keeps a hold its order claimed, whatever the sweeper's clock says", async () => {
    const before = await stock();
    const held = await hold(1);

    expect(await db.prisma.$transaction((tx) => claimHeldStock(tx, held))).toBe(true);
    const farLater = new Date(Date.now() + 24 * 60 * 60_000);
    expect(await releaseExpiredReservations(db.prisma, { now: farLater })).toEqual({
      released: 0,
      units: 0,
    });
    // Nor does a give-back take it: the claimed units are the order's now.
    await releaseHeldStock(db.prisma, held);
    expect(await stock()).toEqual({ ...before, reserved: before.reserved + 1 });

    await db.prisma.$transaction((tx) =>
      releaseReservations(tx, { reservationIds: held.map((r) => r.id) }),
    );
    expect(await stock()).toEqual(before);
  });

  it("claims all of a hold or none of it", async () => {
    const before = await stock();
    const first = await hold(1);
    const second = await hold(1, new Date(Date.now() - AFTER_HOLD));
    // Only the older hold has lapsed: the sweeper takes it back.
    await releaseExpiredReservations(db.prisma);

    const both = [...first, ...second];
    expect(await db.prisma.$transaction((tx) => claimHeldStock(tx, both))).toBe(false);
    const unclaimed = await db.prisma.reservation.findFirstOrThrow({
      where: { id: first[0]?.id },
    });
    expect(unclaimed.expiresAt).not.toBeNull();

    await releaseHeldStock(db.prisma, both);
    expect(await stock()).toEqual(before);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });

  it("refuses to claim a hold the sweeper already gave back", async () => {
    const before = await stock();
    const held = await hold(1);
    await releaseExpiredReservations(db.prisma, {
      now: new Date(Date.now() + AFTER_HOLD),
    });

    expect(await db.prisma.$transaction((tx) => claimHeldStock(tx, held))).toBe(false);
    // Giving it back again changes nothing: each unit returns once.
    await releaseHeldStock(db.prisma, held);
    expect(await stock()).toEqual(before);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });

  it("takes nothing when the level cannot cover the hold, naming the line", async () => {
    const before = await stock();
    const available = before.onHand - before.reserved;

    await expect(hold(available + 1)).rejects.toMatchObject({
      code: "insufficient_stock",
      fields: { "lines.0.quantity": [expect.stringContaining(`Only ${available}`)] },
    });
    expect(await stock()).toEqual(before);
  });

  it("notices under the lock a cart that changed after checkout read it", async () => {
    const cart = await shippedCart();
    const read = await loadCheckoutCart(db.prisma, cart.id);
    const unchanged = await db.prisma.$transaction((tx) => lockCheckoutCart(tx, read));
    expect(unchanged).toEqual({ status: "OPEN", orderId: null, isChanged: false });

    await addCartLine(db.prisma, {
      actor: null,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    const changed = await db.prisma.$transaction((tx) => lockCheckoutCart(tx, read));
    expect(changed.isChanged).toBe(true);
  });

  it("charges a sold-out shopper nothing and writes no order", async () => {
    const before = await stock();
    const cart = await shippedCart();
    const rest = await shippedCart(before.onHand - before.reserved);
    const authorizations = testCard.journal().authorizations;
    await placeOrder(db.prisma, {
      actor: null,
      cartId: rest.id,
      idempotencyKey: "rest",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    const lineId = (await loadCheckoutCart(db.prisma, cart.id)).lines[0]?.id;

    await expect(
      placeOrder(db.prisma, {
        actor: null,
        cartId: cart.id,
        idempotencyKey: "too-late",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "insufficient_stock",
      fields: { [`lines.${lineId}`]: [expect.any(String)] },
    });
    expect(testCard.journal().authorizations).toBe(authorizations + 1);
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
