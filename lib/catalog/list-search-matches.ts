import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";

// The storefront's own search until the catalogue's search functions
// (lib/catalog/search-*.ts) land: pg_trgm word similarity over each active
// product's title, brand, category and option values, plus exact SKU and
// barcode matches. Computed per query, which is fine for a catalogue of
// hundreds of products; the catalogue's indexed search replaces it.

const searchInputSchema = z.object({
  query: z.string().trim().min(1).max(100),
  limit: z.int().min(1).max(48).default(24),
});

/** How alike a query and a product's words must be to count as a match. */
const MIN_SIMILARITY = 0.35;

interface MatchRow {
  id: string;
  score: number;
}

/**
 * Active products matching what a shopper typed, best first, tolerating
 * typos ("mering jumper" finds the merino jumper). A SKU or barcode typed
 * exactly finds its product first.
 */
export async function listSearchMatches(
  db: Db,
  input: { query: string; limit?: number },
) {
  const { query, limit } = parseInput(searchInputSchema, input);
  const term = query.toLowerCase();

  const rows = await db.$queryRaw<MatchRow[]>`
    WITH docs AS (
      SELECT p.id, p.title, p."isFeatured",
        lower(concat_ws(' ', p.title, p.brand, c.name,
          (SELECT string_agg(DISTINCT x, ' ') FROM "Variant" v2,
             unnest(v2."optionValues") AS x
           WHERE v2."productId" = p.id AND v2."isActive"))) AS doc,
        EXISTS (SELECT 1 FROM "Variant" v
          WHERE v."productId" = p.id AND v."isActive"
            AND (v.sku = upper(${query}) OR v.barcode = ${query})) AS "isCodeMatch"
      FROM "Product" p LEFT JOIN "Category" c ON c.id = p."categoryId"
      WHERE p.status = 'ACTIVE'
    )
    SELECT id,
      CASE WHEN "isCodeMatch" THEN 2
        ELSE greatest(word_similarity(${term}, doc), similarity(${term}, lower(title)))
      END::float8 AS score
    FROM docs
    WHERE "isCodeMatch" OR word_similarity(${term}, doc) >= ${MIN_SIMILARITY}
    ORDER BY score DESC, "isFeatured" DESC, title ASC
    LIMIT ${limit}`;

  const ids = rows.map((row) => row.id);
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
      >= ${MIN_SIMILARITY + 0.1}
    ORDER BY word_similarity(${query.toLowerCase()}, lower(c.name)) DESC, c.name
    LIMIT 3`;
}
