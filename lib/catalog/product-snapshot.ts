import type { Db, Prisma, Tx } from "@/lib/db/client";

/** What the audit log and the outbox say about a product. */
export const PRODUCT_SNAPSHOT_INCLUDE = {
  variants: { orderBy: { position: "asc" } },
} as const satisfies Prisma.ProductInclude;

type ProductWithVariants = Prisma.ProductGetPayload<{
  include: typeof PRODUCT_SNAPSHOT_INCLUDE;
}>;

export interface VariantSnapshot {
  id: string;
  sku: string;
  barcode: string | null;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  costMinor: number | null;
  currency: string;
  weightGrams: number | null;
  isActive: boolean;
}

export interface ProductSnapshot {
  title: string;
  handle: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  status: string;
  taxCategory: string;
  isFeatured: boolean;
  attributes: unknown;
  optionNames: string[];
  variants: VariantSnapshot[];
}

/** The product's fields and variants as plain data for audit entries. */
export function productSnapshot(product: ProductWithVariants): ProductSnapshot {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    brand: product.brand,
    categoryId: product.categoryId,
    status: product.status,
    taxCategory: product.taxCategory,
    isFeatured: product.isFeatured,
    attributes: product.attributes,
    optionNames: product.optionNames,
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      optionValues: v.optionValues,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      costMinor: v.costMinor,
      currency: v.currency,
      weightGrams: v.weightGrams,
      isActive: v.isActive,
    })),
  };
}

/** A product with its variants, as snapshots read it; null when absent. */
export function loadProductForSnapshot(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, include: PRODUCT_SNAPSHOT_INCLUDE });
}

/**
 * Only what changed, as a before and an after, so an audit entry of a
 * price edit reads as one price and not the whole product. Variants are
 * compared one by one by id.
 */
export function changedFields(
  before: ProductSnapshot,
  after: ProductSnapshot,
): { before: Record<string, unknown>; after: Record<string, unknown>; fields: string[] } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  const { variants: beforeVariants, ...beforeRest } = before;
  const { variants: afterVariants, ...afterRest } = after;

  for (const key of Object.keys(afterRest) as (keyof typeof afterRest)[]) {
    if (JSON.stringify(beforeRest[key]) !== JSON.stringify(afterRest[key])) {
      was[key] = beforeRest[key];
      now[key] = afterRest[key];
    }
  }

  const oldById = new Map(beforeVariants.map((v) => [v.id, v]));
  const variantsWere: Record<string, unknown>[] = [];
  const variantsNow: Record<string, unknown>[] = [];
  for (const variant of afterVariants) {
    const old = oldById.get(variant.id);
    if (!old) {
      variantsNow.push({ ...variant });
      continue;
    }
    const oldChanged: Record<string, unknown> = { id: old.id, sku: old.sku };
    const newChanged: Record<string, unknown> = { id: variant.id, sku: variant.sku };
    let isChanged = false;
    for (const key of Object.keys(variant) as (keyof VariantSnapshot)[]) {
      if (JSON.stringify(old[key]) !== JSON.stringify(variant[key])) {
        oldChanged[key] = old[key];
        newChanged[key] = variant[key];
        isChanged = true;
      }
    }
    if (isChanged) {
      variantsWere.push(oldChanged);
      variantsNow.push(newChanged);
    }
  }
  if (variantsNow.length > 0) {
    was.variants = variantsWere;
    now.variants = variantsNow;
  }
  return { before: was, after: now, fields: Object.keys(now) };
}

/** The outbox payload open storefront and POS pages refresh from. */
export function productEventPayload(
  product: ProductWithVariants,
  changed: string[] = [],
) {
  return {
    productId: product.id,
    handle: product.handle,
    title: product.title,
    status: product.status,
    changed,
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      currency: v.currency,
      isActive: v.isActive,
    })),
  };
}

/** Runs `fn` in a new transaction, or in the caller's when given one. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if ("$transaction" in db) {
    return db.$transaction(fn, { maxWait: 10_000, timeout: 60_000 });
  }
  return fn(db);
}
