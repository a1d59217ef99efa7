import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { availabilityForVariants } from "@/lib/inventory/availability";
import { receiveStock } from "@/lib/inventory/receive-stock";
import {
  convertReservationsToSale,
  releaseExpiredReservations,
  releaseReservations,
} from "@/lib/inventory/release-reservations";
import { reserveShippedLine } from "@/lib/inventory/reserve-shipped-line";
import { reserveStock } from "@/lib/inventory/reserve-stock";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { openClients, PATIENT_TX } from "./connections";
import { buildWorld, failure, inTx, SYSTEM, type World, writtenRows } from "./fixtures";

let db: TestDatabase;
let world: World;
let clients: PrismaClient[];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma, { variants: 9 });
  // Four "app instances" of five connections each.
  clients = openClients(db.url, 4, 5);
});

function variant(i: number) {
  const v = world.variants[i];
  if (!v) throw new Error(`no variant ${i}`);
  return v;
}

async function receive(sku: string, location: string, quantity: number) {
  await inTx(db.prisma, (tx) =>
    receiveStock(tx, SYSTEM, { location, lines: [{ sku, quantity }] }),
  );
}

async function levelOf(variantId: string, locationId: string) {
  return db.prisma.inventoryLevel.findUniqueOrThrow({
    where: { variantId_locationId: { variantId, locationId } },
  });
}

describe("taking the last units", () => {
  it("sells the last 50 units exactly once to 200 buyers racing on four instances", async () => {
    const tee = variant(0);
    await receive(tee.sku, "WH-1", 50);

    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, buyer) => {
        const client = clients[buyer % clients.length] as PrismaClient;
        return client
          .$transaction(
            (tx) =>
              reserveStock(tx, {
                lines: [
                  { variantId: tee.id, locationId: world.warehouse.id, quantity: 1 },
                ],
                owner: { type: "CART_HOLD", id: `buyer-${buyer}` },
                expiresAt: new Date(Date.now() + 15 * 60_000),
              }),
            PATIENT_TX,
          )
          .then(
            () => "reserved",
            (error: unknown) => (isAppError(error) ? error.code : String(error)),
          );
      }),
    );

    expect(outcomes.filter((o) => o === "reserved")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "insufficient_stock")).toHaveLength(150);
    const level = await levelOf(tee.id, world.warehouse.id);
    expect(level).toMatchObject({ onHand: 50, reserved: 50 });
    expect(await db.prisma.reservation.count({ where: { variantId: tee.id } })).toBe(50);
  });

  it("tells the 51st buyer what is left, naming the SKU and the location", async () => {
    const tee = variant(0);
    const error = await failure(
      inTx(db.prisma, (tx) =>
        reserveStock(tx, {
          lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity: 1 }],
          owner: { type: "CART_HOLD", id: "late" },
          expiresAt: null,
        }),
      ),
    );
    expect(error.code).toBe("insufficient_stock");
    expect(error.publicMessage).toBe(`Only 0 of ${tee.sku} available at WH-1 (1 asked).`);
    expect(error.fields).toHaveProperty(["lines.0.quantity"]);
  });

  it("never oversells when buyers take different quantities", async () => {
    const tee = variant(1);
    await receive(tee.sku, "WH-1", 40);
    const asks = Array.from({ length: 60 }, (_, i) => 1 + (i % 3));
    const outcomes = await Promise.all(
      asks.map((quantity, buyer) =>
        (clients[buyer % clients.length] as PrismaClient)
          .$transaction(
            (tx) =>
              reserveStock(tx, {
                lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity }],
                owner: { type: "CART_HOLD", id: `mixed-${buyer}` },
                expiresAt: null,
              }),
            PATIENT_TX,
          )
          .then(
            () => quantity,
            () => 0,
          ),
      ),
    );
    const sold = outcomes.reduce((a, b) => a + b, 0);
    const level = await levelOf(tee.id, world.warehouse.id);
    expect(level.reserved).toBe(sold);
    expect(sold).toBeLessThanOrEqual(40);
    // Every remaining unit was offered to someone asking for 1 after it was free.
    expect(40 - sold).toBeLessThan(3);
  });
});

