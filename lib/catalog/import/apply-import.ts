import { type AuditInput, recordAudits } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma, PrismaClient, Tx } from "@/lib/db/client";
import { type EventInput, emitEvents } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import { refreshProductSearch } from "../refresh-product-search";
import { uniqueFieldOf } from "../unique-violation";
import {
  insertProducts,
  insertVariants,
  type NewVariantRow,
  uuidv7,
} from "./bulk-insert";
import type { ImportIssue } from "./report";
import type { ProductPlan, VariantPlan } from "./validate-import";

export interface ApplyResult {
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  /** Valid products that could not be written after all (a code taken meanwhile). */
  failed: ImportIssue[];
}

/** Products per transaction: big enough to be quick, small enough to retry. */
export const APPLY_BATCH_SIZE = 200;

/**
 * Writes the valid products of a validated plan, in batches of whole
 * products, each batch in one transaction: a product's rows are written
 * together or not at all. A batch that meets a unique-index clash (another
 * save took a code since the dry run) is retried product by product, and
 * only the clashing products are reported as not written.
 */
export async function applyImportPlan(
  db: PrismaClient,
  actor: Actor,
  products: readonly ProductPlan[],
): Promise<ApplyResult> {
  const result: ApplyResult = {
    productsCreated: 0,
    productsUpdated: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
    failed: [],
  };
  const pending = products.filter((p) => p.isValid && p.change !== "unchanged");

  for (let start = 0; start < pending.length; start += APPLY_BATCH_SIZE) {
    const batch = pending.slice(start, start + APPLY_BATCH_SIZE);
    try {
      const counts = await db.$transaction((tx) => writeBatch(tx, actor, batch), {
        maxWait: 10_000,
        timeout: 120_000,
      });
      add(result, counts);
    } catch (error) {
      if (!uniqueFieldOf(error) && !isRetryable(error)) throw error;
      logger.warn(
        { err: error, firstRow: batch[0]?.firstRow },
        "import batch clashed; retrying one by one",
      );
      for (const product of batch) {
        try {
          const counts = await db.$transaction((tx) => writeBatch(tx, actor, [product]));
          add(result, counts);
        } catch (single) {
          const field = uniqueFieldOf(single);
          if (!field && !isRetryable(single)) throw single;
          result.failed.push({
            row: product.firstRow,
            column: field,
            columnLetter: null,
            severity: "error",
            code: "conflict_on_apply",
            message:
              `Not written: its ${field ?? "data"} was taken or changed by another save ` +
              "since the dry run. Run the import again.",
          });
        }
      }
    }
  }
  return result;
}

function add(result: ApplyResult, counts: Omit<ApplyResult, "failed">) {
  result.productsCreated += counts.productsCreated;
  result.productsUpdated += counts.productsUpdated;
  result.variantsCreated += counts.variantsCreated;
  result.variantsUpdated += counts.variantsUpdated;
}

// A product changed by someone else between the dry run and the write
// (its row vanished, say) fails the batch like a clash does.
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === "P2025" || code === "P2003";
}

