import type { Actor } from "@/lib/auth/actor";
import { authorize, visibleLocationIds } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** Loads an order with everything a page, the API or a receipt shows. */
export async function loadOrder(db: Db, where: { id: string } | { number: string }) {
  return db.order.findUnique({
    where,
    include: {
      lines: { orderBy: { id: "asc" } },
      fulfillments: { orderBy: { createdAt: "asc" }, include: { location: true } },
      payments: { orderBy: { idempotencyKey: "asc" } },
      location: true,
      register: true,
      staff: { select: { id: true, name: true } },
      customer: { select: { id: true, firstName: true, lastName: true, email: true } },
    },
  });
}

export type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

/**
 * An order for someone who may see it: its customer, staff with
 * "orders:read" (location-bound staff only for their stores' orders) or an
 * API key with that scope. Anyone else is told it does not exist. Pending
 * and failed checkouts are not orders to a shopper.
 */
export async function getOrder(
  db: Db,
  options: { actor: Actor | null; id?: string; number?: string },
): Promise<LoadedOrder> {
  const where = options.id ? { id: options.id } : { number: options.number ?? "" };
  const order = await loadOrder(db, where);
  if (!order) throw notFound("Order");
  const { actor } = options;

  if (!actor) throw notFound("Order");
  if (actor.kind === "customer") {
    const isOwn = order.customerId === actor.id;
    if (!isOwn || order.status === "PENDING_PAYMENT") throw notFound("Order");
    return order;
  }
  authorize(actor, "orders:read");
  const visible = visibleLocationIds(actor);
  if (visible) {
    const places = [order.locationId, ...order.fulfillments.map((f) => f.locationId)];
    if (!places.some((id) => id && visible.includes(id))) throw notFound("Order");
  }
  return order;
}

/** The order as the API and pages present it: money in minor units, no secrets. */
export function presentOrder(order: LoadedOrder) {
  return {
    id: order.id,
    number: order.number,
    channel: order.channel,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    currency: order.currency,
    email: order.email,
    customerId: order.customerId,
    isPayAtPickup: order.isPayAtPickup,
    totals: {
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
    },
    lines: order.lines.map((line) => ({
      id: line.id,
      variantId: line.variantId,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      discountMinor: line.discountMinor,
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
      fulfillment: line.fulfillment,
      locationId: line.locationId,
      fulfillmentId: line.fulfillmentId,
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      method: f.method,
      status: f.status,
      locationId: f.locationId,
      locationName: f.location.name,
      amountMinor: f.amountMinor,
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
      holdUntil: f.holdUntil?.toISOString() ?? null,
    })),
    payments: order.payments.map((p) => ({
      id: p.id,
      provider: p.provider,
      status: p.status,
      amountMinor: p.amountMinor,
      capturedMinor: p.capturedMinor,
      refundedMinor: p.refundedMinor,
      voidedMinor: p.voidedMinor,
      tenderedMinor: p.tenderedMinor,
      changeMinor: p.changeMinor,
      cardBrand: p.cardBrand,
      cardLast4: p.cardLast4,
      isTestMode: p.isTestMode,
    })),
  };
}
