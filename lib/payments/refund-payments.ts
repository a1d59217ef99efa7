import type { Tx } from "@/lib/db/client";
import { paymentStatusFor } from "@/lib/orders/state-machine";
import type { CardOperation } from "./card-operations";
import { creditGiftCard } from "./gift-cards";
import { isCardPayment, livePayments } from "./live-payments";
import { creditStoreCredit } from "./store-credit";

export interface BookedRefund {
  paymentId: string;
  provider: string;
  amountMinor: number;
}

/**
 * Books refunds of up to `amountMinor` of an order's captured money, last
 * tender first. Each is one conditional update (refunded + amount <=
 * captured), so no tender is ever refunded more than it took, however many
 * refunds race. Gift cards and store credit are credited at once, cash is
 * paid from the till, cards are returned as operations for the provider.
 * Returns what could not be refunded (nothing captured was left).
 */
export async function bookRefunds(
  tx: Tx,
  options: {
    orderId: string;
    amountMinor: number;
    trigger: string;
    actor: string;
    /** Refund only these payments (a refund to a chosen tender). */
    paymentIds?: readonly string[];
  },
): Promise<{ operations: CardOperation[]; refunds: BookedRefund[]; leftMinor: number }> {
  const payments = (await livePayments(tx, options.orderId))
    .filter((p) => !options.paymentIds || options.paymentIds.includes(p.id))
    .reverse();
  let left = options.amountMinor;
  const operations: CardOperation[] = [];
  const refunds: BookedRefund[] = [];

  for (const payment of payments) {
    if (left <= 0) break;
    const refundable = payment.capturedMinor - payment.refundedMinor;
    if (refundable <= 0) continue;
    const take = Math.min(refundable, left);

    const booked = await tx.$executeRaw`
      UPDATE "Payment" SET "refundedMinor" = "refundedMinor" + ${take},
        "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE id = ${payment.id} AND "refundedMinor" + ${take} <= "capturedMinor"`;
    if (booked === 0) continue;
    left -= take;
    const after = { ...payment, refundedMinor: payment.refundedMinor + take };
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: paymentStatusFor(after) },
    });
    refunds.push({
      paymentId: payment.id,
      provider: payment.provider,
      amountMinor: take,
    });

    const credit = {
      amountMinor: take,
      reason: "REFUND" as const,
      paymentId: payment.id,
      orderId: options.orderId,
      actor: options.actor,
    };
    if (payment.giftCardId) {
      await creditGiftCard(tx, { ...credit, giftCardId: payment.giftCardId });
    } else if (payment.storeCreditAccountId) {
      await creditStoreCredit(tx, { ...credit, accountId: payment.storeCreditAccountId });
    }

    const idempotencyKey = `refund:${options.trigger}:${payment.id}`;
    if (isCardPayment(payment)) {
      operations.push({
        kind: "refund",
        paymentId: payment.id,
        provider: payment.provider,
        reference: payment.reference,
        amountMinor: take,
        idempotencyKey,
        isFinal: false,
        capturedMinor: payment.capturedMinor,
        fulfillmentId: null,
      });
    } else {
      await tx.paymentEvent.create({
        data: {
          paymentId: payment.id,
          type: "REFUNDED",
          amountMinor: take,
          idempotencyKey,
          actor: options.actor,
        },
      });
    }
  }
  return { operations, refunds, leftMinor: left };
}
