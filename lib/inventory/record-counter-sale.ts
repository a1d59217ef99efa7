import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import type { StockExceptionKind } from "@/lib/db/generated/enums";
import { AppError, type FieldErrors } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { type AppliedMovement, applyMovements } from "./apply-movement";

export interface CounterSaleOptions {
  actor: Actor;
  locationId: string;
  lines: readonly { variantId: string; quantity: number }[];
  /** The sale, e.g. ("order", "<id>"), or ("offline_sale", "<device id>"). */
  sourceType: string;
  sourceId: string;
}

export interface CounterSaleResult {
  movements: AppliedMovement[];
  /** Levels the sale left short, each now waiting for a recount. */
  exceptions: { variantId: string; kind: StockExceptionKind; onHand: number }[];
}

/**
 * Records a carry-out sale of goods the shopper is holding at the counter.
 * It is never refused for lack of recorded stock: the shelf wins. When on
 * hand goes below zero (or below what online orders reserved) it raises a
 * stock exception and an `inventory.negative_stock` event so the store
 * recounts. Offline sales replayed later come through here too.
 */
export async function recordCounterSale(
  tx: Tx,
  options: CounterSaleOptions,
): Promise<CounterSaleResult> {
  authorize(options.actor, "pos:sell", { locationId: options.locationId });
  checkLines(options.lines);

  const movements = await applyMovements(
    tx,
    options.lines.map((line, i) => ({
      variantId: line.variantId,
      locationId: options.locationId,
      quantity: -line.quantity,
      reason: "SALE" as const,
      sourceType: options.sourceType,
      sourceId: options.sourceId,
      actor: actorRef(options.actor),
      guard: "none" as const,
      field: `lines.${i}.quantity`,
    })),
  );

  const exceptions: CounterSaleResult["exceptions"] = [];
  for (const m of movements) {
    const kind: StockExceptionKind | null =
      m.onHand < 0
        ? "NEGATIVE_STOCK"
        : m.onHand < m.reserved
          ? "RESERVATION_SHORTFALL"
          : null;
    if (!kind) continue;

    await tx.stockException.create({
      data: {
        variantId: m.variantId,
        locationId: m.locationId,
        kind,
        onHand: m.onHand,
        reserved: m.reserved,
        sourceType: options.sourceType,
        sourceId: options.sourceId,
        movementId: m.movementId,
      },
    });
    await emitEvent(tx, {
      type:
        kind === "NEGATIVE_STOCK"
          ? "inventory.negative_stock"
          : "inventory.reservation_shortfall",
      aggregateType: "inventory_level",
      aggregateId: `${m.variantId}:${m.locationId}`,
      locationId: m.locationId,
      payload: {
        variantId: m.variantId,
        locationId: m.locationId,
        sku: m.sku,
        onHand: m.onHand,
        reserved: m.reserved,
        sourceType: options.sourceType,
        sourceId: options.sourceId,
      },
    });
    exceptions.push({ variantId: m.variantId, kind, onHand: m.onHand });
  }
  return { movements, exceptions };
}

function checkLines(lines: CounterSaleOptions["lines"]): void {
  const fields: FieldErrors = {};
  if (lines.length === 0) fields.lines = ["A sale needs at least one line."];
  lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      fields[`lines.${i}.quantity`] = ["Sell a whole number of units, at least 1."];
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some fields need attention.", { fields });
  }
}
