import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReservationOwner } from "@/lib/db/generated/enums";
import { AppError, isAppError } from "@/lib/errors";
import { planSplitAllocation } from "./plan-split-allocation";
import { reserveStock, type TakenReservation } from "./reserve-stock";

/** Attempts before giving up when other buyers keep taking the planned units. */
const MAX_ATTEMPTS = 3;

let savepoints = 0;

/**
 * Reserves a shipped line across the ship-capable locations, split over as
 * few as possible when no single one can serve it. If another buyer takes
 * the planned units first, the attempt is rolled back to a savepoint and
 * planned again from fresh figures. Throws `insufficient_stock` when the
 * network as a whole cannot cover the line.
 */
export async function reserveShippedLine(
  tx: Tx,
  options: {
    variantId: string;
    quantity: number;
    owner: { type: ReservationOwner; id: string };
    expiresAt: Date | null;
    /** Location ids in routing's order of preference; others follow by stock. */
    preferredLocationIds?: readonly string[];
  },
): Promise<TakenReservation[]> {
  for (let attempt = 1; ; attempt++) {
    const candidates = await shippingCandidates(tx, options);
    const plan = planSplitAllocation({ quantity: options.quantity, candidates });
    if (plan.shortfall > 0) {
      const available = options.quantity - plan.shortfall;
      const sku = await tx.variant.findUnique({
        where: { id: options.variantId },
        select: { sku: true },
      });
      const message = `Only ${available} of ${sku?.sku ?? "that item"} can be shipped.`;
      throw new AppError("insufficient_stock", message, {
        fields: { quantity: [message] },
      });
    }

    const savepoint = Prisma.raw(`reserve_split_${++savepoints}`);
    await tx.$executeRaw`SAVEPOINT ${savepoint}`;
    try {
      const taken = await reserveStock(tx, {
        lines: plan.allocations.map((a) => ({
          variantId: options.variantId,
          locationId: a.locationId,
          quantity: a.quantity,
        })),
        owner: options.owner,
        expiresAt: options.expiresAt,
      });
      await tx.$executeRaw`RELEASE SAVEPOINT ${savepoint}`;
      return taken;
    } catch (error) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT ${savepoint}`;
      const isRace = isAppError(error) && error.code === "insufficient_stock";
      if (!isRace || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function shippingCandidates(
  tx: Tx,
  options: { variantId: string; preferredLocationIds?: readonly string[] },
) {
  const rows = await tx.$queryRaw<{ locationId: string; available: number }[]>`
    SELECT l."locationId", (l."onHand" - l.reserved - l."safetyStock")::int AS available
    FROM "InventoryLevel" AS l
    JOIN "Location" AS loc ON loc.id = l."locationId"
    WHERE l."variantId" = ${options.variantId} AND loc."isActive" AND loc."canShip"
      AND l."onHand" - l.reserved - l."safetyStock" > 0
    ORDER BY available DESC, l."locationId"`;
  const preferred = options.preferredLocationIds ?? [];
  const rank = (id: string) => {
    const index = preferred.indexOf(id);
    return index === -1 ? preferred.length : index;
  };
  return rows
    .map((row, order) => ({ ...row, order }))
    .sort((a, b) => rank(a.locationId) - rank(b.locationId) || a.order - b.order);
}
