/**
 * Where shipped lines are sent from, through placeOrder on real
 * PostgreSQL: the nearest warehouse that has the goods, one parcel when
 * one warehouse holds the whole basket, a line split across warehouses
 * when none can send it alone, and a warehouse at its daily capacity
 * passed over. The shop's own warehouse and store are in Leeds; a second
 * warehouse is in London.
 */
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
let london: { id: string };
const { providers } = testProviders();
const LONDON_ADDRESS = { ...ADDRESS, city: "London", postalCode: "SW1A 1AA" };
let skus = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  london = await db.prisma.location.create({
    data: {
      code: "WH-LON",
      name: "London warehouse",
      kind: "WAREHOUSE",
      addressLine1: "1 Dock Road",
      city: "London",
      postalCode: "E16 1AA",
      country: "GB",
      latitude: 51.5,
      longitude: 0.02,
      timezone: "Europe/London",
      canShip: true,
    },
  });
});

/** A product of its own, so each case sees only the stock it receives. */
async function variant(stock: { leeds?: number; london?: number }) {
  skus += 1;
  const product = await db.prisma.product.create({
    data: {
      handle: `routed-${skus}`,
      title: `Routed ${skus}`,
      status: "ACTIVE",
      optionNames: [],
      variants: {
        create: [{ sku: `ROUTED-${skus}`, optionValues: [], priceMinor: 1999 }],
      },
    },
    include: { variants: true },
  });
  const id = product.variants[0]?.id ?? "";
  if (stock.leeds) await receive(db.prisma, id, shop.warehouse.id, stock.leeds);
  if (stock.london) await receive(db.prisma, id, london.id, stock.london);
  return id;
}

async function buy(
  lines: { variantId: string; quantity: number }[],
  address: typeof ADDRESS = ADDRESS,
) {
  const cart = await createCart(db.prisma, {
    actor: shop.customer,
    input: { shippingAddress: address },
  });
  for (const line of lines) {
    await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { ...line, fulfillment: "SHIP" },
    });
  }
  const result = await placeOrder(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    idempotencyKey: `route-${cart.id}`,
    input: { tenders: [{ kind: "card", token: VISA }] },
    providers,
  });
  if (result.outcome !== "placed") throw new Error(`not placed: ${result.code}`);
  return db.prisma.order.findUniqueOrThrow({
    where: { id: result.order.id },
    include: { lines: true, fulfillments: true },
  });
}

describe("routing shipped lines", () => {
  it("sends from the nearest warehouse that has the goods", async () => {
    const tee = await variant({ leeds: 2, london: 2 });

    const toLeeds = await buy([{ variantId: tee, quantity: 1 }]);
    const toLondon = await buy([{ variantId: tee, quantity: 1 }], LONDON_ADDRESS);

    expect(toLeeds.fulfillments.map((f) => f.locationId)).toEqual([shop.warehouse.id]);
    expect(toLondon.fulfillments.map((f) => f.locationId)).toEqual([london.id]);
  });

  it("keeps a basket in one parcel when one warehouse holds all of it", async () => {
    const both = await variant({ leeds: 1, london: 1 });
    const londonOnly = await variant({ london: 1 });

    // Leeds is nearer for the first line, but London can send both.
    const order = await buy([
      { variantId: both, quantity: 1 },
      { variantId: londonOnly, quantity: 1 },
    ]);

    expect(order.fulfillments).toHaveLength(1);
    expect(order.fulfillments[0]?.locationId).toBe(london.id);
    expect(await level(db.prisma, both, shop.warehouse.id)).toEqual({
      onHand: 1,
      reserved: 0,
    });
  });

  it("splits a line no warehouse can send alone, and its parts add up", async () => {
    const tee = await variant({ leeds: 2, london: 5 });

    const order = await buy([{ variantId: tee, quantity: 6 }]);

    // Fewest locations: London's five, then the nearest with one more.
    const parts = order.lines
      .map((l) => ({ locationId: l.locationId, quantity: l.quantity }))
      .sort((a, b) => b.quantity - a.quantity);
    expect(parts).toEqual([
      { locationId: london.id, quantity: 5 },
      { locationId: shop.warehouse.id, quantity: 1 },
    ]);
    expect(order.fulfillments.map((f) => f.locationId).sort()).toEqual(
      [london.id, shop.warehouse.id].sort(),
    );
    const sum = (pick: (l: (typeof order.lines)[number]) => number) =>
      order.lines.reduce((n, l) => n + pick(l), 0);
    expect(sum((l) => l.totalMinor)).toBe(6 * 1999);
    expect(sum((l) => l.taxMinor)).toBe(order.taxMinor);
    expect(order.lines.every((l) => l.unitPriceMinor === 1999)).toBe(true);
    // Each fulfillment captures its own goods, shipping shared between them.
    expect(order.fulfillments.reduce((n, f) => n + f.amountMinor, 0)).toBe(
      order.totalMinor,
    );
    expect(await level(db.prisma, tee, london.id)).toEqual({ onHand: 5, reserved: 5 });
    expect(await level(db.prisma, tee, shop.warehouse.id)).toEqual({
      onHand: 2,
      reserved: 1,
    });
    expect(
      await db.prisma.reservation.count({
        where: { variantId: tee, ownerType: "ORDER_LINE", closedAt: null },
      }),
    ).toBe(2);
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });

  it("passes over a warehouse at its daily capacity", async () => {
    const open = await db.prisma.fulfillment.count({
      where: { locationId: shop.warehouse.id, method: "SHIP", status: "ALLOCATED" },
    });
    expect(open).toBeGreaterThan(0);
    await db.prisma.location.update({
      where: { id: shop.warehouse.id },
      data: { dailyCapacity: open },
    });
    const tee = await variant({ leeds: 1, london: 1 });

    const order = await buy([{ variantId: tee, quantity: 1 }]);

    expect(order.fulfillments.map((f) => f.locationId)).toEqual([london.id]);
    await db.prisma.location.update({
      where: { id: shop.warehouse.id },
      data: { dailyCapacity: 0 },
    });
  });

  it("refuses a line the whole network cannot cover, naming it, and takes nothing", async () => {
    const tee = await variant({ leeds: 1, london: 1 });
    const cart = await createCart(db.prisma, {
      actor: shop.customer,
      input: { shippingAddress: ADDRESS },
    });
    // The cart checks the chain's total; a sale elsewhere then takes one.
    const view = await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { variantId: tee, quantity: 2, fulfillment: "SHIP" },
    });
    await buy([{ variantId: tee, quantity: 1 }]);

    await expect(
      placeOrder(db.prisma, {
        actor: shop.customer,
        cartId: cart.id,
        idempotencyKey: "too-many",
        input: { tenders: [{ kind: "card", token: VISA }] },
        providers,
      }),
    ).rejects.toMatchObject({
      code: "insufficient_stock",
      fields: { [`lines.${view.lines[0]?.id}`]: [expect.any(String)] },
    });
    expect(
      (await level(db.prisma, tee, shop.warehouse.id)).reserved +
        (await level(db.prisma, tee, london.id)).reserved,
    ).toBe(1);
  });
});
