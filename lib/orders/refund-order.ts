import { z } from "zod";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { announceOrder } from "@/lib/checkout/order-events";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { formatMoney } from "@/lib/money";
import { runCardOperations } from "@/lib/payments/card-operations";
import {
  type CardProviders,
  configuredCardProviders,
} from "@/lib/payments/card-providers";
import { bookRefunds } from "@/lib/payments/refund-payments";
import { lockOrderForChange } from "./lock-order";

export const RefundOrderSchema = z.strictObject({
  amountMinor: z.int().min(1).max(100_000_000),
  /** Refund to this tender only; otherwise the last tenders first. */
  paymentId: z.string().trim().min(1).max(200).optional(),
  reason: z.string().trim().min(1).max(500),
  /** The caller's key: the same refund sent twice is made once. */
  idempotencyKey: z.string().trim().min(1).max(200),
});
export type RefundOrderInput = z.input<typeof RefundOrderSchema>;

/**
 * Refunds captured money of an order (a goodwill gesture, a price match;
 * returns of goods go through the returns module, which calls this too).
 * Never more than a tender took: asking for more refunds nothing and says
 * how much is left. The same idempotency key twice refunds once.
 */
export async function refundOrder(
  db: PrismaClient,
  options: {
    actor: Actor;
    orderId: string;
    input: RefundOrderInput;
    providers?: CardProviders;
  },
) {
  const input = parseInput(RefundOrderSchema, options.input);
  const ref = actorRef(options.actor);
  const providers = options.providers ?? configuredCardProviders();
  const trigger = `refund:${options.orderId}:${input.idempotencyKey}`;

  const booked = await db.$transaction(
    async (tx) => {
      const order = await lockOrderForChange(tx, options.orderId);
      authorize(options.actor, "pos:refund", { locationId: order.locationId });
      const already = await tx.paymentEvent.count({
        where: { idempotencyKey: { startsWith: `refund:${trigger}:` } },
      });
      if (already > 0)
        return { operations: [], refundedMinor: input.amountMinor, isReplay: true };

      const targets = input.paymentId ? [input.paymentId] : undefined;
      const refundable = order.payments
        .filter((p) => !targets || targets.includes(p.id))
        .reduce((sum, p) => sum + Math.max(0, p.capturedMinor - p.refundedMinor), 0);
      if (input.amountMinor > refundable) {
        const left = formatMoney({ amount: refundable, currency: order.currency });
        throw new AppError("conflict", `At most ${left} can be refunded.`, {
          fields: { amountMinor: [`At most ${left} can be refunded.`] },
        });
      }
      const result = await bookRefunds(tx, {
        orderId: order.id,
        amountMinor: input.amountMinor,
        trigger,
        actor: ref,
        paymentIds: targets,
      });
      await announceOrder(tx, {
        actor: options.actor,
        type: "order.refunded",
        order,
        payload: { amountMinor: input.amountMinor, reason: input.reason },
        after: {
          amountMinor: input.amountMinor,
          reason: input.reason,
          refunds: result.refunds,
        },
      });
      return {
        operations: result.operations,
        refundedMinor: input.amountMinor,
        isReplay: false,
      };
    },
    { maxWait: 60_000, timeout: 60_000 },
  );

  const results = await runCardOperations(db, booked.operations, {
    providers,
    actor: ref,
  });
  const failedMinor = results
    .filter((r) => !r.ok)
    .reduce((sum, r) => sum + r.operation.amountMinor, 0);
  return {
    refundedMinor: booked.refundedMinor - failedMinor,
    failedMinor,
    isReplay: booked.isReplay,
  };
}
