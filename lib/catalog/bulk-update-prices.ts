import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyPpm, percentToPpm } from "@/lib/money";
import { LIMITS } from "./limits";
import {
  inTransaction,
  PRODUCT_SNAPSHOT_INCLUDE,
  productEventPayload,
} from "./product-snapshot";
import { type BulkUpdatePrices, bulkUpdatePricesSchema } from "./schemas";

export interface BulkPriceResult {
  variantsChanged: number;
  productsChanged: number;
  /** Variants whose compare-at price was cleared because the price reached it. */
  compareAtCleared: number;
}

/**
 * The new amount for one variant: set, add or a percentage, optionally
 * rounded down to a price ending (e.g. .99). Null when a compare-at price
 * is changed relatively but the variant has none.
 */
export function newAmount(
  current: number | null,
  change: BulkUpdatePrices,
): number | null {
  let next: number;
  if (change.mode === "set") next = change.value;
  else if (current === null) return null;
  else if (change.mode === "add") next = current + change.value;
  else next = applyPpm(current, percentToPpm(100 + change.value), "half_up");

  if (change.endingMinor !== null && next > 0) {
    let ended = Math.floor(next / 100) * 100 + change.endingMinor;
    if (ended > next) ended -= 100;
    next = ended >= 0 ? ended : next;
  }
  return next;
}

/**
 * Changes the price (or compare-at price) of a selection of variants in
 * one transaction: all of them or, if any result would be invalid, none.
 * One audit entry and one outbox event per product touched.
 */
export async function bulkUpdatePrices(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<BulkPriceResult> {
  authorize(actor, "catalog:write");
  const change = parseInput(bulkUpdatePricesSchema, input);
  const ids = [...new Set(change.variantIds)].sort();

  return inTransaction(db, async (tx) => {
    // Fixed order, so two bulk edits over overlapping selections cannot deadlock.
    await tx.$queryRaw`
      SELECT id FROM "Variant" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const variants = await tx.variant.findMany({ where: { id: { in: ids } } });
    if (variants.length !== ids.length) {
      throw new AppError(
        "not_found",
        "Some selected variants no longer exist; reload the list.",
      );
    }

    const problems: string[] = [];
    const updates: {
      id: string;
      productId: string;
      before: object;
      after: object;
      data: object;
    }[] = [];
    let compareAtCleared = 0;
    for (const variant of variants) {
      const current =
        change.field === "priceMinor" ? variant.priceMinor : variant.compareAtMinor;
      const next = newAmount(current, change);
      if (next === null || next === current) continue;
      if (next < 0 || next > LIMITS.amountMinor) {
        problems.push(
          `${variant.sku} would cost ${next < 0 ? "less than nothing" : "too much"}`,
        );
        continue;
      }
      const data: { priceMinor?: number; compareAtMinor?: number | null } = {
        [change.field]: next,
      };
      const price = change.field === "priceMinor" ? next : variant.priceMinor;
      const compareAt = change.field === "compareAtMinor" ? next : variant.compareAtMinor;
      if (compareAt !== null && compareAt <= price) {
        data.compareAtMinor = null;
        compareAtCleared += 1;
      }
      updates.push({
        id: variant.id,
        productId: variant.productId,
        before: {
          id: variant.id,
          sku: variant.sku,
          priceMinor: variant.priceMinor,
          compareAtMinor: variant.compareAtMinor,
        },
        after: {
          id: variant.id,
          sku: variant.sku,
          priceMinor: price,
          compareAtMinor: data.compareAtMinor === null ? null : compareAt,
        },
        data,
      });
    }
    if (problems.length > 0) {
      throw new AppError(
        "invalid_input",
        "Some prices would be out of range; nothing changed.",
        {
          fields: { value: problems.slice(0, 20) },
        },
      );
    }

    for (const update of updates) {
      await tx.variant.update({ where: { id: update.id }, data: update.data });
    }
    const productIds = [...new Set(updates.map((u) => u.productId))];
    for (const productId of productIds) {
      const mine = updates.filter((u) => u.productId === productId);
      const product = await tx.product.update({
        where: { id: productId },
        data: { updatedAt: new Date() },
        include: PRODUCT_SNAPSHOT_INCLUDE,
      });
      await recordAudit(tx, {
        actor,
        action: "product.prices_updated",
        entityType: "product",
        entityId: productId,
        before: { variants: mine.map((u) => u.before) },
        after: { variants: mine.map((u) => u.after), change },
      });
      await emitEvent(tx, {
        type: "catalog.product_updated",
        aggregateType: "product",
        aggregateId: productId,
        payload: productEventPayload(product, ["variants"]),
      });
    }
    return {
      variantsChanged: updates.length,
      productsChanged: productIds.length,
      compareAtCleared,
    };
  });
}
