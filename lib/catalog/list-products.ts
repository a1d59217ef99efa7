import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { PRODUCT_STATUSES } from "./schemas";
import { searchProducts } from "./search-products";

export const STOCK_STATES = ["in_stock", "low_stock", "out_of_stock"] as const;
export const PRODUCT_SORTS = [
  "relevance",
  "title",
  "-title",
  "updated",
  "-updated",
  "created",
  "-created",
] as const;

/** The admin product table's query string, tolerant of junk (ignored, not refused). */
export const listProductsSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  status: z.enum(PRODUCT_STATUSES).optional().catch(undefined),
  category: z.uuid().optional().catch(undefined),
  brand: z.string().trim().max(80).optional().catch(undefined),
  stock: z.enum(STOCK_STATES).optional().catch(undefined),
  sort: z.enum(PRODUCT_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).catch(50).default(50),
});

export type ListProductsQuery = z.output<typeof listProductsSchema>;

// Availability as lib/inventory/availability.ts computes it per level
// (on hand - reserved - safety stock, never below zero), summed over the
// active locations of each active variant. Each filter is one set of
// product ids built by a single pass over the levels, not a probe per row.
const AVAILABLE_PRODUCTS = Prisma.sql`(
  SELECT v."productId" FROM "Variant" v
  JOIN "InventoryLevel" il ON il."variantId" = v.id
  JOIN "Location" l ON l.id = il."locationId" AND l."isActive"
  WHERE v."isActive" AND il."onHand" - il.reserved - il."safetyStock" > 0)`;

// Some active variant at or below its reorder point (summed over locations).
const LOW_PRODUCTS = Prisma.sql`(
  SELECT v."productId" FROM "Variant" v
  LEFT JOIN (
    SELECT il."variantId",
      sum(greatest(0, il."onHand" - il.reserved - il."safetyStock"))
        FILTER (WHERE l."isActive") AS available,
      sum(il."reorderPoint") AS "reorderPoint"
    FROM "InventoryLevel" il JOIN "Location" l ON l.id = il."locationId"
    GROUP BY il."variantId"
  ) s ON s."variantId" = v.id
  WHERE v."isActive" AND coalesce(s.available, 0) <= coalesce(s."reorderPoint", 0))`;

const STOCK_CONDITIONS: Record<(typeof STOCK_STATES)[number], Prisma.Sql> = {
  in_stock: Prisma.sql`p.id IN ${AVAILABLE_PRODUCTS}`,
  // In stock somewhere, but some variant is at or below its reorder point.
  low_stock: Prisma.sql`p.id IN ${AVAILABLE_PRODUCTS} AND p.id IN ${LOW_PRODUCTS}`,
  out_of_stock: Prisma.sql`p.id NOT IN ${AVAILABLE_PRODUCTS}`,
};

const ORDER: Record<Exclude<(typeof PRODUCT_SORTS)[number], "relevance">, Prisma.Sql> = {
  title: Prisma.sql`p.title ASC, p.id ASC`,
  "-title": Prisma.sql`p.title DESC, p.id DESC`,
  updated: Prisma.sql`p."updatedAt" ASC, p.id ASC`,
  "-updated": Prisma.sql`p."updatedAt" DESC, p.id DESC`,
  created: Prisma.sql`p."createdAt" ASC, p.id ASC`,
  "-created": Prisma.sql`p."createdAt" DESC, p.id DESC`,
};

/** At most this many search hits are filtered and paged; more is not a search. */
const SEARCH_CAP = 1_000;

/**
 * One page of the back-office product table: search, filters (status,
 * category subtree, brand, stock state), sort and the total count. Every
 * filter and sort runs in the database on indexed columns, so a page costs
 * the same at 50,000 variants as at 500.
 */
