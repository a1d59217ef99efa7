/**
 * What `priceCart` returns. Every amount is integer minor units in the
 * cart's currency and every list of parts sums exactly to its total.
 */
import type { SalesChannel, TaxCategory } from "./schemas";

/** Why an active promotion did not apply; the first failing rule is given. */
export type SkipReason =
  | { code: "outside_time_window"; window: "not_started" | "ended" | "schedule" }
  | { code: "wrong_channel"; channel: SalesChannel }
  | { code: "wrong_location"; locationId: string | null }
  | { code: "wrong_currency"; currency: string }
  | { code: "customer_group"; groups: string[] }
  | { code: "first_order_only" }
  /** A per-customer limit cannot be checked for an unknown customer. */
  | { code: "customer_required" }
  | { code: "code_missing" }
  | { code: "limit_reached"; scope: "total" | "customer" | "code" }
  | { code: "no_matching_items" }
  | { code: "min_quantity"; required: number; actual: number }
  /** Spend below the threshold; amounts in minor units. */
  | { code: "threshold_not_met"; required: number; actual: number }
  | { code: "no_shipping" }
  /** It matched but there was nothing left to take off (or a bundle was not cheaper). */
  | { code: "no_benefit" }
  /**
   * Another promotion won: either `by` is exclusive and applied first, or
   * this one is exclusive and `by` (combinable) had already applied.
   */
  | { code: "excluded"; by: string; isByExclusive: boolean };

export type SkipReasonCode = SkipReason["code"];

/** One promotion's share of one line. */
export interface LineDiscount {
  promotionId: string;
  amount: number;
}

export interface AppliedPromotion {
  promotionId: string;
  name: string;
  /** The code that unlocked it, as stored; null for an automatic promotion. */
  code: string | null;
  /** itemAmount + shippingAmount. */
  amount: number;
  itemAmount: number;
  shippingAmount: number;
  /** Per line, in the cart's line order; only lines it reduced. */
  lines: { lineId: string; amount: number }[];
  /** How many times a deal (buy X get Y, bundle) was formed; null for others. */
  applications: number | null;
  /** Index of the tier reached, for tiered promotions; null for others. */
  tier: number | null;
  /** true when the promotion's cap cut the discount. */
  isCapped: boolean;
}

export interface SkippedPromotion {
  promotionId: string;
  name: string;
  reason: SkipReason;
}

export type CodeStatus =
  | "applied"
  /** No such code. */
  | "unknown"
  /** The code exists but its promotion is not active. */
  | "inactive"
  /** The code's own limit is used up (a single-use code already redeemed). */
  | "limit_reached"
  /** A valid code whose promotion did not apply; see `reason`. */
  | "not_applied"
  /** Entered twice, or another code of the same promotion is already used. */
  | "duplicate";

export interface CodeOutcome {
  /** Upper-cased and trimmed, as compared. */
  code: string;
  status: CodeStatus;
  promotionId: string | null;
  reason: SkipReason | null;
}

export interface PricedLine {
  lineId: string;
  variantId: string;
  quantity: number;
  /** The price charged per unit: the catalogue's, or the till's override. */
  unitPrice: number;
  /** The catalogue's unit price, before any override at the till. */
  listUnitPrice: number;
  /** unitPrice x quantity. */
  subtotal: number;
  /** Sum of `discounts` and `manualDiscount`; never more than the subtotal. */
  discount: number;
  /** Promotions' shares. */
  discounts: LineDiscount[];
  /** Taken off by manual discounts at the till, this line's and the sale's. */
  manualDiscount: number;
  taxCategory: TaxCategory;
  /** null when no region matched; see the result's warnings. */
  taxRegionId: string | null;
  /** Percentage applied, e.g. 20 or 8.875. */
  taxRate: number;
  /** Included in the price (inclusive markets) or added to it (exclusive). */
  tax: number;
  /** Tax taken off a tax-inclusive price for a tax-exempt customer. */
  taxExemption: number;
  /** Amount after discounts, without tax. */
  net: number;
  /** What the shopper pays: subtotal - discount (+ tax if exclusive) - taxExemption. */
  total: number;
}

export interface PricedShipping {
  /** The shipping charge before discounts. */
  amount: number;
  discount: number;
  discounts: LineDiscount[];
  taxRegionId: string | null;
  tax: number;
  taxExemption: number;
  net: number;
  total: number;
}

export interface PricingTotals {
  /** Sum of line subtotals. */
  subtotal: number;
  itemDiscount: number;
  shippingDiscount: number;
  /** itemDiscount + shippingDiscount. */
  discount: number;
  /** Shipping charge before discounts. */
  shipping: number;
  /** Tax included in (inclusive) or added to (exclusive) the total. */
  tax: number;
  taxExemption: number;
  /** subtotal - discount + shipping (+ tax if exclusive) - taxExemption. */
  total: number;
}

/** Tax per region and rate, as a VAT invoice or a sales-tax report lists it. */
export interface TaxSummary {
  taxRegionId: string | null;
  taxRate: number;
  /** Amount taxed at this rate, without tax. */
  net: number;
  tax: number;
}

export type PricingWarning = {
  code: "no_tax_region";
  /** null for shipping. */
  lineId: string | null;
  cause: "missing_address" | "no_matching_region";
};

/** A price override or manual discount as it was applied. */
export interface AppliedManualAdjustment {
  id: string;
  kind: "price_override" | "amount_off" | "percent_off";
  scope: "line" | "sale";
  reason: string;
  /** The amount or percent typed; for an override, the new unit price. */
  value: number;
  /**
   * What it took off, per line in the cart's order. A price override above
   * the catalogue price adds, so its amount is negative.
   */
  amount: number;
  lines: { lineId: string; amount: number }[];
}

export interface PricingExplanation {
  /** In the order they were applied. */
  applied: AppliedPromotion[];
  /** Every other active promotion, with the reason it did not apply. */
  notApplied: SkippedPromotion[];
  /** One outcome per entered code, in the order entered. */
  codes: CodeOutcome[];
  /**
   * Price overrides, then line discounts, then the sale's discount; only
   * those that changed something.
   */
  manual: AppliedManualAdjustment[];
}

export interface PricingResult {
  currency: string;
  pricesIncludeTax: boolean;
  /** In the cart's order. */
  lines: PricedLine[];
  /** null when the cart has no shipping charge. */
  shipping: PricedShipping | null;
  totals: PricingTotals;
  taxes: TaxSummary[];
  explanation: PricingExplanation;
  warnings: PricingWarning[];
}
