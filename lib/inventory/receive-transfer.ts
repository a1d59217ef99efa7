import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyMovements } from "./apply-movement";
import type { LayerSlice } from "./receipt-layers";
import { type ReceiveTransferInput, receiveTransferSchema } from "./schemas";
import { quantitiesBySku } from "./ship-transfer";
import { findTransfer, transferView, transitionTransfer } from "./transfers";

/**
 * Receives a shipped transfer at its destination: a TRANSFER_IN per line
 * for what arrived, carrying the units' original receipt dates. Where the
 * count differs from what was shipped, the difference is recorded on the
 * line as a discrepancy (lost or extra in transit).
 */
export async function receiveTransfer(
  tx: Tx,
  actor: Actor,
  options: { id: string } & ReceiveTransferInput,
) {
  const { id, ...rest } = options;
  const data = parseInput(receiveTransferSchema, rest);
  const transfer = await findTransfer(tx, id);
  authorize(actor, "inventory:transfer", { locationId: transfer.toLocationId });
  if (!transfer.toLocation.isActive) {
    const message = `${transfer.toLocation.code} is inactive and cannot take stock in.`;
    throw new AppError("invalid_input", message, { fields: { to: [message] } });
  }

  const received = quantitiesBySku(
    transfer.lines.map((l) => ({ sku: l.variant.sku, quantity: l.quantityShipped })),
    data.lines ?? [],
    "received",
  );
  const notes = new Map((data.lines ?? []).map((l) => [l.sku, l.note]));
  await transitionTransfer(tx, {
    id,
    from: "SHIPPED",
    to: "RECEIVED",
    data: { receivedAt: new Date(), receivedBy: actorRef(actor) },
    verb: "received",
  });

  for (const line of transfer.lines) {
    const quantity = received.get(line.variant.sku) ?? 0;
    await tx.transferLine.update({
      where: { id: line.id },
      data: {
        quantityReceived: quantity,
        discrepancy: line.quantityShipped - quantity,
        discrepancyNote: notes.get(line.variant.sku) || null,
      },
    });
  }
  await applyMovements(
    tx,
    transfer.lines
      .filter((line) => (received.get(line.variant.sku) ?? 0) > 0)
      .map((line) => ({
        variantId: line.variantId,
        locationId: transfer.toLocationId,
        quantity: received.get(line.variant.sku) ?? 0,
        reason: "TRANSFER_IN" as const,
        sourceType: "transfer",
        sourceId: transfer.id,
        note: transfer.number,
        actor: actorRef(actor),
        layers: shippedLayers(line.shippedLayers),
      })),
  );

  const view = transferView(await findTransfer(tx, id));
  const discrepancies = view.lines.filter((l) => l.discrepancy !== 0);
  await recordAudit(tx, {
    actor,
    action: "transfer.received",
    entityType: "transfer",
    entityId: id,
    before: { status: transfer.status },
    after: view,
    locationId: transfer.toLocationId,
  });
  await emitEvent(tx, {
    type: "transfer.received",
    aggregateType: "transfer",
    aggregateId: id,
    locationId: transfer.toLocationId,
    payload: { ...view, hasDiscrepancies: discrepancies.length > 0 },
  });
  return view;
}

/** The dated batches a shipment carried, read back from the line. */
function shippedLayers(json: unknown): LayerSlice[] {
  if (!Array.isArray(json)) return [];
  return json.map((raw) => {
    const slice = raw as Record<string, unknown>;
    return {
      receivedAt: new Date(String(slice.receivedAt)),
      quantity: Number(slice.quantity) || 0,
      unitCostMinor: typeof slice.unitCostMinor === "number" ? slice.unitCostMinor : null,
      currency: typeof slice.currency === "string" ? slice.currency : null,
    };
  });
}
