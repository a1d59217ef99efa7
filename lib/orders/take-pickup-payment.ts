import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { announceOrder } from "@/lib/checkout/order-events";
import { recordCardResults } from "@/lib/checkout/settle-card-results";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { formatMoney } from "@/lib/money";
import { authorizeCards } from "@/lib/payments/authorize-cards";
import { runCardOperations } from "@/lib/payments/card-operations";
import {
  type CardProviders,
  configuredCardProviders,
  providerForToken,
} from "@/lib/payments/card-providers";
import { livePayments } from "@/lib/payments/live-payments";
import { openTenders } from "@/lib/payments/open-tenders";
import { bookRefunds } from "@/lib/payments/refund-payments";
import { releaseHolds } from "@/lib/payments/release-holds";
import { sizeTenders } from "@/lib/payments/size-tenders";
import { type TenderInput, TendersSchema } from "@/lib/payments/tenders";
import { lockOrderForChange } from "./lock-order";
import { assertOrderMove, settledOrderStatus } from "./state-machine";

const TX = { maxWait: 60_000, timeout: 60_000 };

export type PickupPaymentResult =
  | { outcome: "paid"; paidMinor: number; changeDueMinor: number; orderStatus: string }
  | { outcome: "payment_declined"; code: string; message: string; tenderIndex: number };

/**
 * Takes the balance of a reserve-online, pay-in-store order at the
 * counter, before the goods are handed over (advanceFulfillment to
 * PICKED_UP then captures it). Split tender as at any till; a declined
 * card gives back whatever this attempt drew from gift cards or cash.
 */
export async function takePickupPayment(
  db: PrismaClient,
  options: {
    actor: Actor;
    orderId: string;
    tenders: TenderInput[];
    providers?: CardProviders;
  },
): Promise<PickupPaymentResult> {
  const tenders = parseInput(TendersSchema, options.tenders);
  const providers = options.providers ?? configuredCardProviders();
  const ref = actorRef(options.actor);

  const opened = await db.$transaction(async (tx) => {
    const order = await lockOrderForChange(tx, options.orderId);
    const store =
      order.fulfillments.find((f) => f.method === "PICKUP")?.locationId ?? null;
    authorize(options.actor, "pos:sell", { locationId: store });
    const owed = order.fulfillments
      .filter((f) => f.status !== "CANCELLED")
      .reduce((sum, f) => sum + f.amountMinor, 0);
    const held = (await livePayments(tx, order.id)).reduce(
      (sum, p) => sum + p.amountMinor - p.voidedMinor - p.refundedMinor,
      0,
    );
    const due = owed - held;
    if (due <= 0) throw new AppError("conflict", "This order is already paid.");

    const sized = sizeTenders({
      tenders,
      totalMinor: due,
      isAtTill: options.actor.kind === "staff",
      formatAmount: (amount) => formatMoney({ amount, currency: order.currency }),
    });
    const cardProviders = new Map<number, "STRIPE" | "TEST_CARD">();
    const testMode = new Set<number>();
    for (const tender of sized) {
      if (tender.kind !== "card") continue;
      const provider = providerForToken(providers, tender.token);
      if (!provider) {
        throw new AppError("payment_declined", "That card cannot be taken here.", {
          fields: { [`tenders.${tender.index}`]: ["Not accepted here."] },
        });
      }
      cardProviders.set(tender.index, provider.name);
      if (provider.isTestMode) testMode.add(tender.index);
    }
    // Keys under the order: a second attempt after a decline gets new ones.
    const attempt = await tx.payment.count({ where: { orderId: order.id } });
    const payments = await openTenders(tx, {
      orderId: order.id,
      currency: order.currency,
      customerId: order.customerId,
      tenders: sized.map((t) => ({ ...t, index: t.index + attempt })),
      cardProviders: new Map([...cardProviders].map(([i, p]) => [i + attempt, p])),
      isTestMode: (index) => testMode.has(index - attempt),
      actor: ref,
      now: new Date(),
    });
    return { order, payments, attempt };
  }, TX);

  const cards = opened.payments.filter((p) => p.token !== null);
  const authorizations = await authorizeCards(cards, {
    providers,
    currency: opened.order.currency,
    orderNumber: opened.order.number,
    orderId: opened.order.id,
    isCaptureNow: false,
  });
  const refusal = authorizations.find(
    (a) => a.result && a.result.outcome !== "authorized",
  );

  const settled = await db.$transaction(async (tx) => {
    const order = await lockOrderForChange(tx, opened.order.id);
    await recordCardResults(tx, authorizations, ref);
    const ids = opened.payments.map((p) => p.paymentId);
    if (refusal) {
      const trigger = `pickup-declined:${ids.join(",")}`;
      const released = await releaseHolds(tx, {
        orderId: order.id,
        amountMinor: order.totalMinor,
        trigger,
        actor: ref,
        paymentIds: ids,
      });
      const refunded = await bookRefunds(tx, {
        orderId: order.id,
        amountMinor: order.totalMinor,
        trigger,
        actor: ref,
        paymentIds: ids,
      });
      return {
        operations: [...released.operations, ...refunded.operations],
        status: order.status,
      };
    }
    const payments = await tx.payment.findMany({ where: { orderId: order.id } });
    const status = settledOrderStatus({ ...order, payments });
    assertOrderMove(order.status, status);
    await tx.order.update({ where: { id: order.id }, data: { status } });
    await announceOrder(tx, {
      actor: options.actor,
      type: "order.paid_in_store",
      order: { ...order, status },
      payload: { paymentIds: ids },
    });
    return { operations: [], status };
  }, TX);
  await runCardOperations(db, settled.operations, { providers, actor: ref });

  if (refusal?.result && refusal.result.outcome !== "authorized") {
    return {
      outcome: "payment_declined",
      code: refusal.result.code,
      message: refusal.result.message,
      tenderIndex: refusal.tender.index - opened.attempt,
    };
  }
  const change = await db.payment.aggregate({
    where: { id: { in: opened.payments.map((p) => p.paymentId) } },
    _sum: { changeMinor: true, amountMinor: true },
  });
  return {
    outcome: "paid",
    paidMinor: change._sum.amountMinor ?? 0,
    changeDueMinor: change._sum.changeMinor ?? 0,
    orderStatus: settled.status,
  };
}
