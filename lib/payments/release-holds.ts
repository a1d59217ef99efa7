import type { Tx } from "@/lib/db/client";
import { paymentStatusFor } from "@/lib/orders/state-machine";
import type { CardOperation } from "./card-operations";
import { creditGiftCard } from "./gift-cards";
import { isCardPayment, livePayments, openHold } from "./live-payments";
import { creditStoreCredit } from "./store-credit";

/**
 * Gives back up to `amountMinor` of an order's uncaptured holds, last
 * tender first (a cancelled line, a cancelled order). Gift cards and store
 * credit are credited back at once; a card hold that ends up fully unused
 * is returned as a release for the provider. Returns what it could not
 * release, which the caller refunds from captured money.
 */
export async function releaseHolds(
  tx: Tx,
  options: {
    orderId: string;
    amountMinor: number;
    trigger: string;
    actor: string;
    /** Release only these payments' holds. */
    paymentIds?: readonly string[];
  },
): Promise<{ operations: CardOperation[]; leftMinor: number }> {
  const payments = (await livePayments(tx, options.orderId))
    .filter((p) => !options.paymentIds || options.paymentIds.includes(p.id))
    .reverse();
  let left = options.amountMinor;
  const operations: CardOperation[] = [];

  for (const payment of payments) {
    if (left <= 0) break;
    const open = openHold(payment);
    if (open <= 0) continue;
    const take = Math.min(open, left);
    left -= take;

    const after = { ...payment, voidedMinor: payment.voidedMinor + take };
    await tx.payment.update({
      where: { id: payment.id },
      data: { voidedMinor: after.voidedMinor, status: paymentStatusFor(after) },
    });
    const credit = {
      amountMinor: take,
      reason: "VOID" as const,
      paymentId: payment.id,
      orderId: options.orderId,
      actor: options.actor,
    };
    if (payment.giftCardId) {
      await creditGiftCard(tx, { ...credit, giftCardId: payment.giftCardId });
    } else if (payment.storeCreditAccountId) {
      await creditStoreCredit(tx, { ...credit, accountId: payment.storeCreditAccountId });
    }

    const idempotencyKey = `release:${options.trigger}:${payment.id}`;
    if (isCardPayment(payment) && open === take) {
      operations.push({
        kind: "release",
        paymentId: payment.id,
        provider: payment.provider,
        reference: payment.reference,
        amountMinor: take,
        idempotencyKey,
        isFinal: true,
        capturedMinor: payment.capturedMinor,
        fulfillmentId: null,
      });
    } else {
      await tx.paymentEvent.create({
        data: {
          paymentId: payment.id,
          type: "VOIDED",
          amountMinor: take,
          idempotencyKey,
          actor: options.actor,
        },
      });
    }
  }
  return { operations, leftMinor: left };
}
