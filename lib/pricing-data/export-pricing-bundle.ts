import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { PRICING_BUNDLE_FORMAT, type PricingBundle, PricingBundleSchema } from "./bundle";
import { categoryChain } from "./cart-lines";
import { defaultCurrency, loadMarket } from "./markets";
import { toEnginePromotion } from "./promotions";
import { loadLocationAddresses, loadTaxRegions } from "./tax-regions";

/**
 * Everything a POS needs to price sales at one store offline: the market,
 * the promotions offered there on the POS (live now or starting later),
 * their codes, usage so far, every active tax region, the stores'
 * addresses, and the category and collection memberships that targeting
 * reads. Validated by the engine's schemas before it leaves.
 */
export async function exportPricingBundle(
  db: Db,
  options: { locationId: string; at?: Date; currency?: string },
): Promise<PricingBundle> {
  const at = options.at ?? new Date();
  const store = await db.location.findUnique({
    where: { id: options.locationId },
    select: { id: true, country: true },
  });
  if (!store) throw notFound("The location");

  const market = await loadMarket(db, {
    currency: options.currency ?? (await defaultCurrency(db)),
    country: store.country,
  });
  const rows = await db.promotion.findMany({
    where: {
      isActive: true,
      OR: [{ endsAt: null }, { endsAt: { gt: at } }],
      AND: [
        {
          OR: [
            { locationIds: { isEmpty: true } },
            { locationIds: { has: options.locationId } },
          ],
        },
        { OR: [{ currency: null }, { currency: market.currency }] },
      ],
    },
    select: { id: true, definition: true, timesRedeemed: true, requiresCode: true },
    orderBy: [{ priority: "desc" }, { id: "asc" }],
  });
  // Channels are checked on the definition: the embedded database's
  // adapter cannot bind an enum value inside an array filter.
  const promotions = rows.flatMap((row) => {
    const promotion = toEnginePromotion(row);
    const channels = promotion?.conditions.channels ?? [];
    const isForTills = channels.length === 0 || channels.includes("POS");
    return promotion && isForTills ? [promotion] : [];
  });
  const ids = promotions.map((promotion) => promotion.id);

  const [codes, taxRegions, locations, categories, memberships] = await Promise.all([
    loadOpenCodes(
      db,
      rows.filter((row) => row.requiresCode && ids.includes(row.id)).map((row) => row.id),
    ),
    loadTaxRegions(db),
    db.location
      .findMany({
        where: { isActive: true },
        select: { id: true },
        orderBy: { id: "asc" },
      })
      .then((found) =>
        loadLocationAddresses(
          db,
          found.map((l) => l.id),
        ),
      ),
    db.category.findMany({
      select: { id: true, parentId: true },
      orderBy: { id: "asc" },
    }),
    db.collectionProduct.findMany({
      select: { productId: true, collectionId: true },
      orderBy: [{ productId: "asc" }, { collectionId: "asc" }],
    }),
  ]);

  return PricingBundleSchema.parse({
    format: PRICING_BUNDLE_FORMAT,
    generatedAt: at.toISOString(),
    locationId: store.id,
    market: market.market,
    promotions,
    codes,
    usage: Object.fromEntries(
      rows
        .filter((row) => ids.includes(row.id))
        .map((row) => [row.id, { total: row.timesRedeemed, byCustomer: 0 }]),
    ),
    taxRegions,
    locations,
    categoryAncestors: ancestorsOf(categories),
    productCollections: groupBy(memberships),
  });
}

async function loadOpenCodes(db: Db, promotionIds: string[]) {
  if (promotionIds.length === 0) return [];
  const rows = await db.promotionCode.findMany({
    where: { promotionId: { in: promotionIds }, isActive: true },
    select: { code: true, promotionId: true, usageLimit: true, timesUsed: true },
    orderBy: { code: "asc" },
  });
  return rows.filter((row) => row.usageLimit === null || row.timesUsed < row.usageLimit);
}

function ancestorsOf(
  categories: readonly { id: string; parentId: string | null }[],
): Record<string, string[]> {
  const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
  return Object.fromEntries(
    categories.map((category) => [category.id, categoryChain(category.id, parentOf)]),
  );
}

function groupBy(
  rows: readonly { productId: string; collectionId: string }[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows)
    out[row.productId] = [...(out[row.productId] ?? []), row.collectionId];
  return out;
}
