import type { Db } from "@/lib/db/client";

/**
 * What an order's status page shows: its lines grouped by fulfillment,
 * each with its state, tracking and the store to collect from, and the
 * totals and tenders. Everything needed comes from the order's own
 * snapshot, so the page reads the same after the catalogue changes.
 */
export function findOrderStatus(db: Db, orderId: string) {
  return db.order.findFirst({
    where: { id: orderId, status: { not: "PENDING_PAYMENT" } },
    select: {
      id: true,
      number: true,
      channel: true,
      status: true,
      email: true,
      currency: true,
      subtotalMinor: true,
      discountMinor: true,
      shippingMinor: true,
      taxMinor: true,
      totalMinor: true,
      isPayAtPickup: true,
      placedAt: true,
      shippingAddress: true,
      location: { select: { name: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          sku: true,
          title: true,
          quantity: true,
          unitPriceMinor: true,
          discountMinor: true,
          totalMinor: true,
          fulfillment: true,
          fulfillmentId: true,
        },
      },
      fulfillments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          method: true,
          status: true,
          carrier: true,
          trackingNumber: true,
          holdUntil: true,
          location: {
            select: {
              name: true,
              addressLine1: true,
              addressLine2: true,
              city: true,
              postalCode: true,
              phone: true,
              openingHours: true,
              pickupHours: true,
              timezone: true,
            },
          },
        },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          provider: true,
          status: true,
          amountMinor: true,
          cardBrand: true,
          cardLast4: true,
          isTestMode: true,
        },
      },
    },
  });
}

export type OrderStatusView = NonNullable<Awaited<ReturnType<typeof findOrderStatus>>>;
