/**
 * A randomized mix of everything that moves stock, run concurrently on
 * several connections, must leave every level equal to its ledger: on hand
 * to its movements, reserved to its open reservations, and receipt layers
 * to what is on hand. fast-check draws the mixes; a failing mix is shrunk.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { approveCount } from "@/lib/inventory/approve-count";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { receiveTransfer } from "@/lib/inventory/receive-transfer";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";
import {
  convertReservationsToSale,
  releaseExpiredReservations,
  releaseReservations,
} from "@/lib/inventory/release-reservations";
import { requestTransfer } from "@/lib/inventory/request-transfer";
import { reserveStock } from "@/lib/inventory/reserve-stock";
import { restockReturn } from "@/lib/inventory/restock-return";
import { scanCount } from "@/lib/inventory/scan-count";
import { shipTransfer } from "@/lib/inventory/ship-transfer";
import { startCount } from "@/lib/inventory/start-count";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { openClients, PATIENT_TX } from "./connections";
import { buildWorld, SYSTEM, type World } from "./fixtures";

let db: TestDatabase;
let world: World;
let clients: PrismaClient[];
let locations: { id: string; code: string }[];

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma, { variants: 4, prefix: "MIX" });
  clients = openClients(db.url, 3, 4);
  locations = [world.warehouse, world.north, world.london, world.manchester];
});

type Op =
  | { kind: "receive"; v: number; at: number; quantity: number }
  | { kind: "sell"; v: number; at: number; quantity: number }
  | { kind: "return"; v: number; at: number; quantity: number }
  | { kind: "adjust"; v: number; at: number; quantity: number }
  | {
      kind: "reserve";
      lines: { v: number; at: number; quantity: number }[];
      after: "sell" | "release" | "expire";
    }
  | {
      kind: "transfer";
      v: number;
      from: number;
      to: number;
      quantity: number;
      received: number;
    }
  | { kind: "count"; v: number; at: number; counted: number };

const vi = fc.integer({ min: 0, max: 3 });
const qty = fc.integer({ min: 1, max: 6 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("receive" as const), v: vi, at: vi, quantity: qty }),
  fc.record({ kind: fc.constant("sell" as const), v: vi, at: vi, quantity: qty }),
  fc.record({ kind: fc.constant("return" as const), v: vi, at: vi, quantity: qty }),
  fc.record({
    kind: fc.constant("adjust" as const),
    v: vi,
    at: vi,
    quantity: fc.integer({ min: -4, max: 4 }).filter((n) => n !== 0),
  }),
  fc.record({
    kind: fc.constant("reserve" as const),
    lines: fc.array(fc.record({ v: vi, at: vi, quantity: qty }), {
      minLength: 1,
      maxLength: 3,
    }),
    after: fc.constantFrom("sell" as const, "release" as const, "expire" as const),
  }),
  fc.record({
    kind: fc.constant("transfer" as const),
    v: vi,
    from: vi,
    to: vi,
    quantity: qty,
    received: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant("count" as const),
    v: vi,
    at: vi,
    counted: fc.integer({ min: 0, max: 9 }),
  }),
);

let serial = 0;

/** Runs one operation; refusals the product is meant to give are fine. */
async function run(client: PrismaClient, op: Op): Promise<string> {
  const id = `mix-${++serial}`;
  const sku = (v: number) => world.variants[v]?.sku ?? "";
  const variantId = (v: number) => world.variants[v]?.id ?? "";
  const loc = (i: number) => locations[i] ?? world.warehouse;
  const tx = <T>(
    fn: Parameters<PrismaClient["$transaction"]>[0] & ((t: never) => Promise<T>),
  ) => client.$transaction(fn as never, PATIENT_TX) as Promise<T>;

  try {
    switch (op.kind) {
      case "receive":
        await tx((t) =>
          receiveStock(t, SYSTEM, {
            location: loc(op.at).code,
            lines: [{ sku: sku(op.v), quantity: op.quantity }],
          }),
        );
        break;
      case "sell":
        await tx((t) =>
          recordCounterSale(t, {
            actor: SYSTEM,
            locationId: loc(op.at).id,
            lines: [{ variantId: variantId(op.v), quantity: op.quantity }],
            sourceType: "order",
            sourceId: id,
          }),
        );
        break;
      case "return":
        await tx((t) =>
          restockReturn(t, {
            actor: SYSTEM,
            locationId: loc(op.at).id,
            lines: [{ variantId: variantId(op.v), quantity: op.quantity }],
            sourceType: "return",
            sourceId: id,
          }),
        );
        break;
      case "adjust":
        await tx((t) =>
          adjustStock(t, SYSTEM, {
            location: loc(op.at).code,
            reason: op.quantity < 0 ? "DAMAGE" : "ADJUSTMENT",
            lines: [{ sku: sku(op.v), quantity: op.quantity }],
          }),
        );
        break;
      case "reserve": {
        const owner = { type: "CART_HOLD" as const, id };
        const expiresAt = op.after === "expire" ? new Date(Date.now() - 1000) : null;
        await tx((t) =>
          reserveStock(t, {
            lines: op.lines.map((l) => ({
              variantId: variantId(l.v),
              locationId: loc(l.at).id,
              quantity: l.quantity,
            })),
            owner,
            expiresAt,
          }),
        );
        if (op.after === "sell") {
          await tx((t) =>
            convertReservationsToSale(t, {
              owner,
              sourceType: "order",
              sourceId: id,
              actor: "system",
            }),
          );
        } else if (op.after === "release") {
          await tx((t) => releaseReservations(t, { owner }));
        } else {
          await releaseExpiredReservations(client);
        }
        break;
      }
      case "transfer": {
        if (op.from === op.to) return "skipped";
        const transfer = await tx((t) =>
          requestTransfer(t, SYSTEM, {
            from: loc(op.from).code,
            to: loc(op.to).code,
            lines: [{ sku: sku(op.v), quantity: op.quantity }],
          }),
        );
        await tx((t) => shipTransfer(t, SYSTEM, { id: transfer.id }));
        await tx((t) =>
          receiveTransfer(t, SYSTEM, {
            id: transfer.id,
            lines: [{ sku: sku(op.v), quantity: op.received }],
          }),
        );
        break;
      }
      case "count": {
        const count = await tx((t) =>
          startCount(t, SYSTEM, { location: loc(op.at).code }),
        );
        await tx((t) =>
          scanCount(t, SYSTEM, {
            id: count.id,
            code: sku(op.v),
            quantity: op.counted,
            mode: "set",
          }),
        );
        await tx((t) => approveCount(t, SYSTEM, { id: count.id, zeroUncounted: false }));
        break;
      }
    }
    return "ok";
  } catch (error) {
    // Out of stock and "a count is already open here" are answers, not faults.
    if (isAppError(error) && ["insufficient_stock", "conflict"].includes(error.code)) {
      return error.code;
    }
    throw error;
  }
}

describe("a randomized mix of concurrent stock changes", () => {
  it("leaves every level equal to its ledger", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 40 }), async (ops) => {
        const outcomes = await Promise.all(
          ops.map((op, i) => run(clients[i % clients.length] as PrismaClient, op)),
        );
        expect(outcomes.length).toBe(ops.length);
        const report = await verifyLedger(db.prisma);
        expect(report.differences).toEqual([]);
        const negativeReserved = await db.prisma.inventoryLevel.count({
          where: { reserved: { lt: 0 } },
        });
        expect(negativeReserved).toBe(0);
      }),
      { numRuns: 12, seed: 20261203 },
    );
  });
});
