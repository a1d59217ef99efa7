import type { PrismaClient, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReservationOwner } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { applyMovements, type MovementInput } from "./apply-movement";
import { emitLevelChanged, type LevelSnapshot } from "./level-events";
import { compareLevels, type LevelRef, levelKey, sumByLevel } from "./level-key";

/** Which open reservations a call is about: by id, by owner, or both. */
export interface ReservationSelector {
  reservationIds?: readonly string[];
  owner?: { type: ReservationOwner; id: string };
}

interface ClosedRow extends LevelRef {
  id: string;
  quantity: number;
}

/**
 * Closes the selected open reservations and returns what they held. Rows
 * already closed (released, sold or swept) are skipped, so a release that
 * races the sweeper gives each unit back once.
 */
async function closeReservations(tx: Tx, selector: ReservationSelector) {
  const ids = selector.reservationIds ?? [];
  const owner = selector.owner;
  if (ids.length === 0 && !owner) {
    throw new AppError("invalid_input", "Say which reservations to close.", {
      fields: { reservationIds: ["Give reservation ids or an owner."] },
    });
  }
  const byId =
    ids.length > 0 ? Prisma.sql`AND id IN (${Prisma.join(ids)})` : Prisma.empty;
  const byOwner = owner
    ? Prisma.sql`AND "ownerType" = ${owner.type}::"ReservationOwner"
                 AND "ownerId" = ${owner.id}`
    : Prisma.empty;
  return tx.$queryRaw<ClosedRow[]>`
    UPDATE "Reservation" SET "closedAt" = now() AT TIME ZONE 'UTC'
    WHERE "closedAt" IS NULL ${byId} ${byOwner}
    RETURNING id, "variantId", "locationId", quantity`;
}

/** Gives reserved units back to their levels, in lock order. */
async function unreserve(tx: Tx, closed: readonly ClosedRow[]): Promise<void> {
  for (const group of sumByLevel(closed)) {
    const [row] = await tx.$queryRaw<Omit<LevelSnapshot, "variantId" | "locationId">[]>`
      UPDATE "InventoryLevel"
      SET reserved = reserved - ${group.quantity}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "variantId" = ${group.variantId} AND "locationId" = ${group.locationId}
      RETURNING "onHand", reserved, "safetyStock",
        (SELECT sku FROM "Variant" WHERE id = "InventoryLevel"."variantId") AS sku`;
    if (row) await emitLevelChanged(tx, { ...group, ...row });
  }
}

/**
 * Releases open reservations (a cart abandoned, an order cancelled) and
 * returns their units to available, in the caller's transaction.
 */
export async function releaseReservations(
  tx: Tx,
  selector: ReservationSelector,
): Promise<{ released: number; units: number }> {
  const closed = await closeReservations(tx, selector);
  await unreserve(tx, closed);
  return { released: closed.length, units: closed.reduce((n, r) => n + r.quantity, 0) };
}

export interface ConvertToSaleOptions extends ReservationSelector {
  /** The record the sale belongs to, e.g. ("order", "<id>"). */
  sourceType: string;
  sourceId: string;
  actor: string;
}

/**
 * Turns open reservations into the sale they were held for: each level
 * loses the units from both on hand and reserved, with a SALE movement.
 * Throws `conflict` when none of the selected reservations is still open
 * (it expired and was swept, or was already sold).
 */
export async function convertReservationsToSale(tx: Tx, options: ConvertToSaleOptions) {
  const closed = await closeReservations(tx, options);
  if (closed.length === 0) {
    throw new AppError("conflict", "The held stock is no longer reserved.", {
      internal: `no open reservation for ${JSON.stringify(
        options.owner ?? options.reservationIds,
      )}`,
    });
  }
  const movements: MovementInput[] = sumByLevel(closed).map((group) => ({
    variantId: group.variantId,
    locationId: group.locationId,
    quantity: -group.quantity,
    settlesReserved: group.quantity,
    reason: "SALE",
    sourceType: options.sourceType,
    sourceId: options.sourceId,
    actor: options.actor,
  }));
  return applyMovements(tx, movements);
}

export interface SweepOptions {
  /** Reservations that expired at or before this moment; default now. */
  now?: Date;
  /** The most reservations one sweep closes. */
  limit?: number;
}

/**
 * The sweeper: releases reservations whose expiry has passed. It never
 * waits on a lock: reservations and levels that another transaction holds
 * are skipped (`SKIP LOCKED`) and picked up by a later sweep, so any number
 * of app instances can sweep at once without releasing a unit twice and
 * without ever deadlocking with checkout. Returns how many it released.
 */
export async function releaseExpiredReservations(
  db: PrismaClient,
  options: SweepOptions = {},
): Promise<{ released: number; units: number }> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 500;

  const result = await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<ClosedRow[]>`
      SELECT id, "variantId", "locationId", quantity
      FROM "Reservation"
      WHERE "closedAt" IS NULL AND "expiresAt" <= ${now}
      ORDER BY "expiresAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return { released: 0, units: 0 };

    const levels = [...new Map(due.map((r) => [levelKey(r), r])).values()].sort(
      compareLevels,
    );
    const pairs = levels.map((l) => Prisma.sql`(${l.variantId}, ${l.locationId})`);
    const locked = await tx.$queryRaw<LevelRef[]>`
      SELECT "variantId", "locationId" FROM "InventoryLevel"
      WHERE ("variantId", "locationId") IN (${Prisma.join(pairs)})
      ORDER BY "variantId", "locationId"
      FOR UPDATE SKIP LOCKED`;
    const lockedKeys = new Set(locked.map(levelKey));

    const ids = due.filter((r) => lockedKeys.has(levelKey(r))).map((r) => r.id);
    if (ids.length === 0) return { released: 0, units: 0 };
    return releaseReservations(tx, { reservationIds: ids });
  });

  if (result.released > 0) logger.info(result, "released expired reservations");
  return result;
}
