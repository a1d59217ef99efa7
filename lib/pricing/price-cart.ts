import { AppError } from "../errors/app-error";
import { readCodes } from "./codes";
import { checkEligibility, type Eligibility } from "./eligibility";
import { applyManualDiscounts, applyPriceOverrides } from "./manual";
import { buildResult } from "./result";
import type { PricingCart, PricingContext } from "./schemas";
import { settlePromotions } from "./stacking";
import { createState } from "./state";
import { taxCart } from "./tax-cart";
import type { PricingResult } from "./types";

/**
 * Prices a cart: promotions, tax and totals, with an explanation. Pure and
 * deterministic: the same cart and context give the same result on the
 * server, in the POS offline and in returns, whatever the order of lines.
 */
export function priceCart(original: PricingCart, context: PricingContext): PricingResult {
  const timeMs = assertPricingInput(original, context);

  // A till's price override is the line's price from here on.
  const cart = applyPriceOverrides(original);
  const state = createState(cart, context.market.roundingMode);
  const codes = readCodes(cart.codes, context.codes);
  const eligibility = new Map<string, Eligibility>(
    context.promotions.map((promotion) => [
      promotion.id,
      checkEligibility(promotion, cart, context, timeMs, codes),
    ]),
  );
  const outcomes = settlePromotions(context.promotions, eligibility, state);
  const manual = applyManualDiscounts(cart, state);
  const tax = taxCart(state, cart, context);

  return buildResult({ cart, original, context, state, outcomes, manual, codes, tax });
}

/**
 * Cheap checks of what the types cannot say. Callers validate with the
 * schemas at the boundary; this guards the invariants the engine's
 * arithmetic relies on, and returns the pricing instant.
 */
function assertPricingInput(cart: PricingCart, context: PricingContext): number {
  const fail = (internal: string) =>
    new AppError("invalid_input", "The basket could not be priced.", { internal });

  if (cart.currency !== context.market.currency) {
    throw fail(
      `cart currency ${cart.currency} differs from market ${context.market.currency}`,
    );
  }
  const lineIds = new Set<string>();
  for (const line of cart.lines) {
    if (lineIds.has(line.id)) throw fail(`duplicate line id ${line.id}`);
    lineIds.add(line.id);
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
      throw fail(`line ${line.id} has a bad unit price ${line.unitPrice}`);
    }
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw fail(`line ${line.id} has a bad quantity ${line.quantity}`);
    }
    const override = line.priceOverride?.unitPrice;
    if (override !== undefined && (!Number.isSafeInteger(override) || override < 0)) {
      throw fail(`line ${line.id} has a bad price override ${override}`);
    }
    const dearest = Math.max(line.unitPrice, override ?? 0);
    if (!Number.isSafeInteger(dearest * line.quantity)) {
      throw fail(`line ${line.id} is too large to price exactly`);
    }
  }
  if (!Number.isSafeInteger(cart.shippingAmount) || cart.shippingAmount < 0) {
    throw fail(`bad shipping amount ${cart.shippingAmount}`);
  }
  const promotionIds = new Set(context.promotions.map((promotion) => promotion.id));
  if (promotionIds.size !== context.promotions.length)
    throw fail("duplicate promotion ids");

  const timeMs = Date.parse(context.time);
  if (Number.isNaN(timeMs)) throw fail(`bad pricing time ${context.time}`);
  return timeMs;
}
