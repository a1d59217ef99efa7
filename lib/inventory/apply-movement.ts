import type { Tx } from "@/lib/db/client";
import type { MovementReason } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { emitLevelChanged, type LevelSnapshot } from "./level-events";
import { compareLevels } from "./level-key";
import {
  addLayers,
  consumeLayers,
  type LayerSlice,
  planAddedLayers,
} from "./receipt-layers";

/**
 * How far a negative movement may take a level:
 * - "none": as far as it goes, even below zero (the shelf wins at the counter);
 * - "non_negative": not below zero on hand (adjustments, write-offs);
 * - "unreserved": not into units promised to reservations (transfers out).
 */
export type MovementGuard = "none" | "non_negative" | "unreserved";

export interface MovementInput {
  variantId: string;
  locationId: string;
  /** Signed and never zero: positive adds stock, negative removes it. */
  quantity: number;
  reason: MovementReason;
  /** The record that caused it, e.g. ("transfer", "<id>"). */
  sourceType: string;
  sourceId?: string | null;
  note?: string | null;
  /** actorRef() of who did it. */
  actor: string;
  /** Units of this level's open reservations the movement settles (a sale of reserved stock). */
  settlesReserved?: number;
  guard?: MovementGuard;
  /** For positive movements: the dated batches the units join; default one dated now. */
  layers?: readonly LayerSlice[];
  /** Field to name when the guard refuses, e.g. "lines.2.quantity". */
  field?: string;
}

export interface AppliedMovement extends LevelSnapshot {
  movementId: string;
  quantity: number;
  /** For negative movements: the layers taken, oldest first. */
  consumed: LayerSlice[];
}

type LevelRow = Omit<LevelSnapshot, "variantId" | "locationId">;

/**
 * Applies one movement to the ledger: updates the level (creating it when
 * missing), appends the movement, keeps the receipt layers in step and
 * announces the new level, all in the caller's transaction. Every stock
 * change in the product goes through here.
 */
export async function applyMovement(
  tx: Tx,
  input: MovementInput,
): Promise<AppliedMovement> {
  if (!Number.isInteger(input.quantity) || input.quantity === 0) {
    throw new AppError("internal", "A stock movement needs a non-zero whole quantity.", {
      internal: `movement of ${input.quantity} for ${input.variantId}`,
    });
  }

  const level = await updateLevel(tx, input);
  const movement = await tx.stockMovement.create({
    data: {
      variantId: input.variantId,
      locationId: input.locationId,
      quantity: input.quantity,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId ?? null,
      note: input.note ?? null,
      actor: input.actor,
    },
    select: { id: true },
  });

  let consumed: LayerSlice[] = [];
  if (input.quantity > 0) {
    await addLayers(tx, {
      variantId: input.variantId,
      locationId: input.locationId,
      movementId: movement.id,
      layers: planAddedLayers({
        slices: input.layers ?? [],
        onHandBefore: level.onHand - input.quantity,
        quantity: input.quantity,
      }),
    });
  } else {
    consumed = await consumeLayers(tx, {
      variantId: input.variantId,
      locationId: input.locationId,
      quantity: -input.quantity,
    });
  }

  const snapshot = { variantId: input.variantId, locationId: input.locationId, ...level };
  await emitLevelChanged(tx, snapshot);
  return { ...snapshot, movementId: movement.id, quantity: input.quantity, consumed };
}

/**
 * Applies several movements in the one lock order (variant, location), so
 * two transactions moving the same levels never deadlock. Results come
 * back in the order given.
 */
export async function applyMovements(
  tx: Tx,
  inputs: readonly MovementInput[],
): Promise<AppliedMovement[]> {
  const order = inputs.map((input, index) => ({ input, index }));
  order.sort((a, b) => compareLevels(a.input, b.input) || a.index - b.index);

  const results: AppliedMovement[] = new Array(inputs.length);
  for (const { input, index } of order) {
    results[index] = await applyMovement(tx, input);
  }
  return results;
}

async function updateLevel(tx: Tx, input: MovementInput): Promise<LevelRow> {
  const guard = input.guard ?? "none";
  const settles = input.settlesReserved ?? 0;

  // Unguarded changes that settle nothing may meet a level that does not
  // exist yet (first receipt, or a counter sale of unranged stock).
  if ((guard === "none" || input.quantity > 0) && settles === 0) {
    const [row] = await tx.$queryRaw<LevelRow[]>`
      INSERT INTO "InventoryLevel" ("variantId", "locationId", "onHand", "updatedAt")
      VALUES (${input.variantId}, ${input.locationId}, ${input.quantity},
              now() AT TIME ZONE 'UTC')
      ON CONFLICT ("variantId", "locationId") DO UPDATE
        SET "onHand" = "InventoryLevel"."onHand" + EXCLUDED."onHand",
            "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "onHand", reserved, "safetyStock",
        (SELECT sku FROM "Variant" WHERE id = "InventoryLevel"."variantId") AS sku`;
    if (!row) throw new AppError("internal", "The stock level could not be updated.");
    return row;
  }

  const rows = await tx.$queryRaw<LevelRow[]>`
    UPDATE "InventoryLevel"
    SET "onHand" = "onHand" + ${input.quantity},
        reserved = reserved - ${settles},
        "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "variantId" = ${input.variantId} AND "locationId" = ${input.locationId}
      AND (${guard} = 'none'
        OR (${guard} = 'non_negative' AND "onHand" + ${input.quantity} >= 0)
        OR (${guard} = 'unreserved'
            AND "onHand" + ${input.quantity} >= reserved - ${settles}))
    RETURNING "onHand", reserved, "safetyStock",
      (SELECT sku FROM "Variant" WHERE id = "InventoryLevel"."variantId") AS sku`;
  const [row] = rows;
  if (row) return row;

  throw await refusal(tx, input, guard);
}

/** The out-of-stock answer for a refused movement, naming what is left. */
async function refusal(tx: Tx, input: MovementInput, guard: MovementGuard) {
  const [info] = await tx.$queryRaw<
    {
      sku: string | null;
      code: string | null;
      onHand: number | null;
      reserved: number | null;
    }[]
  >`
    SELECT (SELECT sku FROM "Variant" WHERE id = ${input.variantId}) AS sku,
           (SELECT code FROM "Location" WHERE id = ${input.locationId}) AS code,
           l."onHand", l.reserved
    FROM (SELECT 1) AS one
    LEFT JOIN "InventoryLevel" AS l
      ON l."variantId" = ${input.variantId} AND l."locationId" = ${input.locationId}`;
  const onHand = info?.onHand ?? 0;
  const reserved = info?.reserved ?? 0;
  const left = Math.max(0, guard === "unreserved" ? onHand - reserved : onHand);
  const sku = info?.sku ?? input.variantId;
  const where = info?.code ?? input.locationId;
  const message = `Only ${left} of ${sku} can be taken at ${where}.`;
  return new AppError("insufficient_stock", message, {
    internal: `${input.reason} ${input.quantity} refused by ${guard} guard (${message})`,
    fields: { [input.field ?? "quantity"]: [message] },
  });
}
