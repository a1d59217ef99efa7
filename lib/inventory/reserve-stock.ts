import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReservationOwner } from "@/lib/db/generated/enums";
import { uuid7 } from "@/lib/db/uuid7";
import { AppError, type FieldErrors } from "@/lib/errors";
import { announceAfterCommit } from "@/lib/events/emit-event";
import { type LevelSnapshot, levelChangedOutboxInsert } from "./level-events";
import { sumByLevel } from "./level-key";

export interface ReservationLine {
  variantId: string;
  locationId: string;
  /** Positive whole units. */
  quantity: number;
  /** The owner of this line's reservation when not the call's owner (an order line). */
  ownerId?: string;
}

export interface ReserveStockOptions {
  lines: readonly ReservationLine[];
  owner: { type: ReservationOwner; id: string };
  /** When the sweeper gives the units back; null holds until released. */
  expiresAt: Date | null;
}

export interface TakenReservation {
  id: string;
  variantId: string;
  locationId: string;
  quantity: number;
  ownerType: ReservationOwner;
  ownerId: string;
  expiresAt: Date | null;
}

type LevelRow = Omit<LevelSnapshot, "variantId" | "locationId">;

/**
 * Reserves stock for an owner inside the caller's transaction. Lines that
 * hit the same variant and location are summed, then each level is taken
 * by one conditional UPDATE (never read-then-write) in the fixed lock
 * order, so concurrent buyers can never take more than is available and
 * two multi-line orders cannot deadlock. When any level falls short it
 * throws `insufficient_stock` naming the SKU, the location and what is
 * left; the caller's transaction then rolls back, so nothing is taken.
 */
export async function reserveStock(
  tx: Tx,
  options: ReserveStockOptions,
): Promise<TakenReservation[]> {
  checkLines(options);
  const groups = sumByLevel(options.lines);

  const levels: LevelSnapshot[] = [];
  const reservations: TakenReservation[] = [];
  for (const group of groups) {
    const taken = await reserveLevel(tx, group, options);
    if (!taken) throw await shortfall(tx, group);
    levels.push(taken.level);
    reservations.push(...taken.reservations);
  }

  if (levels.length > 0) announceAfterCommit(tx, ["inventory.level_changed"]);
  return reservations;
}

/**
 * Takes one level's units for the options' lines that hit it, in one
 * statement: the conditional update of the level and, only when it
 * matched, the reservation rows and the level's outbox event. Returns null
 * (and takes nothing) when the level cannot cover them. Given the root
 * client rather than a transaction, the statement commits on its own, so
 * a busy SKU's row is locked only while PostgreSQL runs it.
 */
export async function reserveLevel(
  db: Db,
  group: { variantId: string; locationId: string; quantity: number },
  options: ReserveStockOptions,
): Promise<{ level: LevelSnapshot; reservations: TakenReservation[] } | null> {
  // The reservation rows of the lines that hit this level.
  const rows = options.lines
    .filter((l) => l.variantId === group.variantId && l.locationId === group.locationId)
    .map((l) => ({
      id: uuid7(),
      quantity: l.quantity,
      ownerId: l.ownerId ?? options.owner.id,
    }));

  const [row] = await db.$queryRaw<LevelRow[]>`
    WITH level AS (
      UPDATE "InventoryLevel"
      SET reserved = reserved + ${group.quantity},
          "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "variantId" = ${group.variantId} AND "locationId" = ${group.locationId}
        AND "onHand" - reserved - "safetyStock" >= ${group.quantity}
      RETURNING "variantId", "locationId", "onHand", reserved, "safetyStock"
    ), held AS (
      INSERT INTO "Reservation"
        (id, "variantId", "locationId", quantity, "ownerType", "ownerId", "expiresAt",
         "createdAt")
      SELECT r.id, level."variantId", level."locationId", r.quantity,
        ${options.owner.type}::"ReservationOwner", r.owner_id, ${options.expiresAt},
        now() AT TIME ZONE 'UTC'
      FROM level, unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.quantity)}::int[],
        ${rows.map((r) => r.ownerId)}::text[]) AS r(id, quantity, owner_id)
      RETURNING id
    ), variant AS (
      SELECT sku FROM "Variant" WHERE id = ${group.variantId}
    ), announced AS (
      ${levelChangedOutboxInsert(Prisma.sql`FROM level, variant`)}
      RETURNING id
    )
    SELECT "onHand", reserved, "safetyStock", variant.sku
    FROM level, variant`;
  if (!row) return null;

  return {
    level: { variantId: group.variantId, locationId: group.locationId, ...row },
    reservations: rows.map((r) => ({
      id: r.id,
      variantId: group.variantId,
      locationId: group.locationId,
      quantity: r.quantity,
      ownerType: options.owner.type,
      ownerId: r.ownerId,
      expiresAt: options.expiresAt,
    })),
  };
}

/** Refuses lines that are not whole positive quantities, naming each. */
export function checkLines(options: ReserveStockOptions): void {
  const fields: FieldErrors = {};
  if (options.lines.length === 0) fields.lines = ["Reserve at least one line."];
  if (!options.owner.id) fields["owner.id"] = ["A reservation needs an owner."];
  options.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      fields[`lines.${i}.quantity`] = ["Reserve a whole number of units, at least 1."];
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some fields need attention.", { fields });
  }
}

/** The out-of-stock answer for a level that could not be taken. */
export async function shortfall(
  tx: Db,
  group: { variantId: string; locationId: string; quantity: number; firstIndex: number },
): Promise<AppError> {
  const [info] = await tx.$queryRaw<
    { sku: string | null; code: string | null; available: number | null }[]
  >`
    SELECT (SELECT sku FROM "Variant" WHERE id = ${group.variantId}) AS sku,
           (SELECT code FROM "Location" WHERE id = ${group.locationId}) AS code,
           GREATEST(0, l."onHand" - l.reserved - l."safetyStock")::int AS available
    FROM (SELECT 1) AS one
    LEFT JOIN "InventoryLevel" AS l
      ON l."variantId" = ${group.variantId} AND l."locationId" = ${group.locationId}`;

  const field = `lines.${group.firstIndex}.quantity`;
  if (!info?.sku) {
    return new AppError("invalid_input", "That product does not exist.", {
      fields: { [`lines.${group.firstIndex}.variantId`]: ["Unknown variant."] },
    });
  }
  if (!info.code) {
    return new AppError("invalid_input", "That location does not exist.", {
      fields: { [`lines.${group.firstIndex}.locationId`]: ["Unknown location."] },
    });
  }
  const available = info.available ?? 0;
  const message =
    `Only ${available} of ${info.sku} available at ${info.code} ` +
    `(${group.quantity} asked).`;
  return new AppError("insufficient_stock", message, { fields: { [field]: [message] } });
}
