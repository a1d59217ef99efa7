import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PRODUCT_JSON_INCLUDE, productJson } from "./product-json";
import { PRODUCT_STATUSES } from "./schemas";
import { searchProducts } from "./search-products";

export const listProductsApiSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  query: z.string().trim().min(1).max(100).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** Only products changed at or after this instant (ISO 8601). */
  updatedSince: z.iso
    .datetime({ offset: true, error: "Use an ISO 8601 date-time." })
    .optional(),
});

export type ListProductsApiQuery = z.output<typeof listProductsApiSchema>;

type Cursor =
  | { kind: "sync"; updatedAt: string; id: string }
  | { kind: "search"; offset: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (
      value.kind === "sync" &&
      typeof value.id === "string" &&
      !Number.isNaN(Date.parse(value.updatedAt))
    ) {
      return value;
    }
    if (value.kind === "search" && Number.isInteger(value.offset) && value.offset >= 0)
      return value;
  } catch {
    // Falls through to the refusal below.
  }
  throw new AppError("invalid_input", "Some fields need attention.", {
    fields: { cursor: ["Not a cursor this API gave out; start again without it."] },
  });
}

/** At most this many search hits are paged through. */
const SEARCH_CAP = 1_000;

/**
 * Products for integrations, in pages keyed by an opaque cursor. Without
 * a query they come oldest change first, by (updatedAt, id), so a sync
 * that passes `updatedSince` and follows cursors sees every change once,
 * even when many share a timestamp. With a query they come best match
 * first.
 */
export async function listProductsForApi(db: Db, query: ListProductsApiQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;

  if (query.query) {
    const offset = cursor?.kind === "search" ? cursor.offset : 0;
    const matches = await searchProducts(db, {
      query: query.query,
      statuses: query.status ? [query.status] : PRODUCT_STATUSES,
      limit: SEARCH_CAP,
    });
    const since = query.updatedSince ? new Date(query.updatedSince) : null;
    const ids = matches.map((m) => m.productId);
    const rows = await db.product.findMany({
      where: { id: { in: ids }, ...(since ? { updatedAt: { gte: since } } : {}) },
      include: PRODUCT_JSON_INCLUDE,
    });
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const page = rows.slice(offset, offset + query.limit);
    const hasMore = rows.length > offset + query.limit;
    return {
      data: page.map(productJson),
      nextCursor: hasMore
        ? encodeCursor({ kind: "search", offset: offset + query.limit })
        : null,
    };
  }

  const after = cursor?.kind === "sync" ? cursor : null;
  const rows = await db.product.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      AND: [
        query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {},
        after
          ? {
              OR: [
                { updatedAt: { gt: new Date(after.updatedAt) } },
                { updatedAt: new Date(after.updatedAt), id: { gt: after.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: PRODUCT_JSON_INCLUDE,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(productJson),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({
            kind: "sync",
            updatedAt: last.updatedAt.toISOString(),
            id: last.id,
          })
        : null,
  };
}
