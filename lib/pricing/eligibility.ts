import type { CodeBook } from "./codes";
import { checkTimeWindow } from "./schedule";
import type { PricingCart, PricingContext, Promotion } from "./schemas";
import type { SkipReason } from "./types";

export type Eligibility =
  | { ok: true; code: string | null }
  | { ok: false; reason: SkipReason };

/**
 * Checks the conditions that do not depend on the basket's contents, in a
 * fixed order so the reason given is the first that fails: time window,
 * channel, location, currency, customer group, first order, code, limits.
 */
export function checkEligibility(
  promotion: Promotion,
  cart: PricingCart,
  context: PricingContext,
  timeMs: number,
  codes: CodeBook,
): Eligibility {
  const reason =
    conditionFailure(promotion, cart, context, timeMs) ?? codeFailure(promotion, codes);
  if (reason) return { ok: false, reason };

  const limit = limitFailure(promotion, context);
  if (limit) return { ok: false, reason: limit };
  return { ok: true, code: codes.chosen.get(promotion.id) ?? null };
}

function conditionFailure(
  promotion: Promotion,
  cart: PricingCart,
  context: PricingContext,
  timeMs: number,
): SkipReason | null {
  const { conditions } = promotion;
  const window = checkTimeWindow(conditions, timeMs);
  if (window) return { code: "outside_time_window", window };

  if (conditions.channels.length > 0 && !conditions.channels.includes(context.channel)) {
    return { code: "wrong_channel", channel: context.channel };
  }
  if (
    conditions.locationIds.length > 0 &&
    (context.locationId === null || !conditions.locationIds.includes(context.locationId))
  ) {
    return { code: "wrong_location", locationId: context.locationId };
  }
  if (promotion.currency !== null && promotion.currency !== cart.currency) {
    return { code: "wrong_currency", currency: cart.currency };
  }

  const { customer } = context;
  if (
    conditions.customerGroups.length > 0 &&
    !conditions.customerGroups.some((group) => customer?.groups.includes(group))
  ) {
    return { code: "customer_group", groups: conditions.customerGroups };
  }
  // An unknown customer cannot prove that this is their first order.
  if (conditions.isFirstOrderOnly && (customer === null || customer.orderCount > 0)) {
    return { code: "first_order_only" };
  }
  return null;
}

function codeFailure(promotion: Promotion, codes: CodeBook): SkipReason | null {
  if (!promotion.requiresCode || codes.chosen.has(promotion.id)) return null;
  if (codes.usedUp.has(promotion.id)) return { code: "limit_reached", scope: "code" };
  return { code: "code_missing" };
}

function limitFailure(promotion: Promotion, context: PricingContext): SkipReason | null {
  const usage = context.usage[promotion.id];
  if (promotion.usageLimit !== null && (usage?.total ?? 0) >= promotion.usageLimit) {
    return { code: "limit_reached", scope: "total" };
  }
  if (promotion.usageLimitPerCustomer === null) return null;
  if (context.customer === null) return { code: "customer_required" };
  if ((usage?.byCustomer ?? 0) >= promotion.usageLimitPerCustomer) {
    return { code: "limit_reached", scope: "customer" };
  }
  return null;
}
