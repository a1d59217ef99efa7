import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorLabel, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";

export const ReviewOfflineSaleSchema = z.strictObject({
  saleId: z.uuid({ error: "Choose an offline sale." }),
  /** What the manager did about it, e.g. "price change agreed, nothing to refund". */
  note: z.string().trim().max(500, { error: "Use at most 500 characters." }).default(""),
});

/**
 * A store manager marks an offline sale's differences or rejection as
 * dealt with: it leaves the list to review, keeping who and when.
 */
export async function reviewOfflineSale(db: PrismaClient, actor: Actor, input: unknown) {
  const { saleId, note } = parseInput(ReviewOfflineSaleSchema, input);
  return db.$transaction(async (tx) => {
    const sale = await tx.offlineSale.findUnique({
      where: { id: saleId },
      select: { id: true, locationId: true, status: true, reviewedAt: true },
    });
    if (!sale) throw notFound("The offline sale");
    authorize(actor, "orders:manage", { locationId: sale.locationId });
    if (sale.status === "ACCEPTED") {
      throw new AppError(
        "conflict",
        "This sale was accepted as it was: nothing to review.",
      );
    }
    const reviewedAt = new Date();
    const updated = await tx.offlineSale.updateMany({
      where: { id: saleId, reviewedAt: null },
      data: { reviewedAt, reviewedBy: actorRef(actor) },
    });
    if (updated.count === 0) {
      throw new AppError("conflict", "Someone has already reviewed this sale.");
    }
    const after = { reviewedAt, reviewedBy: actorLabel(actor), note };
    await recordAudit(tx, {
      actor,
      action: "pos.offline_sale_reviewed",
      entityType: "offline_sale",
      entityId: saleId,
      before: { reviewedAt: null },
      after,
      locationId: sale.locationId,
    });
    await emitEvent(tx, {
      type: "orders.offline_sale_reviewed",
      aggregateType: "offline_sale",
      aggregateId: saleId,
      locationId: sale.locationId,
      payload: { saleId, status: sale.status },
    });
    return { saleId, reviewedAt };
  });
}
