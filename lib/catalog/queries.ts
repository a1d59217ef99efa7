import type { Db } from "@/lib/db/client";

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
 * code matches come first. Used by the POS and the back-office.
 */
export async function searchVariants(db: Db, query: string, limit = 20) {
  const term = query.trim();
  if (term.length === 0) return [];

  const exact = await db.variant.findMany({
    where: {
      isActive: true,
      OR: [{ barcode: term }, { sku: term.toUpperCase() }],
    },
    include: { product: { select: { title: true, handle: true, status: true } } },
    take: limit,
  });
  if (exact.length > 0) return exact;

  return db.variant.findMany({
    where: {
      isActive: true,
      product: { status: "ACTIVE" },
      OR: [
        { sku: { startsWith: term.toUpperCase() } },
        { product: { title: { contains: term, mode: "insensitive" } } },
      ],
    },
    include: { product: { select: { title: true, handle: true, status: true } } },
    orderBy: [{ product: { title: "asc" } }, { position: "asc" }],
    take: limit,
  });
}
