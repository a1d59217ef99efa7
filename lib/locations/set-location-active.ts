import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { setLocationActiveSchema } from "./schemas";

/** Fulfillment states after which a location has nothing left to do. */
export const FINAL_FULFILLMENT_STATES = ["DELIVERED", "PICKED_UP", "CANCELLED"] as const;

/**
 * Why a location may not be deactivated now, in words for the person
 * trying; empty when it may. Stock still on hand (or owed: negative on hand
 * awaits a recount) and fulfillments not yet finished both keep it open.
 */
export async function deactivationBlockers(
  tx: Tx,
  locationId: string,
): Promise<string[]> {
  const [stock, fulfillments] = await Promise.all([
    tx.inventoryLevel.aggregate({
      where: { locationId, onHand: { not: 0 } },
      _count: { _all: true },
      _sum: { onHand: true },
    }),
    tx.fulfillment.findMany({
      where: { locationId, status: { notIn: [...FINAL_FULFILLMENT_STATES] } },
      select: { order: { select: { number: true } } },
      take: 50,
    }),
  ]);

  const reasons: string[] = [];
  const variants = stock._count._all;
  if (variants > 0) {
    const units = stock._sum.onHand ?? 0;
    reasons.push(
      `It still holds stock: ${units} units on hand across ${variants} ` +
        `${variants === 1 ? "variant" : "variants"}. Transfer or adjust it to zero first.`,
    );
  }
  if (fulfillments.length > 0) {
    const numbers = [...new Set(fulfillments.map((f) => f.order.number))];
    const shown = numbers.slice(0, 5).join(", ");
    const more = numbers.length > 5 ? ` and ${numbers.length - 5} more` : "";
    reasons.push(
      `It has open orders to fulfil (${shown}${more}). ` +
        "Complete, cancel or move them to another location first.",
    );
  }
  return reasons;
}

/**
 * Deactivates a location (refused with the reasons while it holds stock or
 * open orders) or brings it back. Runs serializable so a stock receipt or an
 * order racing the check cannot slip in between the check and the change.
 */
export async function setLocationActive(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "locations:manage");
  const { id, isActive } = parseInput(setLocationActiveSchema, input);
  authorize(actor, "locations:manage", { locationId: id });

  return db.$transaction(
    async (tx) => {
      const location = await tx.location.findUnique({ where: { id } });
      if (!location) throw notFound("The location");
      if (location.isActive === isActive) return location;

      if (!isActive) {
        const reasons = await deactivationBlockers(tx, id);
        if (reasons.length > 0) {
          throw new AppError(
            "conflict",
            `${location.name} cannot be deactivated. ${reasons.join(" ")}`,
            { internal: `deactivation of ${id} refused: ${reasons.join(" ")}` },
          );
        }
      }

      const updated = await tx.location.update({ where: { id }, data: { isActive } });
      const action = isActive ? "location.reactivated" : "location.deactivated";
      await recordAudit(tx, {
        actor,
        action,
        entityType: "location",
        entityId: id,
        locationId: id,
        before: { isActive: location.isActive },
        after: { isActive },
      });
      await emitEvent(tx, {
        type: action,
        aggregateType: "location",
        aggregateId: id,
        locationId: id,
        payload: { code: location.code, isActive },
      });
      return updated;
    },
    { isolationLevel: "Serializable" },
  );
}