describe("multi-line orders", () => {
  it("finishes orders taking the same SKUs in opposite orders without deadlock", async () => {
    const skus = [variant(2), variant(3), variant(4)];
    for (const v of skus) await receive(v.sku, "WH-1", 1000);
    const line = (v: { id: string }) => ({
      variantId: v.id,
      locationId: world.warehouse.id,
      quantity: 1,
    });

    const orders = Array.from({ length: 40 }, (_, i) => {
      const lines = i % 2 === 0 ? skus.map(line) : [...skus].reverse().map(line);
      return (clients[i % clients.length] as PrismaClient).$transaction(
        (tx) =>
          reserveStock(tx, {
            lines,
            owner: { type: "ORDER_LINE", id: `order-${i}` },
            expiresAt: null,
          }),
        PATIENT_TX,
      );
    });
    const results = await Promise.allSettled(orders);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    for (const v of skus)
      expect((await levelOf(v.id, world.warehouse.id)).reserved).toBe(40);
  });

  it("sums lines of one SKU and location first, and takes nothing when short", async () => {
    const tee = variant(5);
    const other = variant(6);
    await receive(tee.sku, "WH-1", 5);
    await receive(other.sku, "WH-1", 5);
    const before = await writtenRows(db.prisma);

    const error = await failure(
      inTx(db.prisma, (tx) =>
        reserveStock(tx, {
          lines: [
            { variantId: other.id, locationId: world.warehouse.id, quantity: 2 },
            { variantId: tee.id, locationId: world.warehouse.id, quantity: 3 },
            { variantId: tee.id, locationId: world.warehouse.id, quantity: 3 },
          ],
          owner: { type: "ORDER_LINE", id: "summed" },
          expiresAt: null,
        }),
      ),
    );
    expect(error.code).toBe("insufficient_stock");
    expect(error.publicMessage).toContain(
      `Only 5 of ${tee.sku} available at WH-1 (6 asked)`,
    );
    expect(error.fields).toHaveProperty(["lines.1.quantity"]);
    expect(await writtenRows(db.prisma)).toEqual(before);
  });

  it("respects safety stock", async () => {
    const tee = variant(7);
    await receive(tee.sku, "STR-MAN", 3);
    await db.prisma.inventoryLevel.update({
      where: {
        variantId_locationId: { variantId: tee.id, locationId: world.manchester.id },
      },
      data: { safetyStock: 1 },
    });
    const take = (quantity: number) =>
      inTx(db.prisma, (tx) =>
        reserveStock(tx, {
          lines: [{ variantId: tee.id, locationId: world.manchester.id, quantity }],
          owner: { type: "CART_HOLD", id: "safety" },
          expiresAt: null,
        }),
      );
    expect((await failure(take(3))).code).toBe("insufficient_stock");
    await take(2);
    await releaseReservations(db.prisma as never, {
      owner: { type: "CART_HOLD", id: "safety" },
    });
  });

  it("refuses zero and negative quantities and an empty order, naming the line", async () => {
    const tee = variant(5);
    const error = await failure(
      inTx(db.prisma, (tx) =>
        reserveStock(tx, {
          lines: [
            { variantId: tee.id, locationId: world.warehouse.id, quantity: 0 },
            { variantId: tee.id, locationId: world.warehouse.id, quantity: -2 },
          ],
          owner: { type: "ORDER_LINE", id: "bad" },
          expiresAt: null,
        }),
      ),
    );
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields ?? {})).toEqual([
      "lines.0.quantity",
      "lines.1.quantity",
    ]);
    const empty = await failure(
      inTx(db.prisma, (tx) =>
        reserveStock(tx, {
          lines: [],
          owner: { type: "ORDER_LINE", id: "x" },
          expiresAt: null,
        }),
      ),
    );
    expect(Object.keys(empty.fields ?? {})).toEqual(["lines"]);
  });
});

