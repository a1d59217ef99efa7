import type { Tx } from "@/lib/db/client";

/**
 * Gives back the promotion uses an order counted when its payment failed:
 * the order's redemption rows go, and each counter they moved (the
 * promotion's total, the customer's count, the code's uses) is stepped
 * back, in promotion id order like recordRedemptions, so a declined card
 * never burns a single-use code.
 */
export async function undoRedemptions(tx: Tx, orderId: string): Promise<void> {
  const rows = await tx.promotionRedemption.findMany({
    where: { orderId },
    orderBy: { promotionId: "asc" },
  });
  for (const row of rows) {
    await tx.$executeRaw`
      UPDATE "Promotion" SET "timesRedeemed" = "timesRedeemed" - 1
      WHERE id = ${row.promotionId} AND "timesRedeemed" > 0`;
    if (row.customerKey) {
      await tx.$executeRaw`
        UPDATE "PromotionCustomerUsage" SET "timesRedeemed" = "timesRedeemed" - 1,
          "updatedAt" = now()
        WHERE "promotionId" = ${row.promotionId} AND "customerKey" = ${row.customerKey}
          AND "timesRedeemed" > 0`;
    }
    if (row.codeId) {
      await tx.$executeRaw`
        UPDATE "PromotionCode" SET "timesUsed" = "timesUsed" - 1
        WHERE id = ${row.codeId} AND "timesUsed" > 0`;
    }
  }
  await tx.promotionRedemption.deleteMany({ where: { orderId } });
}
