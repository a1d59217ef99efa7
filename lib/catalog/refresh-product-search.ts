import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/**
 * Rewrites the search columns of some products (all when `productIds` is
 * omitted) from their title, brand, category, option values and
 * description. Called in the transaction of every catalogue change, so a
 * product is findable the moment it commits.
 */
export async function refreshProductSearch(tx: Tx, productIds?: readonly string[]) {
  if (productIds && productIds.length === 0) return;
  const filter = productIds
    ? Prisma.sql`WHERE p.id = ANY(${[...productIds]}::text[])`
    : Prisma.empty;

  // 'english' stems titles and descriptions (jumpers → jumper); names of
  // brands, categories and option values are kept as written ('simple').
  await tx.$executeRaw`
    UPDATE "Product" AS target
    SET "searchText" = source.text, "searchVector" = source.vector
    FROM (
      SELECT
        p.id,
        lower(concat_ws(' ', p.title, p.brand, c.name, parent.name, o.values)) AS text,
        setweight(to_tsvector('english', p.title), 'A')
          || setweight(to_tsvector('simple', concat_ws(' ', p.brand, c.name, parent.name)), 'B')
          || setweight(to_tsvector('simple', coalesce(o.values, '')), 'C')
          || setweight(to_tsvector('english', left(p.description, 2000)), 'D') AS vector
      FROM "Product" p
      LEFT JOIN "Category" c ON c.id = p."categoryId"
      LEFT JOIN "Category" parent ON parent.id = c."parentId"
      LEFT JOIN LATERAL (
        SELECT string_agg(DISTINCT value, ' ') AS values
        FROM "Variant" v, unnest(v."optionValues") AS value
        WHERE v."productId" = p.id AND v."isActive"
      ) o ON true
      ${filter}
    ) AS source
    WHERE target.id = source.id`;
}
