import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { barcodeForms } from "./barcode-forms";
import { inTransaction } from "./product-snapshot";
import { cleanLine, normalizeBarcode, normalizeSku } from "./text";

export type SearchStatus = "DRAFT" | "ACTIVE" | "ARCHIVED";

export interface ProductSearchOptions {
  query: string;
  /** Which products may match; the storefront and POS pass ACTIVE only. */
  statuses?: readonly SearchStatus[];
  limit?: number;
}

export interface ProductMatch {
  productId: string;
  /** Higher is better; exact codes score far above any text match. */
  rank: number;
  /** How it matched: a code exactly, part of a SKU, or words. */
  matchedBy: "barcode" | "sku" | "sku_part" | "text";
  /** The variant an exact or partial code match points at. */
  variantId?: string;
}

const EXACT_RANK = 1_000;
const SKU_PART_RANK = 10;
const MAX_TOKENS = 8;

/**
 * Finds products by what a person types: an exact barcode (any GTIN
 * length) or SKU first, then part of a SKU, then words of the title,
 * brand, category, options and description — tolerant of typos through
 * pg_trgm ("merino jumpr") and of word forms through full-text search
 * ("jumpers"). Every word must match somewhere.
 */
export async function searchProducts(
  db: Db,
  options: ProductSearchOptions,
): Promise<ProductMatch[]> {
  const term = cleanLine(options.query).slice(0, 100);
  if (!term) return [];
  const statuses = [...(options.statuses ?? ["ACTIVE"])];
  const limit = options.limit ?? 20;

  const exact = await exactCodeMatches(db, term, statuses);
  const skuParts = await skuPartMatches(db, term, statuses, limit);
  const text = await textMatches(db, term, statuses, limit);

  const byProduct = new Map<string, ProductMatch>();
  for (const match of [...exact, ...skuParts, ...text]) {
    const held = byProduct.get(match.productId);
    if (!held || held.rank < match.rank) byProduct.set(match.productId, match);
  }
  return [...byProduct.values()].sort((a, b) => b.rank - a.rank).slice(0, limit);
}

/** Variants whose barcode (in any GTIN length) or SKU is exactly the term. */
export async function exactCodeMatches(
  db: Db,
  term: string,
  statuses: readonly SearchStatus[],
): Promise<ProductMatch[]> {
  const barcode = normalizeBarcode(term);
  const isDigits = /^\d{8,14}$/.test(barcode);
  const rows = await db.variant.findMany({
    where: {
      product: { status: { in: [...statuses] } },
      OR: [
        { sku: normalizeSku(term) },
        ...(isDigits ? [{ barcode: { in: barcodeForms(barcode) } }] : []),
      ],
    },
    select: { id: true, productId: true, sku: true, isActive: true },
    take: 20,
  });
  return rows.map((row) => ({
    productId: row.productId,
    variantId: row.id,
    rank: EXACT_RANK + (row.isActive ? 1 : 0),
    matchedBy: row.sku === normalizeSku(term) ? "sku" : "barcode",
  }));
}

/** Part of a SKU ("101-NVY"), for terms that look like codes. */
async function skuPartMatches(
  db: Db,
  term: string,
  statuses: readonly SearchStatus[],
  limit: number,
): Promise<ProductMatch[]> {
  const code = normalizeSku(term);
  const looksLikeCode = code.length >= 3 && !code.includes(" ") && /\d/.test(code);
  if (!looksLikeCode) return [];

  const pattern = `%${code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<{ productId: string; id: string; sku: string }[]>`
    SELECT v."productId", v.id, v.sku
    FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
    WHERE v.sku LIKE ${pattern}
      AND p.status::text = ANY(${statuses}::text[])
    ORDER BY starts_with(v.sku, ${code}) DESC, v.sku
    LIMIT ${limit}`;
  return rows.map((row) => ({
    productId: row.productId,
    variantId: row.id,
    rank: SKU_PART_RANK + (row.sku.startsWith(code) ? 1 : 0),
    matchedBy: "sku_part",
  }));
}

/** The words of a query, lower-cased, letters and digits only. */
export function searchTokens(term: string): string[] {
  return term
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TOKENS);
}

async function textMatches(
  db: Db,
  term: string,
  statuses: readonly SearchStatus[],
  limit: number,
): Promise<ProductMatch[]> {
  const tokens = searchTokens(term);
  if (tokens.length === 0) return [];

  const query = Prisma.sql`
    SELECT p.id,
      (ts_rank_cd(p."searchVector", ${anyWordQuery(tokens)})
        + word_similarity(${tokens.join(" ")}, p."searchText")
        + word_similarity(${tokens.join(" ")}, lower(p.title)))::float8 AS rank
    FROM "Product" p
    WHERE p.status::text = ANY(${statuses}::text[])
      AND ${tokenConditions(tokens)}
    ORDER BY rank DESC, p.title
    LIMIT ${limit}`;
  // pg_trgm's default word-similarity threshold (0.6) misses a swapped
  // pair of letters in a short word ("candel"); 0.5 forgives one typo
  // without flooding results. SET LOCAL lasts for this transaction only.
  const rows = await inTransaction(db, async (tx) => {
    await tx.$executeRaw`SET LOCAL pg_trgm.word_similarity_threshold = 0.5`;
    return tx.$queryRaw<{ id: string; rank: number }[]>(query);
  });
  return rows.map((row) => ({ productId: row.id, rank: row.rank, matchedBy: "text" }));
}

/**
 * Every word must match: by full-text (with prefixes, so "merin" finds
 * merino while typing) or, for words of three letters or more, by
 * trigram word similarity, which forgives a typo. Stop words impose
 * nothing.
 */
export function tokenConditions(tokens: readonly string[]): Prisma.Sql {
  return Prisma.join(
    tokens.map((token) => {
      const prefix = `${token}:*`;
      const fts = Prisma.sql`(numnode(plainto_tsquery('english', ${token})) = 0
        OR p."searchVector" @@ to_tsquery('english', ${prefix})
        OR p."searchVector" @@ to_tsquery('simple', ${prefix})`;
      return token.length >= 3
        ? Prisma.sql`${fts} OR ${token} <% p."searchText")`
        : Prisma.sql`${fts})`;
    }),
    " AND ",
  );
}

function anyWordQuery(tokens: readonly string[]): Prisma.Sql {
  const text = tokens.map((t) => `${t}:*`).join(" | ");
  return Prisma.sql`to_tsquery('english', ${text})`;
}
