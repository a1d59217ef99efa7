import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { announceOrder } from "@/lib/checkout/order-events";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { convertReservationsToSale } from "@/lib/inventory/release-reservations";
import { runCardOperations } from "@/lib/payments/card-operations";
import {
  type CardProviders,
  configuredCardProviders,
} from "@/lib/payments/card-providers";
import { livePayments } from "@/lib/payments/live-payments";
import { lockOrderForChange, reservationsOfLines } from "./lock-order";
import { captureForGoodsLeft } from "./order-money";
import {
  assertFulfillmentMove,
  assertOrderMove,
  type FulfillmentStatus,
  hasGoodsLeft,
  settledOrderStatus,
} from "./state-machine";

export interface AdvanceFulfillmentOptions {
  actor: Actor;
  fulfillmentId: string;
  to: Exclude<FulfillmentStatus, "CANCELLED">;
  carrier?: string | null;
  trackingNumber?: string | null;
  providers?: CardProviders;
}

const SETTLED_ORDER = new Set(["PENDING_PAYMENT", "PAYMENT_FAILED", "CANCELLED"]);

/**
 * Moves a fulfillment one step (picking, packed, shipped, ready for
 * pickup, delivered, picked up). When its goods leave (shipped, or handed
 * over at pickup) the reservations become a sale and the money owed for
 * them is captured: at shipment for shipping, at handover for pickup.
 * Fulfillment staff move shipments; store associates hand over pickups.
 */
export async function advanceFulfillment(
  db: PrismaClient,
  options: AdvanceFulfillmentOptions,
) {
  const { actor } = options;
  const ref = actorRef(actor);
  const providers = options.providers ?? configuredCardProviders();
  const found = await db.fulfillment.findUnique({
    where: { id: options.fulfillmentId },
    select: { orderId: true },
  });
  if (!found) throw notFound("Fulfillment");

  const outcome = await db.$transaction(
    async (tx) => {
      const order = await lockOrderForChange(tx, found.orderId);
      const fulfillment = order.fulfillments.find((f) => f.id === options.fulfillmentId);
      if (!fulfillment) throw notFound("Fulfillment");
      const isHandover = options.to === "PICKED_UP" && fulfillment.method === "PICKUP";
      authorize(actor, isHandover ? "pos:sell" : "fulfillment:work", {
        locationId: fulfillment.locationId,
      });
      if (SETTLED_ORDER.has(order.status)) {
        throw new AppError("conflict", "This order is not open for fulfillment.");
      }
      assertFulfillmentMove(fulfillment.method, fulfillment.status, options.to);
      if (isHandover) await assertPaidFor(tx, order);

      const isLeaving = hasGoodsLeft(options.to) && !hasGoodsLeft(fulfillment.status);
      if (isLeaving) {
        const lineIds = order.lines
          .filter((l) => l.fulfillmentId === fulfillment.id)
          .map((l) => l.id);
        const reservationIds = await reservationsOfLines(tx, lineIds);
        await convertReservationsToSale(tx, {
          reservationIds,
          sourceType: "order",
          sourceId: order.id,
          actor: ref,
        });
      }
      await tx.fulfillment.update({
        where: { id: fulfillment.id },
        data: {
          status: options.to,
          ...(options.carrier !== undefined ? { carrier: options.carrier } : {}),
          ...(options.trackingNumber !== undefined
            ? { trackingNumber: options.trackingNumber }
            : {}),
          ...(isLeaving ? { capturedAt: new Date() } : {}),
        },
      });

      const fulfillments = order.fulfillments.map((f) =>
        f.id === fulfillment.id ? { ...f, status: options.to } : f,
      );
      const operations = isLeaving
        ? await captureForGoodsLeft(tx, {
            orderId: order.id,
            fulfillments,
            trigger: fulfillment.id,
            fulfillmentId: fulfillment.id,
            actor: ref,
          })
        : [];
      const payments = await tx.payment.findMany({ where: { orderId: order.id } });
      const status = settledOrderStatus({ status: order.status, fulfillments, payments });
      assertOrderMove(order.status, status);
      if (status !== order.status) {
        await tx.order.update({ where: { id: order.id }, data: { status } });
      }
      await announceOrder(tx, {
        actor,
        type: `fulfillment.${options.to.toLowerCase()}`,
        order: { ...order, status, locationId: fulfillment.locationId },
        payload: { fulfillmentId: fulfillment.id, method: fulfillment.method },
        before: { fulfillment: fulfillment.status },
        after: { fulfillment: options.to, order: status },
      });
      return { status, operations };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );

  const results = await runCardOperations(db, outcome.operations, {
    providers,
    actor: ref,
  });
  return {
    orderStatus: outcome.status,
    failedCaptures: results.filter((r) => !r.ok).length,
  };
}

/** A pay-in-store pickup is handed over only once its payment is taken. */
async function assertPaidFor(
  tx: Parameters<typeof livePayments>[0],
  order: { id: string; fulfillments: { status: string; amountMinor: number }[] },
) {
  const owed = order.fulfillments
    .filter((f) => f.status !== "CANCELLED")
    .reduce((sum, f) => sum + f.amountMinor, 0);
  const payments = await livePayments(tx, order.id);
  const held = payments.reduce(
    (sum, p) => sum + p.amountMinor - p.voidedMinor - p.refundedMinor,
    0,
  );
  if (held < owed) {
    throw new AppError("conflict", "Take the payment before handing the order over.", {
      internal: `order ${order.id} holds ${held} of ${owed}`,
    });
  }
}
