import { z } from "zod";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { LIVE_PAYMENT_STATUSES } from "@/lib/payments/live-payments";

export const PickupQueueSchema = z.strictObject({ locationId: z.string().trim().min(1) });
export const FindPickupSchema = z.strictObject({
  locationId: z.string().trim().min(1),
  /** The order number, typed or read from the shopper's QR code. */
  code: z
    .string()
    .trim()
    .min(3, { error: "Scan the QR code or type the order number." })
    .max(64),
});

export interface PickupOrder {
  orderId: string;
  number: string;
  fulfillmentId: string;
  status: string;
  customerName: string | null;
  email: string | null;
  placedAt: string;
  currency: string;
  lines: { id: string; title: string; sku: string; quantity: number }[];
  /** Still to take at the counter before handover (reserve and pay in store). */
  dueMinor: number;
}

const ORDER_SELECT = {
  id: true,
  number: true,
  email: true,
  currency: true,
  placedAt: true,
  customer: { select: { firstName: true, lastName: true } },
  fulfillments: {
    select: { id: true, method: true, status: true, locationId: true, amountMinor: true },
  },
  lines: {
    select: { id: true, title: true, sku: true, quantity: true, fulfillmentId: true },
  },
  payments: {
    select: { status: true, amountMinor: true, voidedMinor: true, refundedMinor: true },
  },
} as const;

type OrderRow = {
  id: string;
  number: string;
  email: string | null;
  currency: string;
  placedAt: Date;
  customer: { firstName: string; lastName: string } | null;
  fulfillments: {
    id: string;
    method: string;
    status: string;
    locationId: string;
    amountMinor: number;
  }[];
  lines: {
    id: string;
    title: string;
    sku: string;
    quantity: number;
    fulfillmentId: string | null;
  }[];
  payments: {
    status: string;
    amountMinor: number;
    voidedMinor: number;
    refundedMinor: number;
  }[];
};

function present(order: OrderRow, locationId: string): PickupOrder | null {
  const fulfillment = order.fulfillments.find(
    (f) => f.method === "PICKUP" && f.locationId === locationId,
  );
  if (!fulfillment) return null;
  const owed = order.fulfillments
    .filter((f) => f.status !== "CANCELLED")
    .reduce((sum, f) => sum + f.amountMinor, 0);
  const held = order.payments
    .filter((p) => (LIVE_PAYMENT_STATUSES as readonly string[]).includes(p.status))
    .reduce((sum, p) => sum + p.amountMinor - p.voidedMinor - p.refundedMinor, 0);
  return {
    orderId: order.id,
    number: order.number,
    fulfillmentId: fulfillment.id,
    status: fulfillment.status,
    customerName: order.customer
      ? `${order.customer.firstName} ${order.customer.lastName}`
      : null,
    email: order.email,
    placedAt: order.placedAt.toISOString(),
    currency: order.currency,
    lines: order.lines
      .filter((l) => l.fulfillmentId === fulfillment.id)
      .map(({ fulfillmentId: _f, ...line }) => line),
    dueMinor: Math.max(0, owed - held),
  };
}

/** Orders ready for collection at a store, oldest first: the pickup counter's queue. */
export async function listPickupQueue(
  db: Db,
  options: { actor: StaffActor; input: unknown },
): Promise<PickupOrder[]> {
  const { locationId } = parseInput(PickupQueueSchema, options.input);
  authorize(options.actor, "pos:sell", { locationId });
  const orders = await db.order.findMany({
    where: {
      fulfillments: {
        some: { method: "PICKUP", locationId, status: "READY_FOR_PICKUP" },
      },
    },
    orderBy: [{ placedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: ORDER_SELECT,
  });
  return orders.flatMap((order) => present(order, locationId) ?? []);
}

/**
 * The pickup at this store behind a scanned QR code or a typed order
 * number. Says plainly when the order is elsewhere or not ready yet.
 */
export async function findPickup(
  db: Db,
  options: { actor: StaffActor; input: unknown },
): Promise<PickupOrder> {
  const { locationId, code } = parseInput(FindPickupSchema, options.input);
  authorize(options.actor, "pos:sell", { locationId });
  const number = code.toUpperCase().replace(/^.*\/ORDERS\//, "");
  const order = await db.order.findUnique({ where: { number }, select: ORDER_SELECT });
  const refuse = (message: string) =>
    new AppError("invalid_input", message, { fields: { code: [message] } });
  if (!order) throw refuse(`No order ${number}.`);
  const pickup = present(order, locationId);
  if (!pickup) throw refuse(`Order ${number} is not collected at this store.`);
  if (pickup.status === "PICKED_UP")
    throw refuse(`Order ${number} was already collected.`);
  if (pickup.status !== "READY_FOR_PICKUP") {
    throw refuse(`Order ${number} is not ready for collection yet.`);
  }
  return pickup;
}
