import { z } from "zod";
import { barcodeForms } from "@/lib/catalog/barcode-forms";
import { normalizeBarcode, normalizeSku } from "@/lib/catalog/text";
import { db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";

const querySchema = z
  .strictObject({
    barcode: z.string().trim().min(1).max(20).optional(),
    sku: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => (q.barcode ? 1 : 0) + (q.sku ? 1 : 0) === 1, {
    error: "Give exactly one of barcode or sku.",
    path: ["barcode"],
  });

/**
 * Finds variants by exact barcode (any GTIN length: a UPC-A finds its
 * EAN-13 form) or exact SKU (case-insensitive), archived ones included.
 */
export const GET = apiRoute("catalog:read", async (request) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (query.barcode && !/^\d+$/.test(normalizeBarcode(query.barcode))) {
    throw new AppError("invalid_input", "Some fields need attention.", {
      fields: { barcode: ["A barcode has digits only."] },
    });
  }
  const where = query.barcode
    ? { barcode: { in: barcodeForms(normalizeBarcode(query.barcode)) } }
    : { sku: normalizeSku(query.sku ?? "") };
  const variants = await db.variant.findMany({
    where,
    include: {
      product: { select: { id: true, handle: true, title: true, status: true } },
    },
  });
  return Response.json({
    data: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      optionValues: v.optionValues,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      currency: v.currency,
      weightGrams: v.weightGrams,
      isActive: v.isActive,
      product: v.product,
    })),
  });
});
