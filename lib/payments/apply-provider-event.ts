import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import {
  assertOrderMove,
  paymentStatusFor,
  settledOrderStatus,
} from "@/lib/orders/state-machine";
import type { ProviderEvent } from "./provider";

export type ProviderEventOutcome = "applied" | "duplicate" | "unknown_payment" | "noted";

/**
 * Applies a verified provider notification to our payment, once: the
 * event id is stored unique, so a redelivery changes nothing. Most events
 * confirm what we did ourselves and are only noted; what the provider did
 * on its own is applied: an authorization it cancelled (expired, or
 * cancelled in its dashboard) and refunds made in its dashboard.
 */
export async function applyProviderEvent(
  db: PrismaClient,
  event: ProviderEvent,
): Promise<ProviderEventOutcome> {
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findFirst({
      where: { provider: "STRIPE", reference: event.reference },
    });
    if (!payment) {
      logger.info(
        { eventId: event.eventId, type: event.rawType },
        "webhook for no payment of ours",
      );
      return "unknown_payment";
    }
    const [locked] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status FROM "Order" WHERE id = ${payment.orderId} FOR UPDATE`;
    const inserted = await tx.paymentEvent.createMany({
      data: [
        {
          paymentId: payment.id,
          type: "NOTIFIED",
          amountMinor: Math.max(0, event.amountMinor),
          reference: event.reference,
          providerEventId: event.eventId,
          actor: "system",
          note: event.rawType,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "duplicate";

    const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
    let next = current;
    if (event.kind === "released" && current.capturedMinor === 0) {
      next = { ...current, voidedMinor: current.amountMinor };
    } else if (event.kind === "refunded" && event.amountMinor > current.refundedMinor) {
      next = {
        ...current,
        refundedMinor: Math.min(event.amountMinor, current.capturedMinor),
      };
    }
    if (next === current) return "noted";

    await tx.payment.update({
      where: { id: current.id },
      data: {
        voidedMinor: next.voidedMinor,
        refundedMinor: next.refundedMinor,
        status: paymentStatusFor(next),
      },
    });
    const order = await tx.order.findUniqueOrThrow({
      where: { id: current.orderId },
      include: { fulfillments: true, payments: true },
    });
    const status = settledOrderStatus(order);
    if (locked && status !== order.status) {
      assertOrderMove(order.status, status);
      await tx.order.update({ where: { id: order.id }, data: { status } });
    }
    logger.info(
      { eventId: event.eventId, paymentId: current.id },
      "applied provider event",
    );
    return "applied";
  });
}
