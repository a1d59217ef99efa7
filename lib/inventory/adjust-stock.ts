import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyMovements } from "./apply-movement";
import { resolveLocation, resolveSkus } from "./resolve-refs";
import { type AdjustStockInput, adjustStockSchema } from "./schemas";

/**
 * Corrects stock at a location with a reason: ADJUSTMENT (found, lost,
 * miskeyed) or DAMAGE (written off). A removal may not take on hand below
 * zero; the whole adjustment is refused and nothing is written.
 */
export async function adjustStock(tx: Tx, actor: Actor, input: AdjustStockInput) {
  const data = parseInput(adjustStockSchema, input);
  const location = await resolveLocation(tx, data.location, { field: "location" });
  authorize(actor, "inventory:adjust", { locationId: location.id });
  const variants = await resolveSkus(
    tx,
    data.lines.map((l) => l.sku),
  );

  // One id groups the lines of this adjustment in the ledger and the audit log.
  const adjustmentId = randomUUID();
  const applied = await applyMovements(
    tx,
    data.lines.map((line, i) => ({
      variantId: variants.get(line.sku)?.id ?? "",
      locationId: location.id,
      quantity: line.quantity,
      reason: data.reason,
      sourceType: "adjustment",
      sourceId: adjustmentId,
      note: data.note || null,
      actor: actorRef(actor),
      guard: "non_negative" as const,
      field: `lines.${i}.quantity`,
    })),
  );

  const result = {
    id: adjustmentId,
    location: location.code,
    reason: data.reason,
    note: data.note ?? null,
    lines: applied.map((m) => ({
      sku: m.sku,
      quantity: m.quantity,
      onHandBefore: m.onHand - m.quantity,
      onHand: m.onHand,
    })),
  };
  await recordAudit(tx, {
    actor,
    action: "inventory.adjusted",
    entityType: "stock_adjustment",
    entityId: adjustmentId,
    before: result.lines.map((l) => ({ sku: l.sku, onHand: l.onHandBefore })),
    after: result,
    locationId: location.id,
  });
  await emitEvent(tx, {
    type: "inventory.adjusted",
    aggregateType: "stock_adjustment",
    aggregateId: adjustmentId,
    locationId: location.id,
    payload: result,
  });
  return result;
}
