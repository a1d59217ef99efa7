import type { Db } from "@/lib/db/client";
import type {
  Address,
  CartLine,
  Market,
  Promotion,
  PromotionUsage,
  TaxRegion,
} from "@/lib/pricing";
import { loadVariantFacts } from "@/lib/pricing-data/cart-lines";
import { listMarkets } from "@/lib/pricing-data/markets";
import { toEnginePromotion } from "@/lib/pricing-data/promotions";
import { loadLocationAddresses, loadTaxRegions } from "@/lib/pricing-data/tax-regions";

/** Most variants offered in the preview's basket picker. */
const SAMPLE_LIMIT = 400;

/** A variant the preview basket can hold, with what the engine needs of it. */
export interface SampleVariant {
  variantId: string;
  label: string;
  sku: string;
  line: Omit<CartLine, "id" | "quantity" | "fulfillment" | "locationId">;
}

/** Everything the promotion editor and its live preview need, read once per page. */
export interface PromotionEditorData {
  currency: string;
  market: Market;
  categories: { id: string; label: string }[];
  collections: { id: string; label: string }[];
  products: { id: string; label: string }[];
  stores: { id: string; label: string; address: Address }[];
  customerGroups: string[];
  sampleVariants: SampleVariant[];
  /** Other promotions not yet ended, so the preview shows how they stack. */
  otherPromotions: Promotion[];
  usage: Record<string, PromotionUsage>;
  taxRegions: TaxRegion[];
}

/** Loads the editor's pick lists and the preview's data. */
export async function loadPromotionEditorData(
  db: Db,
  options: { at?: Date; excludePromotionId?: string } = {},
): Promise<PromotionEditorData> {
  const at = options.at ?? new Date();
  const [markets, categories, collections, products, locations, groups, promotions] =
    await Promise.all([
      listMarkets(db),
      db.category.findMany({
        select: { id: true, name: true, parent: { select: { name: true } } },
        orderBy: [{ parentId: { sort: "asc", nulls: "first" } }, { position: "asc" }],
      }),
      db.collection.findMany({
        select: { id: true, title: true },
        orderBy: { title: "asc" },
      }),
      db.product.findMany({
        where: { status: "ACTIVE" },
        select: { id: true, title: true },
        orderBy: { title: "asc" },
      }),
      db.location.findMany({
        where: { isActive: true },
        select: { id: true, name: true, canSellInStore: true, canPickup: true },
        orderBy: { name: "asc" },
      }),
      db.$queryRaw<{ group: string }[]>`
        SELECT DISTINCT unnest("groups") AS "group" FROM "Customer" ORDER BY 1`,
      db.promotion.findMany({
        where: {
          isActive: true,
          OR: [{ endsAt: null }, { endsAt: { gt: at } }],
          ...(options.excludePromotionId
            ? { id: { not: options.excludePromotionId } }
            : {}),
        },
        select: { id: true, definition: true, timesRedeemed: true },
        orderBy: [{ priority: "desc" }, { id: "asc" }],
      }),
    ]);
  const market = markets[0];
  const currency = market?.currency ?? "GBP";
  const stores = locations.filter((l) => l.canSellInStore || l.canPickup);
  const [addresses, taxRegions, sampleVariants] = await Promise.all([
    loadLocationAddresses(
      db,
      stores.map((s) => s.id),
    ),
    loadTaxRegions(db),
    loadSampleVariants(db, currency),
  ]);
  const engine = promotions.flatMap((row) => {
    const promotion = toEnginePromotion(row);
    return promotion ? [{ promotion, total: row.timesRedeemed }] : [];
  });

  return {
    currency,
    market: market?.market ?? {
      currency,
      pricesIncludeTax: true,
      taxRounding: "line",
      roundingMode: "half_up",
      shippingTax: { mode: "category", category: "STANDARD" },
    },
    categories: categories.map((c) => ({
      id: c.id,
      label: c.parent ? `${c.parent.name} › ${c.name}` : c.name,
    })),
    collections: collections.map((c) => ({ id: c.id, label: c.title })),
    products: products.map((p) => ({ id: p.id, label: p.title })),
    stores: stores.flatMap((store) => {
      const address = addresses.find((a) => a.id === store.id)?.address;
      return address ? [{ id: store.id, label: store.name, address }] : [];
    }),
    customerGroups: groups.map((g) => g.group),
    sampleVariants,
    otherPromotions: engine.map((e) => e.promotion),
    usage: Object.fromEntries(
      engine.map((e) => [e.promotion.id, { total: e.total, byCustomer: 0 }]),
    ),
    taxRegions,
  };
}

async function loadSampleVariants(db: Db, currency: string): Promise<SampleVariant[]> {
  const variants = await db.variant.findMany({
    where: { isActive: true, currency, product: { status: "ACTIVE" } },
    select: {
      id: true,
      sku: true,
      optionValues: true,
      product: { select: { title: true } },
    },
    orderBy: [{ product: { title: "asc" } }, { position: "asc" }],
    take: SAMPLE_LIMIT,
  });
  const facts = await loadVariantFacts(
    db,
    variants.map((v) => v.id),
  );
  return variants.flatMap((variant) => {
    const fact = facts.get(variant.id);
    if (!fact) return [];
    const options = variant.optionValues.join(" / ");
    return [
      {
        variantId: variant.id,
        sku: variant.sku,
        label: options ? `${variant.product.title} — ${options}` : variant.product.title,
        line: {
          variantId: fact.variantId,
          productId: fact.productId,
          categoryIds: fact.categoryIds,
          collectionIds: fact.collectionIds,
          unitPrice: fact.unitPrice,
          taxCategory: fact.taxCategory,
          isDiscountable: true,
        },
      },
    ];
  });
}
