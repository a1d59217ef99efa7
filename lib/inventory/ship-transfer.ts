import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma, Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { applyMovements } from "./apply-movement";
import { type ShipTransferInput, shipTransferSchema } from "./schemas";
import { findTransfer, transferView, transitionTransfer } from "./transfers";

/**
 * Ships a requested transfer: a TRANSFER_OUT per line leaves the source,
 * and the units are in transit (visible at both ends) until received.
 * Lines may ship short; units already reserved for orders are not shipped.
 */
export async function shipTransfer(
  tx: Tx,
  actor: Actor,
  options: { id: string } & ShipTransferInput,
) {
  const { id, ...rest } = options;
  const data = parseInput(shipTransferSchema, rest);
  const transfer = await findTransfer(tx, id);
  authorize(actor, "inventory:transfer", { locationId: transfer.fromLocationId });

  const shipped = quantitiesBySku(
    transfer.lines.map((l) => ({ sku: l.variant.sku, quantity: l.quantityRequested })),
    data.lines ?? [],
    "shipped",
  );
  await transitionTransfer(tx, {
    id,
    from: "REQUESTED",
    to: "SHIPPED",
    data: { shippedAt: new Date(), shippedBy: actorRef(actor) },
    verb: "shipped",
  });

  const moving = transfer.lines.filter((l) => (shipped.get(l.variant.sku) ?? 0) > 0);
  const applied = await applyMovements(
    tx,
    moving.map((line) => ({
      variantId: line.variantId,
      locationId: transfer.fromLocationId,
      quantity: -(shipped.get(line.variant.sku) ?? 0),
      reason: "TRANSFER_OUT" as const,
      sourceType: "transfer",
      sourceId: transfer.id,
      note: transfer.number,
      actor: actorRef(actor),
      guard: "unreserved" as const,
      field: lineField(data.lines ?? [], line.variant.sku),
    })),
  );
  for (const [i, line] of moving.entries()) {
    const consumed = applied[i]?.consumed ?? [];
    await tx.transferLine.update({
      where: { id: line.id },
      data: {
        quantityShipped: shipped.get(line.variant.sku) ?? 0,
        shippedLayers: consumed.map((c) => ({
          ...c,
          receivedAt: c.receivedAt.toISOString(),
        })) as Prisma.InputJsonValue,
      },
    });
  }

  const view = transferView(await findTransfer(tx, id));
  await recordAudit(tx, {
    actor,
    action: "transfer.shipped",
    entityType: "transfer",
    entityId: id,
    before: { status: transfer.status },
    after: view,
    locationId: transfer.fromLocationId,
  });
  await emitEvent(tx, {
    type: "transfer.shipped",
    aggregateType: "transfer",
    aggregateId: id,
    locationId: transfer.toLocationId,
    payload: view,
  });
  return view;
}

/** The field naming a SKU's override line, or the lines as a whole. */
function lineField(overrides: readonly { sku: string }[], sku: string): string {
  const index = overrides.findIndex((o) => o.sku === sku);
  return index >= 0 ? `lines.${index}.quantity` : "lines";
}

/**
 * The units per SKU of a transfer's lines, with the given overrides.
 * Refuses SKUs not on the transfer and a total of zero, naming the line.
 */
export function quantitiesBySku(
  lines: readonly { sku: string; quantity: number }[],
  overrides: readonly { sku: string; quantity: number }[],
  verb: "shipped" | "received",
): Map<string, number> {
  const result = new Map(lines.map((l) => [l.sku, l.quantity]));
  const fields: Record<string, string[]> = {};
  overrides.forEach((o, i) => {
    if (!result.has(o.sku))
      fields[`lines.${i}.sku`] = [`${o.sku} is not on this transfer.`];
    else result.set(o.sku, o.quantity);
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some lines are not on this transfer.", {
      fields,
    });
  }
  const total = [...result.values()].reduce((a, b) => a + b, 0);
  if (verb === "shipped" && total === 0) {
    throw new AppError(
      "invalid_input",
      "Ship at least one unit, or cancel the transfer.",
      {
        fields: { lines: ["Ship at least one unit, or cancel the transfer."] },
      },
    );
  }
  return result;
}
