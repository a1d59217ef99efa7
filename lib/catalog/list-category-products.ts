import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/errors";
import { COLOUR_OPTION_NAMES, compareSizes, SIZE_OPTION_NAMES } from "./list-options";
import { LISTING_SORTS, type ListingSort } from "./listing-keys";

export { LISTING_SORTS, type ListingSort };

/** Products per page of a listing. */
export const LISTING_PAGE_SIZE = 24;

const optionValue = z.string().trim().min(1).max(60);

export const listingFiltersSchema = z.object({
  sizes: z.array(optionValue).max(30).default([]),
  colours: z.array(optionValue).max(30).default([]),
  minPriceMinor: z.int().min(0).max(100_000_000).optional(),
  maxPriceMinor: z.int().min(0).max(100_000_000).optional(),
  /** Only variants a warehouse or dark store can ship now. */
  isForDelivery: z.boolean().default(false),
  /** Only variants available to collect at this store. */
  pickupLocationId: z.string().min(1).max(64).optional(),
  sort: z.enum(LISTING_SORTS).default("featured"),
  page: z.int().min(1).max(1000).default(1),
});
export type ListingFilters = z.input<typeof listingFiltersSchema>;

export interface ListingFacets {
  sizes: { value: string; productCount: number }[];
  colours: { value: string; productCount: number }[];
  /** Lowest and highest variant price in the category, minor units. */
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
}

interface MatchRow {
  id: string;
  minPrice: number;
  total: bigint;
}

/**
 * One page of the active products in a category and its subcategories
 * whose variants match the filters. A product matches when one of its
 * variants meets every filter at once (M, in navy, under £50, in stock at
 * the chosen store), as a shopper means it.
 */
export async function listCategoryProducts(
  db: Db,
  options: { categoryId: string; filters: ListingFilters },
) {
  const filters = parseInput(listingFiltersSchema, options.filters);
  const offset = (filters.page - 1) * LISTING_PAGE_SIZE;

  const rows = await db.$queryRaw<MatchRow[]>`
    WITH RECURSIVE ${subtreeAndVariants(options.categoryId)},
    matching AS (
      SELECT v.* FROM variants v
      WHERE TRUE ${variantConditions(filters)}
    )
    SELECT p.id, min(m."priceMinor")::int AS "minPrice", count(*) OVER () AS total
    FROM products p JOIN matching m ON m."productId" = p.id
    GROUP BY p.id, p.title, p."createdAt", p."isFeatured"
    ORDER BY ${orderBy(filters.sort)}
    LIMIT ${LISTING_PAGE_SIZE} OFFSET ${offset}`;

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
  const total = Number(rows[0]?.total ?? 0);

  return {
    products: ids.flatMap((id) => byId.get(id) ?? []),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE)),
    filters,
  };
}

/** The sizes, colours and price range on offer in a category, for its filters. */
export async function listCategoryFacets(
  db: Db,
  options: { categoryId: string },
): Promise<ListingFacets> {
  const rows = await db.$queryRaw<
    {
      kind: "size" | "colour" | "price";
      value: string | null;
      n: bigint;
      lo: number | null;
      hi: number | null;
    }[]
  >`
    WITH RECURSIVE ${subtreeAndVariants(options.categoryId)}
    SELECT 'size' AS kind, size AS value, count(DISTINCT "productId") AS n,
      NULL::int AS lo, NULL::int AS hi
    FROM variants WHERE size IS NOT NULL GROUP BY size
    UNION ALL
    SELECT 'colour', colour, count(DISTINCT "productId"), NULL, NULL
    FROM variants WHERE colour IS NOT NULL GROUP BY colour
    UNION ALL
    SELECT 'price', NULL, count(*), min("priceMinor")::int, max("priceMinor")::int
    FROM variants`;

  const price = rows.find((row) => row.kind === "price");
  const values = (kind: "size" | "colour") =>
    rows
      .filter((row) => row.kind === kind && row.value !== null)
      .map((row) => ({ value: row.value as string, productCount: Number(row.n) }));

  return {
    sizes: values("size").sort((a, b) => compareSizes(a.value, b.value)),
    colours: values("colour").sort((a, b) => a.value.localeCompare(b.value, "en-GB")),
    minPriceMinor: price?.lo ?? null,
    maxPriceMinor: price?.hi ?? null,
  };
}

