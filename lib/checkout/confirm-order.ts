import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { FulfillmentMethod, FulfillmentStatus } from "@/lib/db/generated/enums";
import { oneStatement } from "@/lib/db/one-statement";
import { announceAfterCommit } from "@/lib/events/emit-event";
import { recordCounterSale } from "@/lib/inventory/record-counter-sale";
import {
  assertOrderMove,
  type OrderStatusInput,
  settledOrderStatus,
} from "@/lib/orders/state-machine";
import type { CardAuthorization } from "@/lib/payments/authorize-cards";
import { bookCaptures } from "@/lib/payments/capture-payments";
import type { CardOperation } from "@/lib/payments/card-operations";
import { type CartActor, cartActorRef } from "./cart-access";
import { nextCartStamp } from "./load-checkout-cart";
import { orderAnnouncementInserts } from "./order-events";
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
  const order = await lockPendingOrder(tx, options.orderId);
  if (!order) return null;
  const actor = cartActorRef(options.actor);
  await recordCardResults(tx, options.authorizations, actor);

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

  const payments = await tx.$queryRaw<PaymentFigures[]>`
    SELECT status::text AS status, "amountMinor", "capturedMinor", "voidedMinor",
      "refundedMinor"
    FROM "Payment" WHERE "orderId" = ${order.id}`;
  const fulfillments = order.fulfillments.map((f) =>
    f.method === "CARRY_OUT" ? { ...f, status: "PICKED_UP" as const } : f,
  );
  const status = settledOrderStatus({ status: "PLACED", fulfillments, payments });
  assertOrderMove("PENDING_PAYMENT", status);

  const announced = orderAnnouncementInserts({
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
  // The status, the cart converted (a till's offline sale has none), the
  // events and the audit entry: one statement.
  await tx.$queryRaw(
    oneStatement(
      Prisma.sql`UPDATE "Order" SET status = ${status}::"OrderStatus",
          "updatedAt" = now() AT TIME ZONE 'UTC'
        WHERE id = ${order.id} RETURNING id`,
      order.cartId
        ? Prisma.sql`UPDATE "Cart" AS c SET status = 'CONVERTED',
            "updatedAt" = ${nextCartStamp(Prisma.sql`c`)}
          WHERE c.id = ${order.cartId}`
        : null,
      ...announced.inserts,
    ),
  );
  announceAfterCommit(tx, announced.types);
  return operations;
}

type PaymentFigures = OrderStatusInput["payments"][number];

/**
 * Locks an order still waiting for its payment and reads what settling it
 * needs, fulfillments included, in one statement; null when it is not
 * waiting (a twin request settled it) or does not exist.
 */
async function lockPendingOrder(tx: Tx, orderId: string) {
  const [order] = await tx.$queryRaw<
    {
      id: string;
      number: string;
      channel: string;
      currency: string;
      totalMinor: number;
      cartId: string | null;
      locationId: string | null;
      isPayAtPickup: boolean;
      fulfillments: {
        id: string;
        method: FulfillmentMethod;
        status: FulfillmentStatus;
        locationId: string;
        amountMinor: number;
      }[];
    }[]
  >`
    SELECT o.id, o.number, o.channel::text AS channel, o.currency, o."totalMinor",
      o."cartId", o."locationId", o."isPayAtPickup",
      COALESCE((SELECT json_agg(json_build_object('id', f.id, 'method', f.method,
          'status', f.status, 'locationId', f."locationId", 'amountMinor', f."amountMinor")
          ORDER BY f.id)
        FROM "Fulfillment" AS f WHERE f."orderId" = o.id), '[]') AS fulfillments
    FROM "Order" AS o
    WHERE o.id = ${orderId} AND o.status = 'PENDING_PAYMENT'
    FOR UPDATE OF o`;
  return order ?? null;
}
