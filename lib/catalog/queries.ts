import type { Db } from "@/lib/db/client";
import { exactCodeMatches, searchProducts } from "./search-products";

const variantSelect = {
  id: true,
  sku: true,
  barcode: true,
  optionValues: true,
  priceMinor: true,
  compareAtMinor: true,
  currency: true,
  position: true,
} as const;

/** Active products the merchandisers chose to feature, for the home page. */
export function listFeaturedProducts(db: Db, limit = 8) {
  return db.product.findMany({
    where: { status: "ACTIVE", isFeatured: true },
    orderBy: [{ title: "asc" }],
    take: limit,
    include: {
      category: { select: { name: true, handle: true } },
      variants: {
        where: { isActive: true },
        select: variantSelect,
        orderBy: { position: "asc" },
      },
    },
  });
}

/** Active products, newest first, optionally within a category subtree. */
export function listActiveProducts(
  db: Db,
  options: { take?: number; skip?: number } = {},
) {
  return db.product.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ createdAt: "desc" }, { title: "asc" }],
    take: options.take ?? 24,
    skip: options.skip ?? 0,
    include: {
      category: { select: { name: true, handle: true } },
      variants: {
        where: { isActive: true },
        select: variantSelect,
        orderBy: { position: "asc" },
      },
    },
  });
}

/** Top-level categories with their children, for navigation. */
export function listCategoryTree(db: Db) {
  return db.category.findMany({
    where: { parentId: null },
    orderBy: { position: "asc" },
    include: { children: { orderBy: { position: "asc" } } },
  });
}

/** One active product by its handle, with its variants; null when not sellable. */
export function findProductByHandle(db: Db, handle: string) {
  return db.product.findFirst({
    where: { handle, status: "ACTIVE" },
    include: {
      category: { include: { parent: true } },
      variants: {
        where: { isActive: true },
        select: variantSelect,
        orderBy: { position: "asc" },
      },
    },
  });
}

/**
 * Variants matching a scanned barcode, a SKU or words of the title; exact
 * code matches come first and alone (a scan means that one variant).
 * Used by the POS and the back-office; see search-products.ts.
 */
export async function searchVariants(db: Db, query: string, limit = 20) {
  const term = query.trim();
  if (term.length === 0) return [];
  const include = { product: { select: { title: true, handle: true, status: true } } };

  const exact = await exactCodeMatches(db, term, ["ACTIVE", "DRAFT", "ARCHIVED"]);
  if (exact.length > 0) {
    return db.variant.findMany({
      where: { isActive: true, id: { in: exact.flatMap((m) => m.variantId ?? []) } },
      include,
      take: limit,
    });
  }

  const matches = await searchProducts(db, { query: term, statuses: ["ACTIVE"], limit });
  const variantRank = new Map(
    matches.flatMap((m) => (m.variantId ? [[m.variantId, m.rank]] : [])),
  );
  const productRank = new Map(matches.map((m) => [m.productId, m.rank]));
  const variants = await db.variant.findMany({
    where: {
      isActive: true,
      OR: [
        { id: { in: [...variantRank.keys()] } },
        {
          productId: { in: matches.filter((m) => !m.variantId).map((m) => m.productId) },
        },
      ],
    },
    include,
    orderBy: [{ position: "asc" }],
  });
  const rank = (v: (typeof variants)[number]) =>
    variantRank.get(v.id) ?? productRank.get(v.productId) ?? 0;
  return variants.sort((a, b) => rank(b) - rank(a)).slice(0, limit);
}
