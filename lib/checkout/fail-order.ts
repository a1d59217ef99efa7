import type { Tx } from "@/lib/db/client";
import { releaseReservations } from "@/lib/inventory/release-reservations";
import type { CardAuthorization } from "@/lib/payments/authorize-cards";
import type { CardOperation } from "@/lib/payments/card-operations";
import { bookRefunds } from "@/lib/payments/refund-payments";
import { releaseHolds } from "@/lib/payments/release-holds";
import { type CartActor, cartActorRef } from "./cart-access";
import { lockOrder } from "./confirm-order";
import { announceOrder } from "./order-events";
import { recordCardResults } from "./settle-card-results";
import { undoRedemptions } from "./undo-redemptions";

/**
 * Undoes an order whose payment was declined or failed: its reservations
 * go back on sale, gift cards and store credit are credited back, cash is
 * handed back, approved cards are returned for release, and the cart is
 * free for another try. Stock ends exactly as it was before the checkout.
 * Returns null when a twin request settled the order first.
 */
export async function failOrder(
  tx: Tx,
  options: {
    orderId: string;
    actor: CartActor;
    authorizations: readonly CardAuthorization[];
    reason: string;
  },
): Promise<CardOperation[] | null> {
  const locked = await lockOrder(tx, options.orderId);
  if (locked?.status !== "PENDING_PAYMENT") return null;
  const actor = cartActorRef(options.actor);
  await recordCardResults(tx, options.authorizations, actor);

  const order = await tx.order.findUniqueOrThrow({
    where: { id: options.orderId },
    include: { lines: { select: { id: true } } },
  });
  const reservations = await tx.reservation.findMany({
    where: {
      ownerType: "ORDER_LINE",
      ownerId: { in: order.lines.map((l) => l.id) },
      closedAt: null,
    },
    select: { id: true },
  });
  if (reservations.length > 0) {
    await releaseReservations(tx, { reservationIds: reservations.map((r) => r.id) });
  }

  await undoRedemptions(tx, order.id);

  const trigger = `failed:${order.id}`;
  const released = await releaseHolds(tx, {
    orderId: order.id,
    amountMinor: order.totalMinor,
    trigger,
    actor,
  });
  const refunded = await bookRefunds(tx, {
    orderId: order.id,
    amountMinor: order.totalMinor,
    trigger,
    actor,
  });

  await tx.fulfillment.updateMany({
    where: { orderId: order.id },
    data: { status: "CANCELLED" },
  });
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: "PAYMENT_FAILED",
      cancelledAt: new Date(),
      cancelReason: options.reason,
    },
  });
  await tx.cart.updateMany({
    where: { id: order.cartId ?? "", orderId: order.id },
    data: { orderId: null },
  });
  await announceOrder(tx, {
    actor: options.actor,
    type: "order.payment_failed",
    order: { ...order, status: "PAYMENT_FAILED" },
    payload: { reason: options.reason },
  });
  return [...released.operations, ...refunded.operations];
}
