import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/log";
import { type Promotion, PromotionSchema, type SalesChannel } from "@/lib/pricing";

/**
 * The stored definition as the engine reads it, with the row's id. Null
 * (and an error in the log) when it no longer parses, so one broken
 * promotion never stops a till or a checkout.
 */
export function toEnginePromotion(row: {
  id: string;
  definition: unknown;
}): Promotion | null {
  const definition =
    row.definition && typeof row.definition === "object" ? row.definition : {};
  const parsed = PromotionSchema.safeParse({ ...definition, id: row.id });
  if (parsed.success) return parsed.data;
  logger.error(
    { promotionId: row.id, issues: parsed.error.issues },
    "a stored promotion does not match the engine's schema; it is left out",
  );
  return null;
}

/** Live at an instant: switched on, started and not yet ended. */
export function liveAt(at: Date): Prisma.PromotionWhereInput {
  return {
    isActive: true,
    AND: [
      { OR: [{ startsAt: null }, { startsAt: { lte: at } }] },
      { OR: [{ endsAt: null }, { endsAt: { gt: at } }] },
    ],
  };
}

export interface ActivePromotionsOptions {
  at: Date;
  channel: SalesChannel;
  /** The store of the sale, or the shopper's chosen store; null for none. */
  locationId: string | null;
  currency: string;
  /**
   * Promotions of codes the shopper entered. They are loaded whenever they
   * are live, even for another channel, store or currency, so that the
   * explanation can say why the code does not work here.
   */
  codePromotionIds?: readonly string[];
}

export interface ActivePromotion {
  promotion: Promotion;
  /** Redemptions so far, for the engine's total limit. */
  timesRedeemed: number;
}

/**
 * The promotions a cart is priced against: live at the instant, offered on
 * the channel, at the store and in the currency (or unrestricted), highest
 * priority first.
 */
export async function loadActivePromotions(
  db: Db,
  options: ActivePromotionsOptions,
): Promise<ActivePromotion[]> {
  const { at, channel, locationId, currency } = options;
  const offeredHere: Prisma.PromotionWhereInput = {
    AND: [
      // The channel is checked below, on the definition itself: the embedded
      // database's adapter cannot bind an enum value inside an array filter.
      {
        OR: [
          { locationIds: { isEmpty: true } },
          ...(locationId ? [{ locationIds: { has: locationId } }] : []),
        ],
      },
      { OR: [{ currency: null }, { currency }] },
    ],
  };
  const codeIds = [...new Set(options.codePromotionIds ?? [])];
  const rows = await db.promotion.findMany({
    where: {
      ...liveAt(at),
      OR: [offeredHere, ...(codeIds.length > 0 ? [{ id: { in: codeIds } }] : [])],
    },
    select: { id: true, definition: true, timesRedeemed: true },
    orderBy: [{ priority: "desc" }, { id: "asc" }],
  });

  return rows.flatMap((row) => {
    const promotion = toEnginePromotion(row);
    if (!promotion) return [];
    const { channels } = promotion.conditions;
    const isOffered = channels.length === 0 || channels.includes(channel);
    // A code's promotion for another channel still loads, so the
    // explanation can say why it does not apply here.
    if (!isOffered && !codeIds.includes(row.id)) return [];
    return [{ promotion, timesRedeemed: row.timesRedeemed }];
  });
}
