import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { type PromotionStatus, promotionStatus } from "@/lib/pricing";
import { toEnginePromotion } from "@/lib/pricing-data/promotions";

/** "paused" is a promotion switched off; otherwise the engine's status at the instant. */
export type PromotionListStatus = PromotionStatus | "paused" | "invalid";

export interface PromotionListItem {
  id: string;
  name: string;
  status: PromotionListStatus;
  benefitType: string;
  requiresCode: boolean;
  channels: string[];
  priority: number;
  isExclusive: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  redemptions: number;
  usageLimit: number | null;
  codeCount: number;
  updatedAt: Date;
}

/** Status of a stored promotion at an instant, as the back-office shows it. */
export function statusOf(
  row: { id: string; isActive: boolean; definition: unknown },
  at: Date,
): PromotionListStatus {
  if (!row.isActive) return "paused";
  const promotion = toEnginePromotion(row);
  return promotion ? promotionStatus(promotion, at.toISOString()) : "invalid";
}

const STATUS_ORDER: Record<PromotionListStatus, number> = {
  active: 0,
  scheduled: 1,
  paused: 2,
  ended: 3,
  invalid: 4,
};

/**
 * Every promotion with its status at `at` and redemptions so far: active
 * ones first, then scheduled, paused and ended; highest priority first.
 */
export async function listPromotions(
  db: Db,
  options: { at?: Date } = {},
): Promise<PromotionListItem[]> {
  const at = options.at ?? new Date();
  const rows = await db.promotion.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { _count: { select: { codes: true } } },
  });
  const items = rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: statusOf(row, at),
    benefitType: row.benefitType,
    requiresCode: row.requiresCode,
    channels: row.channels,
    priority: row.priority,
    isExclusive: row.isExclusive,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    redemptions: row.timesRedeemed,
    usageLimit: row.usageLimit,
    codeCount: row._count.codes,
    updatedAt: row.updatedAt,
  }));
  return items.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.priority - a.priority ||
      a.name.localeCompare(b.name, "en-GB"),
  );
}

/** One promotion with its engine definition, status and code batches. */
export async function getPromotion(db: Db, id: string, options: { at?: Date } = {}) {
  const row = await db.promotion.findUnique({ where: { id } });
  if (!row) throw notFound("The promotion");
  const batches = await db.promotionCode.groupBy({
    by: ["batchId"],
    where: { promotionId: id },
    _count: { _all: true },
    _sum: { timesUsed: true },
    _min: { createdAt: true },
    orderBy: { _min: { createdAt: "asc" } },
  });
  const shared = await db.promotionCode.findMany({
    where: { promotionId: id, batchId: null },
    orderBy: { createdAt: "asc" },
  });
  return {
    row,
    definition: toEnginePromotion(row),
    status: statusOf(row, options.at ?? new Date()),
    sharedCodes: shared,
    batches: batches
      .filter((batch) => batch.batchId !== null)
      .map((batch) => ({
        batchId: batch.batchId as string,
        count: batch._count._all,
        used: batch._sum.timesUsed ?? 0,
        createdAt: batch._min.createdAt,
      })),
  };
}
