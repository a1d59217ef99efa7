import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countView, findCountSession } from "./counts";

/** Abandons an open count; nothing it scanned is written to stock. */
export async function cancelCount(tx: Tx, actor: Actor, options: { id: string }) {
  const session = await findCountSession(tx, options.id);
  authorize(actor, "inventory:count", { locationId: session.locationId });
  const result = await tx.countSession.updateMany({
    where: { id: options.id, status: "OPEN" },
    data: { status: "CANCELLED", cancelledAt: new Date(), cancelledBy: actorRef(actor) },
  });
  if (result.count === 0) {
    const state = session.status.toLowerCase();
    throw new AppError("conflict", `Count ${session.number} is already ${state}.`, {
      fields: { id: [`This count is already ${state}.`] },
    });
  }
  const view = countView(await findCountSession(tx, options.id));
  await recordAudit(tx, {
    actor,
    action: "count.cancelled",
    entityType: "count_session",
    entityId: options.id,
    before: { status: session.status },
    after: { status: view.status },
    locationId: session.locationId,
  });
  return view;
}
