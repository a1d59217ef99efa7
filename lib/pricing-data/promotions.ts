import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { cachedReference } from "@/lib/db/reference-cache";
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

/** A switched-on promotion as the cache keeps it, with what reads filter on. */
interface SwitchedOnPromotion {
  promotion: Promotion;
  startsAt: Date | null;
  endsAt: Date | null;
  locationIds: string[];
  currency: string | null;
  hasUsageLimit: boolean;
  timesRedeemed: number;
}

/** Cached promotions include those that ended this long before the load. */
const ENDED_WINDOW_MS = 3_600_000;

/**
 * The promotions a cart is priced against: live at the instant, offered on
 * the channel, at the store and in the currency (or unrestricted), highest
 * priority first. Definitions come from the pricing cache when it is on;
 * redemption totals of promotions with a limit are always read fresh.
 */
export async function loadActivePromotions(
  db: Db,
  options: ActivePromotionsOptions,
): Promise<ActivePromotion[]> {
  const { at, channel, locationId, currency } = options;
  const codeIds = new Set(options.codePromotionIds ?? []);
  const loadedAt = Date.now();
  let switchedOn = await cachedReference(db, "promotions", () =>
    loadSwitchedOn(db, new Date(loadedAt - ENDED_WINDOW_MS)),
  );
  if (at.getTime() < loadedAt - ENDED_WINDOW_MS) {
    // Pricing far in the past (a re-price of an old order): read it all.
    switchedOn = await loadSwitchedOn(db, null);
  }

  const live = switchedOn.filter((row) => {
    if (row.startsAt && row.startsAt > at) return false;
    if (row.endsAt && row.endsAt <= at) return false;
    if (codeIds.has(row.promotion.id)) return true;
    const isAtLocation =
      row.locationIds.length === 0 ||
      (locationId !== null && row.locationIds.includes(locationId));
    const isInCurrency = row.currency === null || row.currency === currency;
    const { channels } = row.promotion.conditions;
    // A code's promotion for another channel still loads (above), so the
    // explanation can say why it does not apply here.
    const isOffered = channels.length === 0 || channels.includes(channel);
    return isAtLocation && isInCurrency && isOffered;
  });

  const limited = live.filter((row) => row.hasUsageLimit).map((row) => row.promotion.id);
  const totals =
    limited.length > 0
      ? new Map(
          (
            await db.promotion.findMany({
              where: { id: { in: limited } },
              select: { id: true, timesRedeemed: true },
            })
          ).map((row) => [row.id, row.timesRedeemed]),
        )
      : new Map<string, number>();
  return live.map((row) => ({
    promotion: row.promotion,
    timesRedeemed: totals.get(row.promotion.id) ?? row.timesRedeemed,
  }));
}

/** Switched-on promotions not ended before `endedAfter` (all when null), by priority. */
async function loadSwitchedOn(
  db: Db,
  endedAfter: Date | null,
): Promise<SwitchedOnPromotion[]> {
  const rows = await db.promotion.findMany({
    where: {
      isActive: true,
      ...(endedAfter ? { OR: [{ endsAt: null }, { endsAt: { gt: endedAfter } }] } : {}),
    },
    select: {
      id: true,
      definition: true,
      timesRedeemed: true,
      usageLimit: true,
      startsAt: true,
      endsAt: true,
      locationIds: true,
      currency: true,
    },
    orderBy: [{ priority: "desc" }, { id: "asc" }],
  });
  return rows.flatMap((row) => {
    const promotion = toEnginePromotion(row);
    if (!promotion) return [];
    return [
      {
        promotion,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        locationIds: row.locationIds,
        currency: row.currency,
        hasUsageLimit: row.usageLimit !== null,
        timesRedeemed: row.timesRedeemed,
      },
    ];
  });
}
