import type { Db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/format";
import { describeExplanation, describeReason, priceCart } from "@/lib/pricing";
import { loadPricingInputs } from "@/lib/pricing-data";

/** What one unit of a variant costs online today, and why. */
export interface VariantPriceQuote {
  variantId: string;
  currency: string;
  /** The catalogue price of one unit. */
  listMinor: number;
  /** What one unit costs after automatic promotions. */
  payMinor: number;
  /** Sentences such as "Autumn sale: £6.90 off." */
  applied: string[];
  /**
   * Offers the shopper can still reach, in words: "Buy 3, save 10%: add 2
   * more qualifying items." Code-only and members-only offers are left out.
   */
  nearMisses: string[];
}

// Reasons a shopper can act on from a product page.
const REACHABLE = new Set(["min_quantity", "threshold_not_met"]);

/**
 * Prices one unit of each variant with the same engine and the same live
 * promotions as the cart and the POS, so the product page never shows a
 * price the till would not charge. The database is read once; the pure
 * engine then prices each variant as a basket of its own.
 */
export async function quoteVariantPrices(
  db: Db,
  options: { variantIds: string[]; customerId?: string | null; at?: Date },
): Promise<Map<string, VariantPriceQuote>> {
  const quotes = new Map<string, VariantPriceQuote>();
  if (options.variantIds.length === 0) return quotes;

  const inputs = await loadPricingInputs(db, {
    channel: "WEB",
    customerId: options.customerId ?? null,
    at: options.at,
    lines: options.variantIds.map((variantId) => ({
      id: variantId,
      variantId,
      quantity: 1,
      fulfillment: "SHIP" as const,
      locationId: null,
    })),
  });

  for (const line of inputs.cart.lines) {
    const result = priceCart(
      { ...inputs.cart, lines: [line], shippingAmount: 0, codes: [] },
      inputs.context,
    );
    const priced = result.lines[0];
    if (!priced) continue;
    const format = (amount: number) =>
      formatMoney({ amount, currency: result.currency }, "en-GB");
    const text = describeExplanation(result);
    quotes.set(line.variantId, {
      variantId: line.variantId,
      currency: result.currency,
      listMinor: priced.unitPrice,
      payMinor: priced.subtotal - priced.discount,
      applied: text.applied,
      nearMisses: result.explanation.notApplied
        .filter((entry) => REACHABLE.has(entry.reason.code))
        .map((entry) => `${entry.name}: ${describeReason(entry.reason, format)}.`),
    });
  }
  return quotes;
}