async function writeBatch(tx: Tx, actor: Actor, batch: readonly ProductPlan[]) {
  const counts = {
    productsCreated: 0,
    productsUpdated: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
  };
  const created = batch.filter((p) => !p.existing);
  const updated = batch.filter((p) => p.existing);

  const ids = new Map<string, string>();
  if (created.length > 0) {
    const rows = created.map((p) => ({
      id: uuidv7(),
      handle: p.handle,
      title: p.fields.title ?? p.handle,
      description: p.fields.description ?? "",
      brand: p.fields.brand ?? null,
      categoryId: p.fields.categoryId ?? null,
      status: p.fields.status ?? "DRAFT",
      taxCategory: p.fields.taxCategory ?? "STANDARD",
      isFeatured: p.fields.isFeatured ?? false,
      attributes: p.fields.attributes ?? [],
      optionNames: p.fields.optionNames,
    }));
    await insertProducts(tx, rows);
    for (const row of rows) ids.set(row.handle, row.id);
    counts.productsCreated = created.length;
  }

  for (const plan of updated) {
    const existing = plan.existing as NonNullable<ProductPlan["existing"]>;
    ids.set(plan.handle, existing.id);
    await tx.product.update({
      where: { id: existing.id },
      data: {
        title: plan.fields.title,
        description: plan.fields.description,
        brand: plan.fields.brand,
        categoryId: plan.fields.categoryId,
        status: plan.fields.status,
        taxCategory: plan.fields.taxCategory,
        isFeatured: plan.fields.isFeatured,
        attributes: plan.fields.attributes as Prisma.InputJsonValue | undefined,
        updatedAt: new Date(),
      },
    });
    counts.productsUpdated += 1;
  }

  const newVariants: NewVariantRow[] = [];
  for (const plan of batch) {
    const productId = ids.get(plan.handle) as string;
    let position = (plan.existing?.variants ?? []).reduce(
      (max, v) => Math.max(max, v.position + 1),
      0,
    );
    for (const variant of plan.variants) {
      if (variant.change === "create") {
        newVariants.push({
          id: uuidv7(),
          productId,
          position,
          sku: variant.sku,
          barcode: variant.barcode ?? null,
          optionValues: variant.optionValues,
          priceMinor: variant.priceMinor,
          compareAtMinor: variant.compareAtMinor ?? null,
          costMinor: variant.costMinor ?? null,
          weightGrams: variant.weightGrams ?? null,
          currency: variant.currency,
          isActive: variant.isActive,
        });
        position += 1;
      } else if (variant.change === "update" && variant.existingId) {
        await tx.variant.update({
          where: { id: variant.existingId },
          data: variantData(variant),
        });
        counts.variantsUpdated += 1;
      }
    }
  }
  if (newVariants.length > 0) {
    await insertVariants(tx, newVariants);
    counts.variantsCreated = newVariants.length;
  }

  await refreshProductSearch(tx, [...ids.values()]);
  // One statement each for the batch's audit entries and events: one
  // insert per product would take most of an import's time.
  const notes = batch.map((plan) =>
    announcement(actor, plan, ids.get(plan.handle) as string),
  );
  await recordAudits(
    tx,
    notes.map((n) => n.audit),
  );
  await emitEvents(
    tx,
    notes.map((n) => n.event),
  );
  return counts;
}

function variantData(variant: VariantPlan) {
  return {
    sku: variant.sku,
    optionValues: variant.optionValues,
    priceMinor: variant.priceMinor,
    currency: variant.currency,
    isActive: variant.isActive,
    ...(variant.barcode !== undefined ? { barcode: variant.barcode } : {}),
    ...(variant.compareAtMinor !== undefined
      ? { compareAtMinor: variant.compareAtMinor }
      : {}),
    ...(variant.costMinor !== undefined ? { costMinor: variant.costMinor } : {}),
    ...(variant.weightGrams !== undefined ? { weightGrams: variant.weightGrams } : {}),
  };
}

/** One audit entry (before and after) and one outbox event per product. */
function announcement(
  actor: Actor,
  plan: ProductPlan,
  productId: string,
): { audit: AuditInput; event: EventInput } {
  const changedVariants = plan.variants.filter((v) => v.change !== "unchanged");
  const oldById = new Map((plan.existing?.variants ?? []).map((v) => [v.id, v]));
  const after = {
    ...definedFields(plan),
    variants: changedVariants.map((v) => variantData(v)),
  };
  const before = plan.existing
    ? {
        ...Object.fromEntries(
          Object.keys(definedFields(plan)).map((key) => [
            key,
            (plan.existing as unknown as Record<string, unknown>)[key],
          ]),
        ),
        variants: changedVariants.flatMap((v) => {
          const old = v.existingId ? oldById.get(v.existingId) : undefined;
          return old
            ? [
                {
                  sku: old.sku,
                  barcode: old.barcode,
                  optionValues: old.optionValues,
                  priceMinor: old.priceMinor,
                  compareAtMinor: old.compareAtMinor,
                  costMinor: old.costMinor,
                  weightGrams: old.weightGrams,
                  currency: old.currency,
                  isActive: old.isActive,
                },
              ]
            : [];
        }),
      }
    : undefined;

  const audit: AuditInput = {
    actor,
    action: plan.existing ? "product.updated" : "product.created",
    entityType: "product",
    entityId: productId,
    before,
    after: { ...after, source: "csv_import" },
  };
  const event: EventInput = {
    type: plan.existing ? "catalog.product_updated" : "catalog.product_created",
    aggregateType: "product",
    aggregateId: productId,
    payload: {
      productId,
      handle: plan.handle,
      title: plan.fields.title,
      status: plan.fields.status ?? plan.existing?.status,
      changed: ["import"],
      variants: changedVariants.map((v) => ({
        id: v.existingId,
        sku: v.sku,
        priceMinor: v.priceMinor,
        compareAtMinor: v.compareAtMinor ?? null,
        currency: v.currency,
        isActive: v.isActive,
      })),
    },
  };
  return { audit, event };
}

function definedFields(plan: ProductPlan): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ handle: plan.handle, ...plan.fields }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}