// The category with every descendant, its active products, and their
// active variants with the size and colour read from the option named so.
function subtreeAndVariants(categoryId: string) {
  return Prisma.sql`
    subtree AS (
      SELECT id FROM "Category" WHERE id = ${categoryId}
      UNION ALL
      SELECT c.id FROM "Category" c JOIN subtree s ON c."parentId" = s.id
    ),
    products AS (
      SELECT p.id, p.title, p."createdAt", p."isFeatured",
        ARRAY(SELECT lower(n) FROM unnest(p."optionNames") AS n) AS names
      FROM "Product" p
      WHERE p.status = 'ACTIVE' AND p."categoryId" IN (SELECT id FROM subtree)
    ),
    variants AS (
      SELECT v.id, v."productId", v."priceMinor",
        v."optionValues"[${optionIndex(SIZE_OPTION_NAMES)}] AS size,
        v."optionValues"[${optionIndex(COLOUR_OPTION_NAMES)}] AS colour
      FROM "Variant" v JOIN products p ON p.id = v."productId"
      WHERE v."isActive"
    )`;
}

function optionIndex(names: readonly string[]) {
  const positions = names.map((name) => Prisma.sql`array_position(p.names, ${name})`);
  return Prisma.sql`COALESCE(${Prisma.join(positions)})`;
}

// Units a location can promise, as lib/inventory/availability.ts computes.
const AVAILABLE = Prisma.sql`(l."onHand" - l.reserved - l."safetyStock")`;

function variantConditions(filters: z.output<typeof listingFiltersSchema>) {
  const parts: Prisma.Sql[] = [];
  if (filters.sizes.length > 0)
    parts.push(Prisma.sql`AND v.size = ANY(${filters.sizes})`);
  if (filters.colours.length > 0)
    parts.push(Prisma.sql`AND v.colour = ANY(${filters.colours})`);
  if (filters.minPriceMinor !== undefined)
    parts.push(Prisma.sql`AND v."priceMinor" >= ${filters.minPriceMinor}`);
  if (filters.maxPriceMinor !== undefined)
    parts.push(Prisma.sql`AND v."priceMinor" <= ${filters.maxPriceMinor}`);
  if (filters.isForDelivery)
    parts.push(Prisma.sql`AND EXISTS (
      SELECT 1 FROM "InventoryLevel" l JOIN "Location" loc ON loc.id = l."locationId"
      WHERE l."variantId" = v.id AND loc."isActive" AND loc."canShip" AND ${AVAILABLE} > 0)`);
  if (filters.pickupLocationId)
    parts.push(Prisma.sql`AND EXISTS (
      SELECT 1 FROM "InventoryLevel" l JOIN "Location" loc ON loc.id = l."locationId"
      WHERE l."variantId" = v.id AND loc.id = ${filters.pickupLocationId}
        AND loc."isActive" AND loc."canPickup" AND ${AVAILABLE} > 0)`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

function orderBy(sort: ListingSort) {
  switch (sort) {
    case "newest":
      return Prisma.sql`p."createdAt" DESC, p.title ASC, p.id`;
    case "price-asc":
      return Prisma.sql`min(m."priceMinor") ASC, p.title ASC, p.id`;
    case "price-desc":
      return Prisma.sql`max(m."priceMinor") DESC, p.title ASC, p.id`;
    case "featured":
      return Prisma.sql`p."isFeatured" DESC, p."createdAt" DESC, p.title ASC, p.id`;
  }
}
