import type { Db } from "@/lib/db/client";

/**
 * Every order of a customer, newest first: online orders and purchases at
 * a till where the associate matched the customer. One history, whatever
 * the channel.
 */
export function listCustomerOrders(
  db: Db,
  options: { customerId: string; take?: number },
) {
  return db.order.findMany({
    where: { customerId: options.customerId, status: { not: "PENDING_PAYMENT" } },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: options.take ?? 50,
    select: {
      id: true,
      number: true,
      channel: true,
      status: true,
      currency: true,
      totalMinor: true,
      placedAt: true,
      isPayAtPickup: true,
      location: { select: { name: true } },
      lines: { select: { title: true, quantity: true, fulfillment: true } },
      fulfillments: { select: { method: true, status: true } },
    },
  });
}
