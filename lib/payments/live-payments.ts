import type { Tx } from "@/lib/db/client";
import type { PaymentStatus } from "@/lib/db/generated/enums";

/** Payments that hold or took money: not pending, declined, failed or voided. */
export const LIVE_PAYMENT_STATUSES: PaymentStatus[] = [
  "AUTHORIZED",
  "CAPTURED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
];

/** An order's live payments in tender order, read inside its transaction. */
export async function livePayments(tx: Tx, orderId: string) {
  return tx.payment.findMany({
    where: { orderId, status: { in: LIVE_PAYMENT_STATUSES } },
    orderBy: { idempotencyKey: "asc" },
  });
}

export type LivePayment = Awaited<ReturnType<typeof livePayments>>[number];

/** What a payment still holds uncaptured. */
export function openHold(payment: LivePayment): number {
  return payment.amountMinor - payment.capturedMinor - payment.voidedMinor;
}

/** True for tenders settled by a card provider. */
export function isCardPayment(
  payment: LivePayment,
): payment is LivePayment & { provider: "STRIPE" | "TEST_CARD"; reference: string } {
  return (
    (payment.provider === "STRIPE" || payment.provider === "TEST_CARD") &&
    payment.reference !== null
  );
}
