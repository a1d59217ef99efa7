import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyMovements } from "./apply-movement";
import { resolveLocation, resolveSkus } from "./resolve-refs";
import { type ReceiveStockInput, receiveStockSchema } from "./schemas";

/**
 * Receives a delivery into a location: a receipt record, a RECEIPT
 * movement per line and a dated receipt layer per line, so the stock can
 * later be aged first in, first out.
 */
export async function receiveStock(tx: Tx, actor: Actor, input: ReceiveStockInput) {
  const data = parseInput(receiveStockSchema, input);
  const location = await resolveLocation(tx, data.location, {
    field: "location",
    mustHoldStock: true,
  });
  authorize(actor, "inventory:receive", { locationId: location.id });
  const variants = await resolveSkus(
    tx,
    data.lines.map((l) => l.sku),
  );

  const receivedAt = data.receivedAt ?? new Date();
  const receipt = await tx.stockReceipt.create({
    data: {
      locationId: location.id,
      reference: data.reference || null,
      receivedAt,
      note: data.note || null,
      actor: actorRef(actor),
    },
  });

  const applied = await applyMovements(
    tx,
    data.lines.map((line) => {
      const variant = variants.get(line.sku);
      if (!variant) throw new Error(`resolved SKU ${line.sku} went missing`);
      const unitCostMinor = line.unitCostMinor ?? variant.costMinor;
      return {
        variantId: variant.id,
        locationId: location.id,
        quantity: line.quantity,
        reason: "RECEIPT" as const,
        sourceType: "receipt",
        sourceId: receipt.id,
        note: data.reference ?? null,
        actor: actorRef(actor),
        layers: [
          {
            receivedAt,
            quantity: line.quantity,
            unitCostMinor: unitCostMinor ?? null,
            currency: unitCostMinor == null ? null : variant.currency,
          },
        ],
      };
    }),
  );

  const result = {
    id: receipt.id,
    location: location.code,
    reference: receipt.reference,
    receivedAt: receipt.receivedAt.toISOString(),
    lines: applied.map((m) => ({ sku: m.sku, quantity: m.quantity, onHand: m.onHand })),
  };
  await recordAudit(tx, {
    actor,
    action: "inventory.received",
    entityType: "stock_receipt",
    entityId: receipt.id,
    after: result,
    locationId: location.id,
  });
  await emitEvent(tx, {
    type: "inventory.received",
    aggregateType: "stock_receipt",
    aggregateId: receipt.id,
    locationId: location.id,
    payload: result,
  });
  return result;
}
