import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { normalizeCode } from "@/lib/pricing";

/** One promotion an order was priced with: the engine's AppliedPromotion. */
export interface RedeemedPromotion {
  promotionId: string;
  /** The code that unlocked it, as stored; null for an automatic promotion. */
  code: string | null;
  /** Its discount on the order, in minor units. */
  amount: number;
}

export interface RecordRedemptionsOptions {
  orderId: string;
  currency: string;
  customerId?: string | null;
  /** From loadPricingInputs; per-customer limits count by it. */
  customerKey?: string | null;
  /** `result.explanation.applied` of the order's pricing. */
  applied: readonly RedeemedPromotion[];
}

export interface RecordedRedemptions {
  /** Promotions counted now; a retry of a recorded order counts nothing. */
  recorded: string[];
}

/**
 * Counts an order's promotions against their limits, inside the order's
 * transaction. Each counter moves with one conditional update (never read
 * then write), so under any number of concurrent checkouts no promotion,
 * customer or code passes its limit: the order that would is refused with
 * `conflict`, and its transaction rolls back. Rows are touched in
 * promotion id order so two orders cannot deadlock.
 */
export async function recordRedemptions(
  tx: Tx,
  options: RecordRedemptionsOptions,
): Promise<RecordedRedemptions> {
  const customerKey = options.customerKey ?? options.customerId ?? null;
  const applied = [...options.applied].sort((a, b) =>
    a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0,
  );
  const recorded: string[] = [];

  for (const redemption of applied) {
    const code = redemption.code === null ? null : normalizeCode(redemption.code);
    const key = { orderId: options.orderId, promotionId: redemption.promotionId };
    if ((await tx.promotion.count({ where: { id: key.promotionId } })) === 0) {
      throw new AppError("not_found", "A promotion on this order no longer exists.", {
        internal: `promotion ${key.promotionId} not found while recording redemptions`,
      });
    }
    const { count } = await tx.promotionRedemption.createMany({
      data: [
        {
          ...key,
          code,
          customerId: options.customerId ?? null,
          customerKey,
          currency: options.currency,
          amountMinor: redemption.amount,
        },
      ],
      // The unique (order, promotion) pair makes a retried placement a no-op.
      skipDuplicates: true,
    });
    if (count === 0) continue;

    const limitPerCustomer = await countPromotion(tx, redemption.promotionId);
    await countCustomer(tx, redemption.promotionId, customerKey, limitPerCustomer);
    if (code !== null) {
      const codeId = await countCode(tx, redemption.promotionId, code);
      await tx.promotionRedemption.update({
        where: { orderId_promotionId: key },
        data: { codeId },
      });
    }
    recorded.push(redemption.promotionId);
  }
  return { recorded };
}

/** Adds one to the promotion's total within its limit; returns its per-customer limit. */
async function countPromotion(tx: Tx, promotionId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ limit: number | null }[]>`
    UPDATE "Promotion" SET "timesRedeemed" = "timesRedeemed" + 1
    WHERE "id" = ${promotionId}
      AND ("usageLimit" IS NULL OR "timesRedeemed" < "usageLimit")
    RETURNING "usageLimitPerCustomer" AS "limit"`;
  const row = rows[0];
  if (!row) {
    throw limitReached(
      "This promotion has been redeemed as often as allowed.",
      promotionId,
    );
  }
  return row.limit;
}

/** Adds one to the customer's count, refusing past the per-customer limit. */
async function countCustomer(
  tx: Tx,
  promotionId: string,
  customerKey: string | null,
  limit: number | null,
): Promise<void> {
  if (customerKey === null) {
    if (limit === null) return;
    // The engine never applies a per-customer promotion to an unknown customer.
    throw limitReached("This promotion needs a known customer.", promotionId);
  }
  const rows = await tx.$queryRaw<{ timesRedeemed: number }[]>`
    INSERT INTO "PromotionCustomerUsage"
      ("promotionId", "customerKey", "timesRedeemed", "updatedAt")
    VALUES (${promotionId}, ${customerKey}, 1, now())
    ON CONFLICT ("promotionId", "customerKey") DO UPDATE
      SET "timesRedeemed" = "PromotionCustomerUsage"."timesRedeemed" + 1,
          "updatedAt" = now()
      WHERE ${limit}::int IS NULL OR "PromotionCustomerUsage"."timesRedeemed" < ${limit}::int
    RETURNING "timesRedeemed"`;
  if (rows.length === 0) {
    throw limitReached(
      "You have already used this promotion as often as allowed.",
      promotionId,
    );
  }
}

/** Adds one to the code's use within its own limit; returns the code's id. */
async function countCode(tx: Tx, promotionId: string, code: string): Promise<string> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "PromotionCode" SET "timesUsed" = "timesUsed" + 1
    WHERE "code" = ${code} AND "promotionId" = ${promotionId}
      AND ("usageLimit" IS NULL OR "timesUsed" < "usageLimit")
    RETURNING "id"`;
  const row = rows[0];
  if (!row) throw limitReached(`The code ${code} has already been used.`, promotionId);
  return row.id;
}

function limitReached(message: string, promotionId: string): AppError {
  return new AppError("conflict", `${message} Please check the basket again.`, {
    internal: `redemption refused for promotion ${promotionId}: ${message}`,
  });
}
