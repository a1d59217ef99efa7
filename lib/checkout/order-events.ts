import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { type EventInput, emitEvents } from "@/lib/events/emit-event";

/** Staff and API keys answer for what they do; shoppers are not audited. */
export function isAccountable(actor: Actor | null): actor is Actor {
  return actor?.kind === "staff" || actor?.kind === "api_key";
}

/**
 * Announces an order change through the outbox, and audits it when staff
 * or an API key made it, in the transaction that makes the change.
 */
export async function announceOrder(
  tx: Tx,
  options: {
    actor: Actor | null;
    type: string;
    order: { id: string; number: string; status: string; locationId: string | null };
    payload?: Record<string, unknown>;
    before?: unknown;
    after?: unknown;
    /** More events of the same change, written in the same statement. */
    alsoEmit?: readonly EventInput[];
  },
): Promise<void> {
  const { order } = options;
  await emitEvents(tx, [
    {
      type: options.type,
      aggregateType: "order",
      aggregateId: order.id,
      locationId: order.locationId,
      payload: {
        orderId: order.id,
        number: order.number,
        status: order.status,
        ...options.payload,
      },
    },
    ...(options.alsoEmit ?? []),
  ]);
  if (isAccountable(options.actor)) {
    await recordAudit(tx, {
      actor: options.actor,
      action: options.type,
      entityType: "order",
      entityId: order.id,
      before: options.before,
      after: options.after ?? { number: order.number, status: order.status },
      locationId: order.locationId,
    });
  }
}
