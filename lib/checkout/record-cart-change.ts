import { auditInsert, recordAudit } from "@/lib/audit/record-audit";
import type { Prisma, Tx } from "@/lib/db/client";
import { emitEvent, outboxInsert } from "@/lib/events/emit-event";
import type { CartActor } from "./cart-access";
import { isAccountable } from "./order-events";

/**
 * Tells the world a cart changed (a POS cart can be open on two devices)
 * and, for staff and API keys, audits it, in the change's transaction.
 */
export async function recordCartChange(tx: Tx, options: CartChange): Promise<void> {
  await emitEvent(tx, cartEvent(options));
  const audit = cartAudit(options);
  if (audit) await recordAudit(tx, audit);
}

/**
 * The same records as INSERTs for a change made in one statement
 * (lib/db/one-statement.ts); the writer announces the event after it.
 */
export function cartChangeInserts(
  options: CartChange & {
    /** A FROM clause the rows are written from, one per row (say the guard's). */
    onlyIf?: Prisma.Sql;
  },
): (Prisma.Sql | null)[] {
  const audit = cartAudit(options);
  return [
    outboxInsert(cartEvent(options), options.onlyIf),
    audit ? auditInsert(audit, options.onlyIf) : null,
  ];
}

interface CartChange {
  actor: CartActor;
  action: string;
  cart: { id: string; locationId: string | null };
  before?: unknown;
  after?: unknown;
}

function cartEvent(options: CartChange) {
  return {
    type: options.action,
    aggregateType: "cart",
    aggregateId: options.cart.id,
    locationId: options.cart.locationId,
    payload: { cartId: options.cart.id },
  };
}

function cartAudit(options: CartChange) {
  if (!isAccountable(options.actor)) return null;
  return {
    actor: options.actor,
    action: options.action,
    entityType: "cart",
    entityId: options.cart.id,
    before: options.before,
    after: options.after,
    locationId: options.cart.locationId,
  };
}
