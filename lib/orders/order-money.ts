import type { Tx } from "@/lib/db/client";
import { bookCaptures } from "@/lib/payments/capture-payments";
import type { CardOperation } from "@/lib/payments/card-operations";
import { livePayments } from "@/lib/payments/live-payments";
import { bookRefunds } from "@/lib/payments/refund-payments";
import { releaseHolds } from "@/lib/payments/release-holds";
import { type FulfillmentStatus, hasGoodsLeft } from "./state-machine";

interface FulfillmentMoney {
  id: string;
  method: "SHIP" | "PICKUP" | "CARRY_OUT";
  status: FulfillmentStatus;
  amountMinor: number;
}

/**
 * Brings captured money up to what is owed for goods that have left: a
 * fulfillment is owed once it reaches its capture point (shipped, or
 * handed over at pickup or the counter).
 */
export async function captureForGoodsLeft(
  tx: Tx,
  options: {
    orderId: string;
    fulfillments: readonly FulfillmentMoney[];
    trigger: string;
    fulfillmentId: string | null;
    actor: string;
  },
): Promise<CardOperation[]> {
  const owed = options.fulfillments
    .filter((f) => hasGoodsLeft(f.status))
    .reduce((sum, f) => sum + f.amountMinor, 0);
  return bookCaptures(tx, {
    orderId: options.orderId,
    targetMinor: owed,
    trigger: options.trigger,
    fulfillmentId: options.fulfillmentId,
    actor: options.actor,
  });
}

/**
 * After fulfillments are cancelled: whatever the tenders still hold or
 * took beyond what the remaining fulfillments are worth goes back,
 * uncaptured holds first, then refunds of captured money.
 */
export async function returnExcessMoney(
  tx: Tx,
  options: {
    orderId: string;
    fulfillments: readonly FulfillmentMoney[];
    trigger: string;
    actor: string;
  },
): Promise<{
  operations: CardOperation[];
  releasedMinor: number;
  refundedMinor: number;
}> {
  const owed = options.fulfillments
    .filter((f) => f.status !== "CANCELLED")
    .reduce((sum, f) => sum + f.amountMinor, 0);
  const payments = await livePayments(tx, options.orderId);
  const kept = payments.reduce(
    (sum, p) => sum + p.amountMinor - p.voidedMinor - p.refundedMinor,
    0,
  );
  const excess = kept - owed;
  if (excess <= 0) return { operations: [], releasedMinor: 0, refundedMinor: 0 };

  const released = await releaseHolds(tx, {
    orderId: options.orderId,
    amountMinor: excess,
    trigger: options.trigger,
    actor: options.actor,
  });
  const refunded = await bookRefunds(tx, {
    orderId: options.orderId,
    amountMinor: released.leftMinor,
    trigger: options.trigger,
    actor: options.actor,
  });
  return {
    operations: [...released.operations, ...refunded.operations],
    releasedMinor: excess - released.leftMinor,
    refundedMinor: released.leftMinor - refunded.leftMinor,
  };
}
