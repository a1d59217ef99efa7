import { z } from "zod";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";

const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
  status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]).optional(),
});

/** Lists products with their variants, in pages keyed by a cursor. */
export const GET = apiRoute("catalog:read", async (request) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const products = await db.product.findMany({
    where: query.status ? { status: query.status } : {},
    orderBy: { id: "asc" },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    include: {
      variants: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          sku: true,
          barcode: true,
          optionValues: true,
          priceMinor: true,
          compareAtMinor: true,
          currency: true,
          isActive: true,
        },
      },
    },
  });
  const page = products.slice(0, query.limit);
  const nextCursor = products.length > query.limit ? page.at(-1)?.id : undefined;
  return Response.json({
    data: page.map((p) => ({
      id: p.id,
      handle: p.handle,
      title: p.title,
      status: p.status,
      brand: p.brand,
      taxCategory: p.taxCategory,
      optionNames: p.optionNames,
      variants: p.variants,
    })),
    nextCursor: nextCursor ?? null,
  });
});
