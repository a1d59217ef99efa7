import { failOrder } from "@/lib/checkout/fail-order";
import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { cancelOrder } from "./cancel-order";

const SYSTEM = { kind: "system" as const, reason: "checkout sweeper" };

/**
 * Settles orders whose checkout died between writing the order and
 * hearing from the card provider (a crash, a lost connection): after
 * `olderThanMinutes` they are failed, so their stock goes back on sale and
 * their gift card or store credit holds are credited back. A card hold the
 * provider may have placed lapses on its own (Stripe: seven days).
 */
export async function expirePendingOrders(
  db: PrismaClient,
  options: { now?: Date; olderThanMinutes?: number; limit?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.olderThanMinutes ?? 15) * 60_000);
  const stale = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", placedAt: { lte: before } },
    select: { id: true },
    take: options.limit ?? 100,
  });
  let settled = 0;
  for (const { id } of stale) {
    const result = await db.$transaction((tx) =>
      failOrder(tx, {
        orderId: id,
        actor: SYSTEM,
        authorizations: [],
        reason: "abandoned",
      }),
    );
    if (result) settled += 1;
  }
  if (settled > 0) logger.info({ settled }, "failed abandoned pending orders");
  return settled;
}

/**
 * Cancels pay-in-store pickups nobody paid for and collected before their
 * hold ended, putting the units back on sale.
 */
export async function expireUnpaidPickups(
  db: PrismaClient,
  options: { now?: Date; limit?: number } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db.fulfillment.findMany({
    where: {
      method: "PICKUP",
      holdUntil: { lte: now },
      status: { in: ["ALLOCATED", "PICKING", "PACKED", "READY_FOR_PICKUP"] },
      order: { isPayAtPickup: true, status: "PLACED" },
    },
    select: { id: true, orderId: true },
    take: options.limit ?? 100,
  });
  let cancelled = 0;
  for (const fulfillment of due) {
    try {
      await cancelOrder(db, {
        actor: SYSTEM,
        orderId: fulfillment.orderId,
        fulfillmentIds: [fulfillment.id],
        reason: "not collected before the hold ended",
      });
      cancelled += 1;
    } catch (error) {
      // Another instance's sweep, or a payment taken a moment ago, got there first.
      logger.warn(
        { err: error, fulfillmentId: fulfillment.id },
        "left an expired pickup",
      );
    }
  }
  if (cancelled > 0) logger.info({ cancelled }, "cancelled uncollected pickups");
  return cancelled;
}
