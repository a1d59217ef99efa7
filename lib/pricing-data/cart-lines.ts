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

interface VariantFactsRow {
  id: string;
  priceMinor: number;
  currency: string;
  isActive: boolean;
  productId: string;
  status: string;
  taxCategory: CartLine["taxCategory"];
  collectionIds: string[];
  /** The product's category and its ancestors, nearest first; empty for none. */
  categoryIds: string[];
}

/**
 * Reads the facts of some variants: product, category with every ancestor,
 * collections, price and tax category. Unknown ids are left out. One
 * statement, since every cart change and checkout reads it: the category
 * chains come from a recursive query that stops where a chain repeats
 * (a cycle a bad edit made), as `categoryChain` does.
 */
export async function loadVariantFacts(
  db: Db,
  variantIds: readonly string[],
): Promise<Map<string, VariantFacts>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();

  const rows = await db.$queryRaw<VariantFactsRow[]>`
    WITH RECURSIVE facts AS (
      SELECT v.id, v."priceMinor", v.currency, v."isActive", p.id AS "productId",
        p.status::text AS status, p."taxCategory"::text AS "taxCategory", p."categoryId",
        ARRAY(SELECT cp."collectionId" FROM "CollectionProduct" AS cp
              WHERE cp."productId" = p.id ORDER BY cp."collectionId") AS "collectionIds"
      FROM "Variant" AS v JOIN "Product" AS p ON p.id = v."productId"
      WHERE v.id = ANY(${ids}::text[])
    ), chain AS (
      SELECT c.id, c."parentId", c.id AS root, 1 AS depth
      FROM "Category" AS c WHERE c.id IN (SELECT "categoryId" FROM facts)
      UNION ALL
      SELECT c.id, c."parentId", chain.root, chain.depth + 1
      FROM "Category" AS c JOIN chain ON c.id = chain."parentId"
    ) CYCLE id SET "isRepeat" USING path
    SELECT facts.*, ARRAY(SELECT chain.id FROM chain
                          WHERE chain.root = facts."categoryId" AND NOT chain."isRepeat"
                          ORDER BY chain.depth) AS "categoryIds"
    FROM facts`;

  return new Map(
    rows.map((row) => {
      const facts: VariantFacts = {
        variantId: row.id,
        productId: row.productId,
        categoryIds: row.categoryIds,
        collectionIds: row.collectionIds,
        unitPrice: row.priceMinor,
        currency: row.currency,
        taxCategory: row.taxCategory,
        isSellable: row.isActive && row.status === "ACTIVE",
      };
      return [row.id, facts];
    }),
  );
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