export async function listProducts(db: Db, query: ListProductsQuery) {
  const conditions: Prisma.Sql[] = [];
  let rankOrder: Prisma.Sql | null = null;

  if (query.q) {
    const matches = await searchProducts(db, {
      query: query.q,
      statuses: PRODUCT_STATUSES,
      limit: SEARCH_CAP,
    });
    const ids = matches.map((m) => m.productId);
    conditions.push(Prisma.sql`p.id = ANY(${ids}::text[])`);
    rankOrder = Prisma.sql`array_position(${ids}::text[], p.id) ASC`;
  }
  if (query.status) conditions.push(Prisma.sql`p.status::text = ${query.status}`);
  if (query.brand) conditions.push(Prisma.sql`p.brand = ${query.brand}`);
  if (query.category) {
    const ids = await categorySubtree(db, query.category);
    conditions.push(Prisma.sql`p."categoryId" = ANY(${ids}::text[])`);
  }
  if (query.stock) conditions.push(STOCK_CONDITIONS[query.stock]);

  const where = conditions.length
    ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`
    : Prisma.empty;
  const sort = query.sort ?? (rankOrder ? "relevance" : "title");
  const orderBy = sort === "relevance" ? (rankOrder ?? ORDER.title) : ORDER[sort];
  const offset = (query.page - 1) * query.pageSize;

  const [pageRows, countRows] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Product" p ${where}
      ORDER BY ${orderBy} LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Product" p ${where}`,
  ]);
  const ids = pageRows.map((r) => r.id);
  const total = Number(countRows[0]?.total ?? 0);

  const [products, stock] = await Promise.all([
    db.product.findMany({
      where: { id: { in: ids } },
      include: {
        category: { select: { id: true, name: true } },
        variants: {
          select: { id: true, priceMinor: true, currency: true, isActive: true },
          orderBy: { position: "asc" },
        },
        images: { orderBy: { position: "asc" }, take: 1 },
      },
    }),
    availableByProduct(db, ids),
  ]);
  const byId = new Map(products.map((p) => [p.id, p]));
  const rows = ids.flatMap((id) => {
    const product = byId.get(id);
    return product ? [{ ...product, available: stock.get(id) ?? 0 }] : [];
  });
  return {
    rows,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    sort,
  };
}

/** Units available across active locations, per product, for a page of rows. */
async function availableByProduct(db: Db, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, number>();
  const rows = await db.$queryRaw<{ productId: string; available: bigint }[]>`
    SELECT v."productId",
      coalesce(sum(greatest(0, il."onHand" - il.reserved - il."safetyStock")), 0) AS available
    FROM "Variant" v
    JOIN "InventoryLevel" il ON il."variantId" = v.id
    JOIN "Location" l ON l.id = il."locationId" AND l."isActive"
    WHERE v."productId" = ANY(${productIds}::text[]) AND v."isActive"
    GROUP BY v."productId"`;
  return new Map(rows.map((r) => [r.productId, Number(r.available)]));
}

/** A category and all categories beneath it. */
export async function categorySubtree(db: Db, categoryId: string): Promise<string[]> {
  const all = await db.category.findMany({ select: { id: true, parentId: true } });
  const ids = [categoryId];
  for (let i = 0; i < ids.length; i += 1) {
    for (const c of all) if (c.parentId === ids[i]) ids.push(c.id);
  }
  return ids;
}

/** Brands in use, for the filter's list. */
export async function listBrands(db: Db): Promise<string[]> {
  const rows = await db.product.findMany({
    where: { brand: { not: null } },
    distinct: ["brand"],
    select: { brand: true },
    orderBy: { brand: "asc" },
  });
  return rows.flatMap((r) => (r.brand ? [r.brand] : []));
}

/** Every category with its depth, in tree order, for pickers. */
export async function listCategoryOptions(db: Db) {
  const all = await db.category.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  const result: {
    id: string;
    name: string;
    handle: string;
    depth: number;
    path: string;
  }[] = [];
  const visit = (parentId: string | null, depth: number, prefix: string) => {
    for (const c of all.filter((x) => x.parentId === parentId)) {
      const path = prefix ? `${prefix} › ${c.name}` : c.name;
      result.push({ id: c.id, name: c.name, handle: c.handle, depth, path });
      visit(c.id, depth + 1, path);
    }
  };
  visit(null, 0, "");
  return result;
}
