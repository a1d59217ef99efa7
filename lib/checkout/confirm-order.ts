import type { Tx } from "@/lib/db/client";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";
import { assertOrderMove, settledOrderStatus } from "@/lib/orders/state-machine";
import type { CardAuthorization } from "@/lib/payments/authorize-cards";
import { bookCaptures } from "@/lib/payments/capture-payments";
import type { CardOperation } from "@/lib/payments/card-operations";
import { type CartActor, cartActorRef } from "./cart-access";
import { announceOrder } from "./order-events";
import { recordCardResults } from "./settle-card-results";

/** Locks an order and reads its status; null when it does not exist. */
export async function lockOrder(tx: Tx, orderId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  return row ?? null;
}

/**
 * The second half of placing an order, once every tender is authorized:
 * records the card answers, sells the carry-out lines at the counter
 * (never refused: the shelf wins), hands their fulfillment over and books
 * its capture, settles the order's status, converts the cart, and tells
 * the world. Returns null when a twin request settled the order first.
 */
export async function confirmOrder(
  tx: Tx,
  options: {
    orderId: string;
    actor: CartActor;
    authorizations: readonly CardAuthorization[];
  },
): Promise<CardOperation[] | null> {
  const locked = await lockOrder(tx, options.orderId);
  if (locked?.status !== "PENDING_PAYMENT") return null;
  const actor = cartActorRef(options.actor);
  await recordCardResults(tx, options.authorizations, actor);

  const order = await tx.order.findUniqueOrThrow({
    where: { id: options.orderId },
    include: { fulfillments: true },
  });
  const carryOut = order.fulfillments.filter((f) => f.method === "CARRY_OUT");
  const carryOutLines =
    carryOut.length > 0
      ? await tx.orderLine.findMany({
          where: { fulfillmentId: { in: carryOut.map((f) => f.id) } },
        })
      : [];
  for (const fulfillment of carryOut) {
    const lines = carryOutLines.filter((l) => l.fulfillmentId === fulfillment.id);
    await recordCounterSale(tx, {
      actor: options.actor ?? { kind: "system", reason: "checkout" },
      locationId: fulfillment.locationId,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      sourceType: "order",
      sourceId: order.id,
    });
  }
  if (carryOut.length > 0) {
    await tx.fulfillment.updateMany({
      where: { id: { in: carryOut.map((f) => f.id) } },
      data: { status: "PICKED_UP" },
    });
  }

  const operations = await bookCaptures(tx, {
    orderId: order.id,
    targetMinor: carryOut.reduce((sum, f) => sum + f.amountMinor, 0),
    trigger: `placed:${order.id}`,
    fulfillmentId: carryOut[0]?.id ?? null,
    actor,
  });
  if (carryOut.length > 0) {
    await tx.fulfillment.updateMany({
      where: { id: { in: carryOut.map((f) => f.id) } },
      data: { capturedAt: new Date() },
    });
  }

  const payments = await tx.payment.findMany({ where: { orderId: order.id } });
  const fulfillments = order.fulfillments.map((f) =>
    f.method === "CARRY_OUT" ? { ...f, status: "PICKED_UP" as const } : f,
  );
  const status = settledOrderStatus({ status: "PLACED", fulfillments, payments });
  assertOrderMove("PENDING_PAYMENT", status);
  await tx.order.update({ where: { id: order.id }, data: { status } });
  // A till's offline sale has no server cart.
  if (order.cartId) {
    await tx.cart.update({ where: { id: order.cartId }, data: { status: "CONVERTED" } });
  }

  await announceOrder(tx, {
    actor: options.actor,
    type: "order.placed",
    order: { ...order, status },
    payload: {
      channel: order.channel,
      currency: order.currency,
      totalMinor: order.totalMinor,
      fulfillments: order.fulfillments.map((f) => ({
        id: f.id,
        method: f.method,
        locationId: f.locationId,
      })),
    },
    after: { number: order.number, status, totalMinor: order.totalMinor, by: actor },
    // Stores and warehouses follow their own work: each hears of its part.
    alsoEmit: order.fulfillments
      .filter((fulfillment) => fulfillment.method !== "CARRY_OUT")
      .map((fulfillment) => ({
        type: "fulfillment.created",
        aggregateType: "fulfillment",
        aggregateId: fulfillment.id,
        locationId: fulfillment.locationId,
        payload: {
          orderId: order.id,
          number: order.number,
          method: fulfillment.method,
          isPayAtPickup: order.isPayAtPickup,
        },
      })),
  });
  return operations;
}
