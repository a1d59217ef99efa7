import type { Tx } from "@/lib/db/client";

/** Units of one dated batch, as a layer holds them or a shipment carries them. */
export interface LayerSlice {
  receivedAt: Date;
  quantity: number;
  unitCostMinor: number | null;
  currency: string | null;
}

/**
 * Splits the units a positive movement brings into the layers they join.
 * When the level was below zero, the first units fill that hole (they
 * stand for goods already sold off the shelf), taken from the oldest
 * slices, so a level's remaining always equals max(0, onHand).
 */
export function planAddedLayers(options: {
  slices: readonly LayerSlice[];
  onHandBefore: number;
  quantity: number;
}): (LayerSlice & { remaining: number })[] {
  const { onHandBefore, quantity } = options;
  const given = options.slices
    .filter((s) => s.quantity > 0)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());

  // Slices may cover less or more than the movement; trim or top up so
  // that the layers hold exactly the units moved.
  const slices: LayerSlice[] = [];
  let left = quantity;
  for (const slice of given) {
    if (left === 0) break;
    const take = Math.min(slice.quantity, left);
    slices.push({ ...slice, quantity: take });
    left -= take;
  }
  if (left > 0) {
    slices.push({
      receivedAt: new Date(),
      quantity: left,
      unitCostMinor: null,
      currency: null,
    });
  }

  let hole = Math.max(0, -onHandBefore);
  return slices.map((slice) => {
    const filled = Math.min(hole, slice.quantity);
    hole -= filled;
    return { ...slice, remaining: slice.quantity - filled };
  });
}

/** Adds the layers of a positive movement. */
export async function addLayers(
  tx: Tx,
  options: {
    variantId: string;
    locationId: string;
    movementId: string;
    layers: readonly (LayerSlice & { remaining: number })[];
  },
): Promise<void> {
  if (options.layers.length === 0) return;
  await tx.receiptLayer.createMany({
    data: options.layers.map((layer) => ({
      variantId: options.variantId,
      locationId: options.locationId,
      movementId: options.movementId,
      receivedAt: layer.receivedAt,
      quantity: layer.quantity,
      remaining: layer.remaining,
      unitCostMinor: layer.unitCostMinor,
      currency: layer.currency,
    })),
  });
}

/**
 * Takes units out of a level's oldest layers first, in one statement, and
 * returns what it took, oldest first. The caller already holds the level's
 * row lock, so no one else consumes the same layers meanwhile.
 */
export async function consumeLayers(
  tx: Tx,
  options: { variantId: string; locationId: string; quantity: number },
): Promise<LayerSlice[]> {
  if (options.quantity <= 0) return [];
  const rows = await tx.$queryRaw<
    {
      receivedAt: Date;
      taken: number;
      unitCostMinor: number | null;
      currency: string | null;
    }[]
  >`
    WITH ordered AS (
      SELECT id, remaining,
        SUM(remaining) OVER (ORDER BY "receivedAt", "createdAt", id) AS running
      FROM "ReceiptLayer"
      WHERE "variantId" = ${options.variantId}
        AND "locationId" = ${options.locationId}
        AND remaining > 0
    ), take AS (
      SELECT id, LEAST(remaining, ${options.quantity} - (running - remaining))::int AS taken
      FROM ordered
      WHERE running - remaining < ${options.quantity}
    )
    UPDATE "ReceiptLayer" AS layer
    SET remaining = layer.remaining - take.taken
    FROM take
    WHERE layer.id = take.id
    RETURNING layer."receivedAt", take.taken, layer."unitCostMinor", layer.currency`;

  return rows
    .map((row) => ({
      receivedAt: row.receivedAt,
      quantity: row.taken,
      unitCostMinor: row.unitCostMinor,
      currency: row.currency,
    }))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * Rebuilds every level's layers from its movements, replaying them in
 * order: for data written before layers existed, such as the demo seed.
 */
export async function rebuildReceiptLayers(tx: Tx): Promise<number> {
  await tx.$executeRaw`DELETE FROM "ReceiptLayer"`;
  const movements = await tx.stockMovement.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      variantId: true,
      locationId: true,
      quantity: true,
      createdAt: true,
    },
  });

  type Layer = LayerSlice & { remaining: number; movementId: string };
  const byLevel = new Map<string, { onHand: number; layers: Layer[] }>();
  for (const m of movements) {
    const key = `${m.variantId}|${m.locationId}`;
    const level = byLevel.get(key) ?? { onHand: 0, layers: [] };
    byLevel.set(key, level);
    if (m.quantity > 0) {
      const [added] = planAddedLayers({
        slices: [
          {
            receivedAt: m.createdAt,
            quantity: m.quantity,
            unitCostMinor: null,
            currency: null,
          },
        ],
        onHandBefore: level.onHand,
        quantity: m.quantity,
      });
      if (added) level.layers.push({ ...added, movementId: m.id });
    } else {
      let left = -m.quantity;
      for (const layer of level.layers) {
        const take = Math.min(layer.remaining, left);
        layer.remaining -= take;
        left -= take;
        if (left === 0) break;
      }
    }
    level.onHand += m.quantity;
  }

  const rows = [...byLevel.entries()].flatMap(([key, level]) => {
    const [variantId = "", locationId = ""] = key.split("|");
    return level.layers.map((layer) => ({
      variantId,
      locationId,
      movementId: layer.movementId,
      receivedAt: layer.receivedAt,
      quantity: layer.quantity,
      remaining: layer.remaining,
    }));
  });
  for (let start = 0; start < rows.length; start += 500) {
    await tx.receiptLayer.createMany({ data: rows.slice(start, start + 500) });
  }
  return rows.length;
}
