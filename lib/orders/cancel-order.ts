import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { announceOrder } from "@/lib/checkout/order-events";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { releaseReservations } from "@/lib/inventory/release-reservations";
import { runCardOperations } from "@/lib/payments/card-operations";
import {
  type CardProviders,
  configuredCardProviders,
} from "@/lib/payments/card-providers";
import { lockOrderForChange, reservationsOfLines } from "./lock-order";
import { returnExcessMoney } from "./order-money";
import {
  assertFulfillmentMove,
  assertOrderMove,
  isFulfillmentOpen,
  settledOrderStatus,
} from "./state-machine";

export interface CancelOrderOptions {
  actor: Actor;
  orderId: string;
  reason: string;
  /** Cancel only these fulfillments; every open one when left out. */
  fulfillmentIds?: readonly string[];
  providers?: CardProviders;
}

/**
 * Cancels an order, or some of its fulfillments: their reserved stock goes
 * back on sale, and the money they stood for goes back to the tenders:
 * uncaptured holds are voided, captured money refunded (never more than a
 * tender took). Goods that have already left cannot be cancelled; they
 * come back through a return. A shopper may cancel their own order until
 * picking starts; staff and API keys need "orders:manage".
 */
export async function cancelOrder(db: PrismaClient, options: CancelOrderOptions) {
  const { actor } = options;
  const providers = options.providers ?? configuredCardProviders();
  const ref = actorRef(actor);

  const outcome = await db.$transaction(
    async (tx) => {
      const order = await lockOrderForChange(tx, options.orderId);
      checkAccess(actor, order);
      const wanted = options.fulfillmentIds
        ? order.fulfillments.filter((f) => options.fulfillmentIds?.includes(f.id))
        : order.fulfillments.filter((f) => isFulfillmentOpen(f.status));
      if (options.fulfillmentIds && wanted.length !== options.fulfillmentIds.length) {
        throw new AppError(
          "invalid_input",
          "Some fulfillments are not part of this order.",
          {
            fields: { fulfillmentIds: ["Not all of these belong to the order."] },
          },
        );
      }
      if (wanted.length === 0) {
        throw new AppError("conflict", "Nothing in this order can still be cancelled.");
      }
      for (const f of wanted) assertFulfillmentMove(f.method, f.status, "CANCELLED");
      if (actor.kind === "customer" && wanted.some((f) => f.status !== "ALLOCATED")) {
        throw new AppError("conflict", "Your order is already being prepared.");
      }

      const ids = new Set(wanted.map((f) => f.id));
      const lineIds = order.lines
        .filter((l) => ids.has(l.fulfillmentId ?? ""))
        .map((l) => l.id);
      const reservationIds = await reservationsOfLines(tx, lineIds);
      if (reservationIds.length > 0) await releaseReservations(tx, { reservationIds });
      await tx.fulfillment.updateMany({
        where: { id: { in: [...ids] } },
        data: { status: "CANCELLED" },
      });

      const fulfillments = order.fulfillments.map((f) =>
        ids.has(f.id) ? { ...f, status: "CANCELLED" as const } : f,
      );
      const money = await returnExcessMoney(tx, {
        orderId: order.id,
        fulfillments,
        trigger: `cancel:${[...ids].sort().join(",")}`,
        actor: ref,
      });
      const payments = await tx.payment.findMany({ where: { orderId: order.id } });
      const status = settledOrderStatus({ status: order.status, fulfillments, payments });
      assertOrderMove(order.status, status);
      const isWhole = status === "CANCELLED";
      await tx.order.update({
        where: { id: order.id },
        data: {
          status,
          ...(isWhole ? { cancelledAt: new Date(), cancelReason: options.reason } : {}),
        },
      });
      await announceOrder(tx, {
        actor,
        type: isWhole ? "order.cancelled" : "order.fulfillments_cancelled",
        order: { ...order, status },
        payload: {
          fulfillmentIds: [...ids],
          reason: options.reason,
          releasedMinor: money.releasedMinor,
          refundedMinor: money.refundedMinor,
        },
        before: { status: order.status },
        after: { status, cancelled: [...ids], reason: options.reason },
      });
      return { status, ...money };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );

  const results = await runCardOperations(db, outcome.operations, {
    providers,
    actor: ref,
  });
  return {
    status: outcome.status,
    releasedMinor: outcome.releasedMinor,
    refundedMinor: outcome.refundedMinor,
    /** Card operations the provider refused; finance follows these up. */
    failedOperations: results.filter((r) => !r.ok).length,
  };
}

function checkAccess(
  actor: Actor,
  order: { customerId: string | null; locationId: string | null },
) {
  if (actor.kind === "customer") {
    if (order.customerId !== actor.id)
      throw new AppError("not_found", "Order was not found.");
    return;
  }
  authorize(actor, "orders:manage", { locationId: order.locationId });
}
