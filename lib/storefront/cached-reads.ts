import { findCategoryByHandle } from "@/lib/catalog/find-category";
import {
  type ListingFilters,
  listCategoryFacets,
  listCategoryProducts,
} from "@/lib/catalog/list-category-products";
import {
  findProductByHandle,
  listActiveProducts,
  listCategoryTree,
  listFeaturedProducts,
} from "@/lib/catalog/queries";
import type { Db } from "@/lib/db/client";
import { DEFAULT_SETTINGS, getSettings } from "@/lib/settings/get-settings";
import {
  cachedRead as cachedReadOnly,
  STOCK_KEY_PREFIX,
  watchCatalogEvents,
} from "./catalog-cache";
import { listPickupStores } from "./list-pickup-stores";
import { quoteVariantPrices } from "./quote-variant-prices";
import { storefrontStockForVariants } from "./storefront-stock";

// Every read here is dropped when the catalogue changes (see catalog-cache.ts).
function cachedRead<T>(key: string, load: () => Promise<T>, ttlMs?: number): Promise<T> {
  watchCatalogEvents();
  return cachedReadOnly(key, load, { ttlMs });
}

/**
 * `next build` prerenders the home page (it has no parameters), and there
 * is no database then. It renders with an empty catalogue instead; that
 * copy is never served, because the page cache lives in memory and starts
 * empty (lib/next/page-cache-handler.cjs), so the first request renders the
 * page afresh. Only the reads of the home page and the layout need this.
 */
const isBuilding = () => process.env.NEXT_PHASE === "phase-production-build";

/** How long rendered stock figures may be reused when no inventory event came. */
const STOCK_TTL_MS = 5_000;

/** A product's stock as shoppers see it, dropped on every inventory event. */
export function readProductStock(db: Db, handle: string, variantIds: string[]) {
  return cachedRead(
    `${STOCK_KEY_PREFIX}${handle}`,
    () => storefrontStockForVariants(db, variantIds),
    STOCK_TTL_MS,
  );
}

/** The home page's featured and newest products. */
export function readHomeProducts(db: Db) {
  if (isBuilding()) return Promise.resolve([[], []] as const);
  return Promise.all([
    cachedRead("home:featured", () => listFeaturedProducts(db, 8)),
    cachedRead("home:latest", () => listActiveProducts(db, { take: 12 })),
  ]);
}

/** An active product with its variants and photos, or null. */
export function readProduct(db: Db, handle: string) {
  return cachedRead(`product:${handle}`, async () => {
    const product = await findProductByHandle(db, handle);
    if (!product) return null;
    const photos = await db.productImage.findMany({
      where: { productId: product.id },
      orderBy: { position: "asc" },
      select: { path: true, alt: true, width: true, height: true, widths: true },
    });
    return { ...product, photos };
  });
}

/** One unit's online price of each variant of a product, from the pricing engine. */
export function readVariantPrices(db: Db, handle: string, variantIds: string[]) {
  return cachedRead(`prices:${handle}:${variantIds.join(",")}`, () =>
    quoteVariantPrices(db, { variantIds }),
  );
}

export function readPickupStores(db: Db) {
  return cachedRead("pickup-stores", () => listPickupStores(db));
}

export function readCategoryTree(db: Db) {
  if (isBuilding()) return Promise.resolve([]);
  return cachedRead("category-tree", () => listCategoryTree(db));
}

export function readSettings(db: Db) {
  if (isBuilding()) return Promise.resolve(DEFAULT_SETTINGS);
  return cachedRead("settings", () => getSettings(db));
}

export function readCategory(db: Db, handle: string) {
  return cachedRead(`category:${handle}`, () => findCategoryByHandle(db, handle));
}

export function readCategoryFacets(db: Db, categoryId: string) {
  return cachedRead(`facets:${categoryId}`, () => listCategoryFacets(db, { categoryId }));
}

/**
 * A page of a category. Listings filtered by stock are read fresh, since
 * stock is not cached; the others are cached under their filters.
 */
export function readCategoryListing(db: Db, categoryId: string, filters: ListingFilters) {
  const load = () => listCategoryProducts(db, { categoryId, filters });
  if (filters.isForDelivery || filters.pickupLocationId) return load();
  return cachedRead(`listing:${categoryId}:${JSON.stringify(filters)}`, load);
}
