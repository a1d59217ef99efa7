import { logger } from "@/lib/log";
import type { CardProviders } from "./card-providers";
import type { OpenedTender } from "./open-tenders";
import type { AuthorizeResult } from "./provider";

export interface CardAuthorization {
  tender: OpenedTender;
  /** null: not tried, because an earlier card was declined. */
  result: AuthorizeResult | null;
}

/**
 * Asks the providers to authorize an order's card tenders, one after the
 * other, and stops at the first refusal. Runs outside any transaction: no
 * row lock is held while a provider thinks. Each call carries the payment's
 * idempotency key, so a retry after a crash gets the same answer and never
 * a second charge.
 */
export async function authorizeCards(
  tenders: readonly OpenedTender[],
  options: {
    providers: CardProviders;
    currency: string;
    orderNumber: string;
    orderId: string;
    isCaptureNow: boolean;
  },
): Promise<CardAuthorization[]> {
  const results: CardAuthorization[] = [];
  let isStopped = false;
  for (const tender of tenders) {
    if (!tender.token || isStopped) {
      results.push({ tender, result: null });
      continue;
    }
    const provider =
      tender.provider === "STRIPE"
        ? options.providers.stripe
        : options.providers.testCard;
    const result: AuthorizeResult = provider
      ? await provider
          .authorize({
            token: tender.token,
            amountMinor: tender.amountMinor,
            currency: options.currency,
            idempotencyKey: tender.idempotencyKey,
            isCaptureNow: options.isCaptureNow,
            description: `Order ${options.orderNumber}`,
            metadata: { orderId: options.orderId, orderNumber: options.orderNumber },
          })
          .catch((error: unknown): AuthorizeResult => {
            logger.error(
              { err: error, paymentId: tender.paymentId },
              "authorization failed",
            );
            return {
              outcome: "failed",
              code: "provider_error",
              message: "The card could not be checked. Please try again.",
            };
          })
      : {
          outcome: "failed",
          code: "provider_missing",
          message: "Card payments are not available here.",
        };
    results.push({ tender, result });
    if (result.outcome !== "authorized") isStopped = true;
  }
  return results;
}
