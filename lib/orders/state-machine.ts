/**
 * Every allowed move of an order, a fulfillment and a payment, in one
 * place. Domain functions ask here before they write a status; nothing
 * else decides what may follow what.
 *
 * The order's status follows its money (placed, authorized, partly or
 * fully captured, completed, cancelled); each fulfillment follows its
 * goods (allocated, picking, packed, shipped or ready for pickup,
 * delivered or picked up, cancelled).
 */

import type {
  FulfillmentMethod,
  FulfillmentStatus,
  OrderStatus,
  PaymentStatus,
} from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

export type { FulfillmentMethod, FulfillmentStatus, OrderStatus, PaymentStatus };

/** Order status: what may follow each one. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  // Written with the stock taken, before the provider answers.
  PENDING_PAYMENT: [
    "PLACED",
    "AUTHORIZED",
    "PARTIALLY_CAPTURED",
    "CAPTURED",
    "COMPLETED",
    "PAYMENT_FAILED",
  ],
  // Payment due at pickup: paid at the counter, or cancelled when the hold ends.
  PLACED: ["AUTHORIZED", "PARTIALLY_CAPTURED", "CAPTURED", "COMPLETED", "CANCELLED"],
  // Back to PLACED when the provider lets an unused authorization lapse.
  AUTHORIZED: ["PLACED", "PARTIALLY_CAPTURED", "CAPTURED", "COMPLETED", "CANCELLED"],
  // Some fulfillments captured; cancelling the rest may leave it captured.
  PARTIALLY_CAPTURED: ["CAPTURED", "COMPLETED", "CANCELLED"],
  CAPTURED: ["COMPLETED", "CANCELLED"],
  // Returns and exchanges follow their own records, not this status.
  COMPLETED: [],
  CANCELLED: [],
  PAYMENT_FAILED: [],
};

/** Fulfillment status per method: what may follow each one. */
export const FULFILLMENT_TRANSITIONS: Readonly<
  Record<
    FulfillmentMethod,
    Readonly<Record<FulfillmentStatus, readonly FulfillmentStatus[]>>
  >
> = {
  SHIP: {
    ALLOCATED: ["PICKING", "CANCELLED"],
    PICKING: ["PACKED", "CANCELLED"],
    PACKED: ["SHIPPED", "CANCELLED"],
    SHIPPED: ["DELIVERED"],
    READY_FOR_PICKUP: [],
    DELIVERED: [],
    PICKED_UP: [],
    CANCELLED: [],
  },
  PICKUP: {
    ALLOCATED: ["PICKING", "CANCELLED"],
    PICKING: ["PACKED", "CANCELLED"],
    PACKED: ["READY_FOR_PICKUP", "CANCELLED"],
    // Not collected before the hold ends: cancelled and back on sale.
    READY_FOR_PICKUP: ["PICKED_UP", "CANCELLED"],
    SHIPPED: [],
    DELIVERED: [],
    PICKED_UP: [],
    CANCELLED: [],
  },
  // The shopper holds the goods at the counter: handed over as it is placed.
  CARRY_OUT: {
    ALLOCATED: ["PICKED_UP", "CANCELLED"],
    PICKING: [],
    PACKED: [],
    SHIPPED: [],
    READY_FOR_PICKUP: [],
    DELIVERED: [],
    PICKED_UP: [],
    CANCELLED: [],
  },
};

/** Payment status: what may follow each one. */
export const PAYMENT_TRANSITIONS: Readonly<
  Record<PaymentStatus, readonly PaymentStatus[]>
> = {
  PENDING: ["AUTHORIZED", "CAPTURED", "DECLINED", "FAILED", "VOIDED"],
  // Stays AUTHORIZED while part of the hold is still uncaptured.
  AUTHORIZED: ["AUTHORIZED", "CAPTURED", "VOIDED", "PARTIALLY_REFUNDED", "REFUNDED"],
  CAPTURED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  REFUNDED: [],
  VOIDED: [],
  DECLINED: [],
  FAILED: [],
};

/** Whether an order may move from one status to another. */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws a conflict unless the order may move from `from` to `to`. */
export function assertOrderMove(from: OrderStatus, to: OrderStatus): void {
  if (from === to || canMoveOrder(from, to)) return;
  throw new AppError(
    "conflict",
    `An order that is ${label(from)} cannot become ${label(to)}.`,
    {
      internal: `order transition ${from} -> ${to} refused`,
    },
  );
}

/** Whether a fulfillment of this method may move from one status to another. */
export function canMoveFulfillment(
  method: FulfillmentMethod,
  from: FulfillmentStatus,
  to: FulfillmentStatus,
): boolean {
  return FULFILLMENT_TRANSITIONS[method][from].includes(to);
}

