import { recordAudit } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit-event";
import type { CartActor } from "./cart-access";
import { isAccountable } from "./order-events";

/**
 * Tells the world a cart changed (a POS cart can be open on two devices)
 * and, for staff and API keys, audits it, in the change's transaction.
 */
export async function recordCartChange(
  tx: Tx,
  options: {
    actor: CartActor;
    action: string;
    cart: { id: string; locationId: string | null };
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await emitEvent(tx, {
    type: options.action,
    aggregateType: "cart",
    aggregateId: options.cart.id,
    locationId: options.cart.locationId,
    payload: { cartId: options.cart.id },
  });
  if (isAccountable(options.actor)) {
    await recordAudit(tx, {
      actor: options.actor,
      action: options.action,
      entityType: "cart",
      entityId: options.cart.id,
      before: options.before,
      after: options.after,
      locationId: options.cart.locationId,
    });
  }
}
