import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db, Prisma } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { assertCodesFree } from "./assert-codes-free";
import { DEFAULT_CURRENCY } from "./currency";
import {
  inTransaction,
  PRODUCT_SNAPSHOT_INCLUDE,
  productEventPayload,
  productSnapshot,
} from "./product-snapshot";
import { refreshProductSearch } from "./refresh-product-search";
import { explainSaveFailure } from "./save-conflicts";
import { type CreateProductInput, createProductSchema } from "./schemas";
import { handleFromTitle } from "./text";

/**
 * Creates a product with its variants. The handle defaults to one made
 * from the title; SKUs, barcodes and the handle must be free across the
 * whole catalogue. Audited and announced in the same transaction.
 */
export async function createProduct(db: Db, actor: Actor, input: CreateProductInput) {
  authorize(actor, "catalog:write");
  const data = parseInput(createProductSchema, input);
  const handle = data.handle ?? handleFromTitle(data.title);
  if (!handle) {
    throw new AppError("invalid_input", "Some fields need attention.", {
      fields: {
        handle: ["Enter a handle; the title has no letters or digits to make one."],
      },
    });
  }
  const claims = { handle, variants: data.variants };

  try {
    return await inTransaction(db, async (tx) => {
      await assertCategoryExists(tx, data.categoryId);
      await assertCodesFree(tx, claims);

      const product = await tx.product.create({
        data: {
          handle,
          title: data.title,
          description: data.description,
          brand: data.brand,
          categoryId: data.categoryId,
          status: data.status,
          taxCategory: data.taxCategory,
          isFeatured: data.isFeatured,
          attributes: data.attributes as Prisma.InputJsonValue,
          optionNames: data.optionNames,
          imageUrls: [],
          variants: {
            createMany: {
              data: data.variants.map((v, position) => ({
                sku: v.sku,
                barcode: v.barcode,
                optionValues: v.optionValues,
                priceMinor: v.priceMinor,
                compareAtMinor: v.compareAtMinor,
                costMinor: v.costMinor,
                weightGrams: v.weightGrams,
                currency: v.currency ?? DEFAULT_CURRENCY,
                isActive: v.isActive,
                position,
              })),
            },
          },
        },
        include: PRODUCT_SNAPSHOT_INCLUDE,
      });

      await refreshProductSearch(tx, [product.id]);
      await recordAudit(tx, {
        actor,
        action: "product.created",
        entityType: "product",
        entityId: product.id,
        after: productSnapshot(product),
      });
      await emitEvent(tx, {
        type: "catalog.product_created",
        aggregateType: "product",
        aggregateId: product.id,
        payload: productEventPayload(product),
      });
      return product;
    });
  } catch (error) {
    throw await explainSaveFailure(db, error, claims);
  }
}

/** Refuses a category id that does not exist, as a field error. */
export async function assertCategoryExists(
  db: Db,
  categoryId: string | null | undefined,
) {
  if (!categoryId) return;
  const found = await db.category.findUnique({
    where: { id: categoryId },
    select: { id: true },
  });
  if (!found) {
    throw new AppError("invalid_input", "Some fields need attention.", {
      fields: { categoryId: ["That category does not exist (any more)."] },
    });
  }
}
