/**
 * The catalogue side of pricing: what the engine needs to know of each
 * variant in a basket to target it (its product, its category and every
 * ancestor, its collections) and to price and tax it.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { type CartLine, CartLineSchema, FulfillmentMethodSchema } from "@/lib/pricing";

/** A basket line as a caller names it: a variant, how many, and how it is handed over. */
export const BasketLineSchema = z.strictObject({
  /** Stable within the basket; defaults to the line's position. */
  id: z.string().trim().min(1).max(200).optional(),
  variantId: z.string().trim().min(1).max(200),
  quantity: z.int().min(1).max(100_000),
  fulfillment: FulfillmentMethodSchema,
  /** The pickup or carry-out store; for shipping, the shipping location, if known. */
  locationId: z.string().trim().min(1).max(200).nullable().default(null),
});

export type BasketLine = z.output<typeof BasketLineSchema>;
export type BasketLineInput = z.input<typeof BasketLineSchema>;

/** What targeting needs of one variant, without price or quantity. */
export interface VariantFacts {
  variantId: string;
  productId: string;
  /** The product's category first, then its ancestors up to the root. */
  categoryIds: string[];
  collectionIds: string[];
  unitPrice: number;
  currency: string;
  taxCategory: CartLine["taxCategory"];
  isSellable: boolean;
}

/**
 * Reads the facts of some variants: product, category with every ancestor,
 * collections, price and tax category. Unknown ids are left out.
 */
export async function loadVariantFacts(
  db: Db,
  variantIds: readonly string[],
): Promise<Map<string, VariantFacts>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();

  const variants = await db.variant.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      priceMinor: true,
      currency: true,
      isActive: true,
      product: {
        select: {
          id: true,
          status: true,
          categoryId: true,
          taxCategory: true,
          collections: {
            select: { collectionId: true },
            orderBy: { collectionId: "asc" },
          },
        },
      },
    },
  });
  const ancestors = await loadCategoryAncestors(
    db,
    variants.flatMap((v) => (v.product.categoryId ? [v.product.categoryId] : [])),
  );

  return new Map(
    variants.map((variant) => {
      const { product } = variant;
      const facts: VariantFacts = {
        variantId: variant.id,
        productId: product.id,
        categoryIds: product.categoryId ? (ancestors.get(product.categoryId) ?? []) : [],
        collectionIds: product.collections.map((c) => c.collectionId),
        unitPrice: variant.priceMinor,
        currency: variant.currency,
        taxCategory: product.taxCategory,
        isSellable: variant.isActive && product.status === "ACTIVE",
      };
      return [variant.id, facts];
    }),
  );
}

/**
 * Each category with its chain of ancestors (itself first), read with one
 * recursive query so a deep tree costs one round trip.
 */
export async function loadCategoryAncestors(
  db: Db,
  categoryIds: readonly string[],
): Promise<Map<string, string[]>> {
  const ids = [...new Set(categoryIds)];
  if (ids.length === 0) return new Map();

  const rows = await db.$queryRaw<{ id: string; parentId: string | null }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId" FROM "Category" WHERE id = ANY(${ids}::text[])
      UNION
      SELECT c.id, c."parentId" FROM "Category" c JOIN chain ON c.id = chain."parentId"
    )
    SELECT id, "parentId" FROM chain`;
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));

  return new Map(ids.map((id) => [id, categoryChain(id, parentOf)]));
}

/** A category and its ancestors up to the root, itself first. */
export function categoryChain(
  id: string,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  const chain: string[] = [];
  // The guard stops at a cycle that a bad edit might have made.
  for (let at: string | null | undefined = id; at && !chain.includes(at); ) {
    chain.push(at);
    at = parentOf.get(at);
  }
  return chain;
}

/**
 * Turns basket lines into the engine's cart lines. Refuses, naming each
 * line, variants that do not exist, are not for sale, or are priced in
 * another currency.
 */
export async function loadCartLines(
  db: Db,
  options: { currency: string; lines: readonly BasketLine[] },
): Promise<CartLine[]> {
  const facts = await loadVariantFacts(
    db,
    options.lines.map((line) => line.variantId),
  );
  const fields: FieldErrors = {};
  const resolved: { line: BasketLine; fact: VariantFacts; index: number }[] = [];
  for (const [index, line] of options.lines.entries()) {
    const fact = facts.get(line.variantId);
    const reason = !fact
      ? "No variant has this id."
      : !fact.isSellable
        ? "This variant is not for sale."
        : fact.currency !== options.currency
          ? `This variant is priced in ${fact.currency}, not ${options.currency}.`
          : null;
    if (reason || !fact) fields[`lines.${index}.variantId`] = [reason ?? ""];
    else resolved.push({ line, fact, index });
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some basket lines cannot be priced.", {
      fields,
    });
  }

  return resolved.map(({ line, fact, index }) =>
    CartLineSchema.parse({
      id: line.id ?? `line-${index + 1}`,
      variantId: fact.variantId,
      productId: fact.productId,
      categoryIds: fact.categoryIds,
      collectionIds: fact.collectionIds,
      unitPrice: fact.unitPrice,
      quantity: line.quantity,
      taxCategory: fact.taxCategory,
      fulfillment: line.fulfillment,
      locationId: line.locationId,
    }),
  );
}
