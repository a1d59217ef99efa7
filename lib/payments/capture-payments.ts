import type { Tx } from "@/lib/db/client";
import { paymentStatusFor } from "@/lib/orders/state-machine";
import type { CardOperation } from "./card-operations";
import { isCardPayment, livePayments, openHold } from "./live-payments";

/**
 * Books the captures that bring an order's captured total up to
 * `targetMinor` (what is owed for goods that have left), taking from the
 * tenders in the order they were given. Gift cards and store credit are
 * captured here outright; card captures are booked on the row and returned
 * for runCardOperations to send once the transaction commits. The caller
 * holds the order's row lock, so two shipments cannot book the same hold.
 */
export async function bookCaptures(
  tx: Tx,
  options: {
    orderId: string;
    targetMinor: number;
    /** What caused it, e.g. a fulfillment id; part of each idempotency key. */
    trigger: string;
    fulfillmentId: string | null;
    actor: string;
  },
): Promise<CardOperation[]> {
  // Nothing has left yet (nothing at the counter): nothing to capture.
  if (options.targetMinor <= 0) return [];
  const payments = await livePayments(tx, options.orderId);
  let need = options.targetMinor - payments.reduce((sum, p) => sum + p.capturedMinor, 0);
  const operations: CardOperation[] = [];

  for (const payment of payments) {
    if (need <= 0) break;
    const open = openHold(payment);
    if (open <= 0) continue;
    const take = Math.min(open, need);
    need -= take;

    const booked = await tx.$executeRaw`
      UPDATE "Payment" SET "capturedMinor" = "capturedMinor" + ${take},
        "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${payment.id}
        AND "capturedMinor" + "voidedMinor" + ${take} <= "amountMinor"`;
    if (booked === 0) continue;
    const after = { ...payment, capturedMinor: payment.capturedMinor + take };
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: paymentStatusFor(after) },
    });
    const idempotencyKey = `capture:${options.trigger}:${payment.id}`;

    if (isCardPayment(payment)) {
      operations.push({
        kind: "capture",
        paymentId: payment.id,
        provider: payment.provider,
        reference: payment.reference,
        amountMinor: take,
        idempotencyKey,
        isFinal: open === take,
        capturedMinor: payment.capturedMinor,
        fulfillmentId: options.fulfillmentId,
      });
    } else {
      await tx.paymentEvent.create({
        data: {
          paymentId: payment.id,
          type: "CAPTURED",
          amountMinor: take,
          idempotencyKey,
          fulfillmentId: options.fulfillmentId,
          actor: options.actor,
        },
      });
    }
  }
  return operations;
}