/** Throws a conflict unless the fulfillment may make the move. */
export function assertFulfillmentMove(
  method: FulfillmentMethod,
  from: FulfillmentStatus,
  to: FulfillmentStatus,
): void {
  if (canMoveFulfillment(method, from, to)) return;
  throw new AppError(
    "conflict",
    `A ${label(method)} fulfillment that is ${label(from)} cannot become ${label(to)}.`,
    { internal: `fulfillment ${method} transition ${from} -> ${to} refused` },
  );
}

/** Whether a payment may move from one status to another. */
export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Throws a conflict unless the payment may make the move. */
export function assertPaymentMove(from: PaymentStatus, to: PaymentStatus): void {
  if (from === to || canMovePayment(from, to)) return;
  throw new AppError("conflict", "That payment can no longer be changed that way.", {
    internal: `payment transition ${from} -> ${to} refused`,
  });
}

/**
 * The status at which a fulfillment's amount is captured: at the counter
 * for carry-out, at shipment for shipping, at handover for pickup.
 */
export function captureStatusFor(method: FulfillmentMethod): FulfillmentStatus {
  return method === "SHIP" ? "SHIPPED" : "PICKED_UP";
}

const GOODS_LEFT: ReadonlySet<FulfillmentStatus> = new Set([
  "SHIPPED",
  "DELIVERED",
  "PICKED_UP",
]);

/** Whether the goods of a fulfillment have left the location. */
export function hasGoodsLeft(status: FulfillmentStatus): boolean {
  return GOODS_LEFT.has(status);
}

/** Open: still holds reserved stock and can be cancelled. */
export function isFulfillmentOpen(status: FulfillmentStatus): boolean {
  return !GOODS_LEFT.has(status) && status !== "CANCELLED";
}

/** Done: nothing more will happen to its goods. */
export function isFulfillmentDone(status: FulfillmentStatus): boolean {
  return status === "DELIVERED" || status === "PICKED_UP" || status === "CANCELLED";
}

/** A payment's amounts, as kept on its row. */
export interface PaymentAmounts {
  amountMinor: number;
  capturedMinor: number;
  voidedMinor: number;
  refundedMinor: number;
}

/**
 * A settled payment's status from its amounts: authorized while part of
 * the hold is uncaptured, then captured, partly or fully refunded, or
 * voided when nothing was ever captured.
 */
export function paymentStatusFor(amounts: PaymentAmounts): PaymentStatus {
  const open = amounts.amountMinor - amounts.capturedMinor - amounts.voidedMinor;
  if (open > 0) return "AUTHORIZED";
  if (amounts.capturedMinor === 0) return "VOIDED";
  if (amounts.refundedMinor === 0) return "CAPTURED";
  return amounts.refundedMinor < amounts.capturedMinor
    ? "PARTIALLY_REFUNDED"
    : "REFUNDED";
}

export interface OrderStatusInput {
  status: OrderStatus;
  fulfillments: readonly { status: FulfillmentStatus; amountMinor: number }[];
  payments: readonly (PaymentAmounts & { status: PaymentStatus })[];
}

const LIVE_PAYMENT: ReadonlySet<PaymentStatus> = new Set([
  "AUTHORIZED",
  "CAPTURED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
]);

/**
 * Where an order's status belongs after its fulfillments or payments
 * changed: cancelled when every fulfillment is; completed when the goods
 * are all delivered or collected and what is owed is captured; otherwise
 * by how much of what is owed has been captured or authorized.
 */
export function settledOrderStatus(order: OrderStatusInput): OrderStatus {
  if (order.status === "PENDING_PAYMENT" || order.status === "PAYMENT_FAILED") {
    return order.status;
  }
  const live = order.fulfillments.filter((f) => f.status !== "CANCELLED");
  if (live.length === 0) return "CANCELLED";

  const owed = live.reduce((sum, f) => sum + f.amountMinor, 0);
  const payments = order.payments.filter((p) => LIVE_PAYMENT.has(p.status));
  const captured = payments.reduce((sum, p) => sum + p.capturedMinor, 0);
  const held = payments.reduce(
    (sum, p) => sum + p.amountMinor - p.capturedMinor - p.voidedMinor,
    0,
  );

  if (captured >= owed) {
    return live.every((f) => isFulfillmentDone(f.status)) ? "COMPLETED" : "CAPTURED";
  }
  if (captured > 0) return "PARTIALLY_CAPTURED";
  return held > 0 ? "AUTHORIZED" : "PLACED";
}

function label(value: string): string {
  return value.toLowerCase().replaceAll("_", " ");
}
