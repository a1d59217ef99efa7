import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { documentNumber } from "./numbers";
import { resolveLocation, resolveSkus } from "./resolve-refs";
import { type RequestTransferInput, requestTransferSchema } from "./schemas";
import { authorizeEitherEnd, findTransfer, transferView } from "./transfers";

/**
 * Requests stock to move from one location to another. Nothing moves yet:
 * on hand changes when the source ships it.
 */
export async function requestTransfer(tx: Tx, actor: Actor, input: RequestTransferInput) {
  const data = parseInput(requestTransferSchema, input);
  const from = await resolveLocation(tx, data.from, { field: "from" });
  const to = await resolveLocation(tx, data.to, { field: "to", mustHoldStock: true });
  if (from.id === to.id) {
    throw new AppError("invalid_input", "Choose a destination other than the source.", {
      fields: { to: ["Choose a destination other than the source."] },
    });
  }
  authorizeEitherEnd(actor, [from.id, to.id]);
  const variants = await resolveSkus(
    tx,
    data.lines.map((l) => l.sku),
  );

  const created = await tx.transfer.create({
    data: {
      number: documentNumber("TR"),
      fromLocationId: from.id,
      toLocationId: to.id,
      note: data.note || null,
      requestedBy: actorRef(actor),
      lines: {
        create: data.lines.map((line) => ({
          variantId: variants.get(line.sku)?.id ?? "",
          quantityRequested: line.quantity,
        })),
      },
    },
    select: { id: true },
  });

  const view = transferView(await findTransfer(tx, created.id));
  await recordAudit(tx, {
    actor,
    action: "transfer.requested",
    entityType: "transfer",
    entityId: view.id,
    after: view,
    locationId: from.id,
  });
  await emitEvent(tx, {
    type: "transfer.requested",
    aggregateType: "transfer",
    aggregateId: view.id,
    locationId: from.id,
    payload: view,
  });
  return view;
}
