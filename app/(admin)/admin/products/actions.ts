"use server";

import { z } from "zod";
import { bulkUpdatePrices } from "@/lib/catalog/bulk-update-prices";
import { createProduct } from "@/lib/catalog/create-product";
import { configuredImageStore } from "@/lib/catalog/images/image-store";
import {
  updateProductImages,
  updateProductImagesSchema,
} from "@/lib/catalog/images/update-product-images";
import { bulkUpdatePricesSchema, createProductSchema } from "@/lib/catalog/schemas";
import { updateProduct } from "@/lib/catalog/update-product";
import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";

export const createProductAction = staffAction(
  "catalog:write",
  createProductSchema,
  async (input, staff) => {
    const product = await createProduct(db, staff, input);
    return { id: product.id, handle: product.handle };
  },
);

// The changes are parsed by updateProduct itself so that field errors are
// keyed as the form names them ("title", "variants.2.sku").
const updateProductActionSchema = z.object({ productId: z.uuid(), changes: z.unknown() });

export const updateProductAction = staffAction(
  "catalog:write",
  updateProductActionSchema,
  async (input, staff) => {
    const product = await updateProduct(
      db,
      staff,
      input.productId,
      input.changes as Parameters<typeof updateProduct>[3],
    );
    return {
      id: product.id,
      handle: product.handle,
      updatedAt: product.updatedAt.toISOString(),
    };
  },
);

export const bulkUpdatePricesAction = staffAction(
  "catalog:write",
  bulkUpdatePricesSchema,
  (input, staff) => bulkUpdatePrices(db, staff, input),
);

// A bulk edit chosen by product changes every active variant of those
// products; the change itself is parsed by bulkUpdatePrices.
const productPricesSchema = z.object({
  productIds: z
    .array(z.uuid())
    .min(1, { error: "Select at least one product." })
    .max(500),
  change: z.record(z.string(), z.unknown()),
});

export const bulkUpdateProductPricesAction = staffAction(
  "catalog:write",
  productPricesSchema,
  async (input, staff) => {
    const variants = await db.variant.findMany({
      where: { productId: { in: input.productIds }, isActive: true },
      select: { id: true },
    });
    return bulkUpdatePrices(db, staff, {
      ...input.change,
      variantIds: variants.map((v) => v.id),
    });
  },
);

export const updateProductImagesAction = staffAction(
  "catalog:write",
  updateProductImagesSchema,
  (input, staff) => updateProductImages(db, configuredImageStore(), staff, input),
);
