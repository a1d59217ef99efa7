import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db, Prisma, Tx } from "@/lib/db/client";
import { AppError, type FieldErrors, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { assertCodesFree } from "./assert-codes-free";
import { assertCategoryExists } from "./create-product";
import { DEFAULT_CURRENCY } from "./currency";
import { comboKey } from "./generate-variants";
import {
  changedFields,
  inTransaction,
  loadProductForSnapshot,
  productEventPayload,
  productSnapshot,
} from "./product-snapshot";
import { refreshProductSearch } from "./refresh-product-search";
import { explainSaveFailure } from "./save-conflicts";
import {
  type UpdateProductInput,
  updateProductSchema,
  type VariantInput,
} from "./schemas";

/**
 * Changes a product and, optionally, some of its variants: variants with
 * an id are updated, those without one are added, and those not listed
 * stay as they are. Orders keep their own copies of prices and titles, so
 * nothing here changes an order already placed.
 */
export async function updateProduct(
  db: Db,
  actor: Actor,
  productId: string,
  input: UpdateProductInput,
) {
  authorize(actor, "catalog:write");
  const data = parseInput(updateProductSchema, input);
  const variants = data.variants ?? [];
  const claims = { productId, handle: data.handle, variants };

  try {
    return await inTransaction(db, async (tx) => {
      const before = await lockProduct(tx, productId);
      checkVariantsBelong(before, variants);
      checkOptionsStillFit(before, data.optionNames, variants);
      await assertCategoryExists(tx, data.categoryId);
      await assertCodesFree(tx, claims);

      await tx.product.update({
        where: { id: productId },
        data: {
          title: data.title,
          handle: data.handle,
          description: data.description,
          brand: data.brand,
          categoryId: data.categoryId,
          status: data.status,
          taxCategory: data.taxCategory,
          isFeatured: data.isFeatured,
          attributes: data.attributes as Prisma.InputJsonValue | undefined,
          optionNames: data.optionNames,
          // A variant-only change still moves the product's updatedAt, which
          // integrations sync by.
          updatedAt: new Date(),
        },
      });
      await writeVariants(tx, before, variants);

      const after = await loadProductForSnapshot(tx, productId);
      if (!after) throw notFound("The product");
      const diff = changedFields(productSnapshot(before), productSnapshot(after));

      await refreshProductSearch(tx, [productId]);
      if (diff.fields.length > 0) {
        await recordAudit(tx, {
          actor,
          action: "product.updated",
          entityType: "product",
          entityId: productId,
          before: diff.before,
          after: diff.after,
        });
        await emitEvent(tx, {
          type: "catalog.product_updated",
          aggregateType: "product",
          aggregateId: productId,
          payload: productEventPayload(after, diff.fields),
        });
      }
      return after;
    });
  } catch (error) {
    throw await explainSaveFailure(db, error, claims);
  }
}

type LoadedProduct = NonNullable<Awaited<ReturnType<typeof loadProductForSnapshot>>>;

/** Reads the product under a row lock, so two edits apply one after the other. */
async function lockProduct(tx: Tx, productId: string): Promise<LoadedProduct> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
  const product = locked.length > 0 ? await loadProductForSnapshot(tx, productId) : null;
  if (!product) throw notFound("The product");
  return product;
}

function checkVariantsBelong(product: LoadedProduct, variants: VariantInput[]): void {
  const own = new Set(product.variants.map((v) => v.id));
  const fields: FieldErrors = {};
  variants.forEach((variant, index) => {
    if (variant.id && !own.has(variant.id)) {
      fields[`variants.${index}.id`] = ["This variant is not one of the product's."];
    }
  });
  if (product.variants.length + variants.filter((v) => !v.id).length > 250) {
    fields.variants = ["A product has at most 250 variants."];
  }
  throwIfAny(fields);
}

/**
 * After the change, every active variant has one value per option and no
 * two active variants share their values.
 */
function checkOptionsStillFit(
  product: LoadedProduct,
  optionNames: string[] | undefined,
  variants: VariantInput[],
): void {
  const names = optionNames ?? product.optionNames;
  const given = new Map(variants.flatMap((v, i) => (v.id ? [[v.id, i] as const] : [])));
  const merged = [
    ...product.variants
      .filter((v) => !given.has(v.id))
      .map((v) => ({ ...v, path: null as string | null })),
    ...variants.map((v, i) => ({ ...v, path: `variants.${i}` })),
  ];

  const fields: FieldErrors = {};
  const combos = new Map<string, string>();
  for (const variant of merged) {
    if (!variant.isActive) continue;
    const path = variant.path ?? "optionNames";
    if (variant.optionValues.length !== names.length) {
      const field = variant.path ? `${path}.optionValues` : path;
      fields[field] = [
        variant.path
          ? `Give one value for each option (${names.length}).`
          : `Variant ${variant.sku} has ${variant.optionValues.length} option values; ` +
            `give it ${names.length} or deactivate it.`,
      ];
      continue;
    }
    const key = comboKey(variant.optionValues);
    const holder = combos.get(key);
    if (holder !== undefined && names.length > 0) {
      fields[variant.path ? `${path}.optionValues` : path] = [
        `${variant.optionValues.join(" / ")} is also variant ${holder}.`,
      ];
    } else combos.set(key, variant.sku);
  }
  throwIfAny(fields);
}

async function writeVariants(tx: Tx, product: LoadedProduct, variants: VariantInput[]) {
  const existing = new Map(product.variants.map((v) => [v.id, v]));
  let nextPosition = product.variants.reduce(
    (max, v) => Math.max(max, v.position + 1),
    0,
  );

  for (const variant of variants) {
    const values = {
      sku: variant.sku,
      barcode: variant.barcode,
      optionValues: variant.optionValues,
      priceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      costMinor: variant.costMinor,
      weightGrams: variant.weightGrams,
      isActive: variant.isActive,
    };
    const old = variant.id ? existing.get(variant.id) : undefined;
    if (!old) {
      await tx.variant.create({
        data: {
          ...values,
          productId: product.id,
          currency: variant.currency ?? DEFAULT_CURRENCY,
          position: nextPosition,
        },
      });
      nextPosition += 1;
      continue;
    }
    const isSame =
      JSON.stringify({ ...values, currency: variant.currency ?? old.currency }) ===
      JSON.stringify({
        sku: old.sku,
        barcode: old.barcode,
        optionValues: old.optionValues,
        priceMinor: old.priceMinor,
        compareAtMinor: old.compareAtMinor,
        costMinor: old.costMinor,
        weightGrams: old.weightGrams,
        isActive: old.isActive,
        currency: old.currency,
      });
    if (!isSame) {
      await tx.variant.update({
        where: { id: old.id },
        data: { ...values, currency: variant.currency ?? old.currency },
      });
    }
  }
}

function throwIfAny(fields: FieldErrors): void {
  if (Object.keys(fields).length === 0) return;
  throw new AppError("invalid_input", "Some fields need attention.", {
    internal: `product update refused: ${Object.keys(fields).join(", ")}`,
    fields,
  });
}
