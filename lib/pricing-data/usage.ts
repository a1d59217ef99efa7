import type { Db } from "@/lib/db/client";
import type { PromotionUsage } from "@/lib/pricing";

/**
 * Redemptions so far of each promotion, in total and by one customer, as
 * the engine checks limits. Totals come with the promotions; only the
 * customer's own counts are read here.
 */
export async function loadPromotionUsage(
  db: Db,
  options: {
    totals: ReadonlyMap<string, number>;
    customerKey: string | null;
  },
): Promise<Record<string, PromotionUsage>> {
  const ids = [...options.totals.keys()];
  const mine =
    options.customerKey && ids.length > 0
      ? await db.promotionCustomerUsage.findMany({
          where: { customerKey: options.customerKey, promotionId: { in: ids } },
          select: { promotionId: true, timesRedeemed: true },
        })
      : [];
  const byCustomer = new Map(mine.map((row) => [row.promotionId, row.timesRedeemed]));

  return Object.fromEntries(
    ids.map((id) => [
      id,
      { total: options.totals.get(id) ?? 0, byCustomer: byCustomer.get(id) ?? 0 },
    ]),
  );
}
