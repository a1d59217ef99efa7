import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { searchProducts } from "./search-products";

const searchInputSchema = z.object({
  query: z.string().trim().min(1).max(100),
  limit: z.int().min(1).max(48).default(24),
});

/** How alike a query and a category's name must be to suggest it. */
const MIN_CATEGORY_SIMILARITY = 0.45;

/**
 * Active products matching what a shopper typed, best first, as product
 * cards: the catalogue's one search (`searchProducts`: exact SKU or
 * barcode first, then words, tolerating typos through pg_trgm).
 */
export async function listSearchMatches(
  db: Db,
  input: { query: string; limit?: number },
) {
  const { query, limit } = parseInput(searchInputSchema, input);
  const rows = await searchProducts(db, { query, statuses: ["ACTIVE"], limit });

  const ids = rows.map((row) => row.productId);
  const products = await db.product.findMany({
    where: { id: { in: ids } },
    include: {
      category: { select: { name: true, handle: true } },
      images: { orderBy: { position: "asc" }, take: 1 },
      variants: {
        where: { isActive: true },
        select: {
          id: true,
          priceMinor: true,
          compareAtMinor: true,
          currency: true,
          optionValues: true,
        },
        orderBy: { position: "asc" },
      },
    },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Categories whose names look like what the shopper typed, for suggestions. */
export async function listCategoryMatches(db: Db, input: { query: string }) {
  const { query } = parseInput(searchInputSchema, input);
  return db.$queryRaw<{ handle: string; name: string; parentName: string | null }[]>`
    SELECT c.handle, c.name, parent.name AS "parentName"
    FROM "Category" c LEFT JOIN "Category" parent ON parent.id = c."parentId"
    WHERE word_similarity(${query.toLowerCase()}, lower(concat_ws(' ', c.name, parent.name)))
      >= ${MIN_CATEGORY_SIMILARITY}
    ORDER BY word_similarity(${query.toLowerCase()}, lower(c.name)) DESC, c.name
    LIMIT 3`;
}
