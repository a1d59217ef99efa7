import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit-event";
import {
  authorizeEitherEnd,
  findTransfer,
  transferView,
  transitionTransfer,
} from "./transfers";

/**
 * Cancels a transfer that has not shipped. Once shipped, the goods are on
 * the road: receive them (recording what is missing) instead.
 */
export async function cancelTransfer(tx: Tx, actor: Actor, options: { id: string }) {
  const transfer = await findTransfer(tx, options.id);
  authorizeEitherEnd(actor, [transfer.fromLocationId, transfer.toLocationId]);
  await transitionTransfer(tx, {
    id: transfer.id,
    from: "REQUESTED",
    to: "CANCELLED",
    data: { cancelledAt: new Date(), cancelledBy: actorRef(actor) },
    verb: "cancelled",
  });

  const view = transferView(await findTransfer(tx, transfer.id));
  await recordAudit(tx, {
    actor,
    action: "transfer.cancelled",
    entityType: "transfer",
    entityId: transfer.id,
    before: { status: transfer.status },
    after: { status: view.status },
    locationId: transfer.fromLocationId,
  });
  await emitEvent(tx, {
    type: "transfer.cancelled",
    aggregateType: "transfer",
    aggregateId: transfer.id,
    locationId: transfer.fromLocationId,
    payload: view,
  });
  return view;
}