describe("release, sale and expiry", () => {
  it("releases an owner's reservations once, even when released twice", async () => {
    const tee = variant(5);
    await inTx(db.prisma, (tx) =>
      reserveStock(tx, {
        lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity: 2 }],
        owner: { type: "CART_HOLD", id: "cart-1" },
        expiresAt: null,
      }),
    );
    expect((await levelOf(tee.id, world.warehouse.id)).reserved).toBe(2);
    const owner = { type: "CART_HOLD" as const, id: "cart-1" };
    const [first, second] = await Promise.all([
      inTx(db.prisma, (tx) => releaseReservations(tx, { owner })),
      inTx(clients[0] as PrismaClient, (tx) => releaseReservations(tx, { owner })),
    ]);
    expect((first?.units ?? 0) + (second?.units ?? 0)).toBe(2);
    expect((await levelOf(tee.id, world.warehouse.id)).reserved).toBe(0);
  });

  it("turns a reservation into a sale: on hand and reserved drop, with a SALE", async () => {
    const tee = variant(6);
    const owner = { type: "ORDER_LINE" as const, id: "line-77" };
    await inTx(db.prisma, (tx) =>
      reserveStock(tx, {
        lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity: 2 }],
        owner,
        expiresAt: null,
      }),
    );
    const before = await levelOf(tee.id, world.warehouse.id);
    await inTx(db.prisma, (tx) =>
      convertReservationsToSale(tx, {
        owner,
        sourceType: "order",
        sourceId: "o-77",
        actor: "system",
      }),
    );
    const after = await levelOf(tee.id, world.warehouse.id);
    expect(after.onHand).toBe(before.onHand - 2);
    expect(after.reserved).toBe(before.reserved - 2);
    const sale = await db.prisma.stockMovement.findFirstOrThrow({
      where: { sourceType: "order", sourceId: "o-77" },
    });
    expect(sale).toMatchObject({ reason: "SALE", quantity: -2 });

    const again = await failure(
      inTx(db.prisma, (tx) =>
        convertReservationsToSale(tx, {
          owner,
          sourceType: "order",
          sourceId: "o-77",
          actor: "system",
        }),
      ),
    );
    expect(again.code).toBe("conflict");
  });

  it("gives an expired reservation's units back, once, however many sweepers run", async () => {
    const tee = variant(3);
    const levelBefore = await levelOf(tee.id, world.warehouse.id);
    await inTx(db.prisma, (tx) =>
      reserveStock(tx, {
        lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity: 4 }],
        owner: { type: "CART_HOLD", id: "abandoned" },
        expiresAt: new Date(Date.now() - 1000),
      }),
    );
    await inTx(db.prisma, (tx) =>
      reserveStock(tx, {
        lines: [{ variantId: tee.id, locationId: world.warehouse.id, quantity: 1 }],
        owner: { type: "CART_HOLD", id: "still-shopping" },
        expiresAt: new Date(Date.now() + 60 * 60_000),
      }),
    );

    const sweeps = await Promise.all(clients.map((c) => releaseExpiredReservations(c)));
    expect(sweeps.reduce((n, s) => n + s.units, 0)).toBe(4);
    const level = await levelOf(tee.id, world.warehouse.id);
    expect(level.reserved).toBe(levelBefore.reserved + 1);
    const swept = await db.prisma.reservation.findFirstOrThrow({
      where: { ownerId: "abandoned" },
    });
    expect(swept.closedAt).not.toBeNull();
    const kept = await db.prisma.reservation.findFirstOrThrow({
      where: { ownerId: "still-shopping" },
    });
    expect(kept.closedAt).toBeNull();
  });
});

describe("splitting a shipped line", () => {
  it("serves from one location when one can, and splits over the fewest otherwise", async () => {
    const [tee] = await db.prisma.variant.findMany({ where: { sku: "TEE-9" } });
    const id = tee?.id ?? "";
    await receive("TEE-9", "WH-1", 3);
    await receive("TEE-9", "WH-2", 4);
    await receive("TEE-9", "STR-MAN", 2);
    await receive("TEE-9", "STR-LDN", 20); // a store that does not ship

    const one = await inTx(db.prisma, (tx) =>
      reserveShippedLine(tx, {
        variantId: id,
        quantity: 4,
        owner: { type: "ORDER_LINE", id: "s1" },
        expiresAt: null,
      }),
    );
    expect(one.map((r) => [r.locationId, r.quantity])).toEqual([[world.north.id, 4]]);

    const split = await inTx(db.prisma, (tx) =>
      reserveShippedLine(tx, {
        variantId: id,
        quantity: 5,
        owner: { type: "ORDER_LINE", id: "s2" },
        expiresAt: null,
      }),
    );
    expect(split.map((r) => [r.locationId, r.quantity]).sort()).toEqual(
      [
        [world.warehouse.id, 3],
        [world.manchester.id, 2],
      ].sort(),
    );

    const short = await failure(
      inTx(db.prisma, (tx) =>
        reserveShippedLine(tx, {
          variantId: id,
          quantity: 1,
          owner: { type: "ORDER_LINE", id: "s3" },
          expiresAt: null,
        }),
      ),
    );
    expect(short.code).toBe("insufficient_stock");
    expect(short.publicMessage).toBe("Only 0 of TEE-9 can be shipped.");

    const shown = (await availabilityForVariants(db.prisma, [id])).get(id);
    expect(shown?.shippable).toBe(0);
    expect(shown?.pickup.find((p) => p.locationCode === "STR-LDN")?.available).toBe(20);
  });

  it("leaves every level equal to its ledger", async () => {
    expect((await verifyLedger(db.prisma)).differences).toEqual([]);
  });
});
