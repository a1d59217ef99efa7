import type { Db, PrismaClient, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { announceAfterCommit } from "@/lib/events/emit-event";
import { levelChangedOutboxInsert } from "./level-events";
import { sumByLevel } from "./level-key";
import {
  checkLines,
  type ReserveStockOptions,
  reserveLevel,
  shortfall,
  type TakenReservation,
} from "./reserve-stock";

/**
 * How long held stock waits for the order that claims it. Past this, the
 * reservation sweeper gives the units back: a process that died between
 * holding stock and writing its order leaks nothing for longer than this
 * (plus one sweep).
 */
export const HOLD_MINUTES = 5;

/**
 * Holds stock ahead of the write that will own it (an order), each level
 * taken by one statement that commits on its own: a busy SKU's row is
 * locked only while PostgreSQL runs that statement, never across a client
 * round trip. The reservations expire after HOLD_MINUTES unless the owner's
 * transaction claims them (`claimHeldStock`). When a level falls short,
 * what was already held is given back and `insufficient_stock` is thrown
 * naming the line, as `reserveStock` does.
 */
export async function holdStock(
  db: PrismaClient,
  options: Omit<ReserveStockOptions, "expiresAt"> & {
    now?: Date;
    /**
     * False when the caller's own write announces the outbox soon after
     * (checkout's order), so the level's event rides on that NOTIFY.
     */
    isAnnounced?: boolean;
  },
): Promise<TakenReservation[]> {
  const now = options.now ?? new Date();
  const reserve = {
    ...options,
    expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
  };
  checkLines(reserve);

  const held: TakenReservation[] = [];
  for (const group of sumByLevel(reserve.lines)) {
    const taken = await reserveLevel(db, group, reserve);
    if (!taken) {
      const error = await shortfall(db, group);
      await releaseHeldStock(db, held);
      throw error;
    }
    held.push(...taken.reservations);
  }
  if (options.isAnnounced !== false) announceAfterCommit(db, ["inventory.level_changed"]);
  return held;
}

/**
 * Makes held stock the owner's for good, in the owner's transaction: the
 * reservations lose their expiry, so the sweeper leaves them alone. All or
 * none, in one statement that locks the reservation rows (not the level),
 * so a sweep running at the same moment either skips them or has already
 * released one, and then nothing is claimed and this returns false: the
 * caller must not write its order.
 */
export async function claimHeldStock(
  tx: Tx,
  held: readonly TakenReservation[],
): Promise<boolean> {
  if (held.length === 0) return true;
  const claimed = await tx.$executeRaw`
    WITH open AS (
      SELECT id FROM "Reservation"
      WHERE id = ANY(${held.map((r) => r.id)}::text[]) AND "closedAt" IS NULL
      FOR UPDATE
    )
    UPDATE "Reservation" SET "expiresAt" = NULL
    WHERE id IN (SELECT id FROM open)
      AND (SELECT count(*) FROM open) = ${held.length}`;
  return claimed === held.length;
}

/**
 * Gives held stock back at once, when what it was held for did not happen
 * (the order was refused, a twin request placed it, the process is giving
 * up). One statement per level closes its reservations and returns their
 * units, so a crash half-way leaves no level disagreeing with its
 * reservations. Only holds still unclaimed are given back: one already
 * closed (swept) gives nothing twice, and one an order claimed (say its
 * COMMIT succeeded but the answer was lost) stays the order's.
 */
export async function releaseHeldStock(
  db: Db,
  held: readonly TakenReservation[],
): Promise<void> {
  if (held.length === 0) return;
  for (const group of sumByLevel(held)) {
    const ids = held
      .filter((r) => r.variantId === group.variantId && r.locationId === group.locationId)
      .map((r) => r.id);
    await db.$executeRaw`
      WITH closed AS (
        UPDATE "Reservation" SET "closedAt" = now() AT TIME ZONE 'UTC'
        WHERE id = ANY(${ids}::text[]) AND "closedAt" IS NULL
          AND "expiresAt" IS NOT NULL
        RETURNING quantity
      ), level AS (
        UPDATE "InventoryLevel"
        SET reserved = reserved - (SELECT SUM(quantity) FROM closed)::int,
            "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE "variantId" = ${group.variantId} AND "locationId" = ${group.locationId}
          AND EXISTS (SELECT 1 FROM closed)
        RETURNING "variantId", "locationId", "onHand", reserved, "safetyStock"
      )
      ${levelChangedOutboxInsert(Prisma.sql`FROM level JOIN "Variant" AS v ON v.id = level."variantId"`)}`;
  }
  announceAfterCommit(db as Tx, ["inventory.level_changed"]);
}
