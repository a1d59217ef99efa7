import type { PricedLine, PricingResult } from "@/lib/pricing";
import type { CartLineView, CartView } from "./cart-view";

/**
 * The figures a cart view takes from the pricing engine, for a line and for
 * the whole cart. Pure, so the server's cart view and the till's ticket
 * drawn in the browser (lib/pos-sync/local-ticket.ts) show them alike.
 */
export function pricedLineFigures(
  priced: PricedLine | undefined,
): Pick<
  CartLineView,
  | "unitPriceMinor"
  | "listUnitPriceMinor"
  | "discountMinor"
  | "manualDiscountMinor"
  | "taxMinor"
  | "totalMinor"
> {
  return {
    unitPriceMinor: priced?.unitPrice ?? 0,
    listUnitPriceMinor: priced?.listUnitPrice ?? priced?.unitPrice ?? 0,
    discountMinor: priced?.discount ?? 0,
    manualDiscountMinor: priced?.manualDiscount ?? 0,
    taxMinor: priced?.tax ?? 0,
    totalMinor: priced?.total ?? 0,
  };
}

export function pricedCartFigures(
  result: PricingResult,
): Pick<
  CartView,
  "totals" | "promotions" | "saleDiscountMinor" | "codeOutcomes" | "warnings"
> {
  return {
    totals: {
      subtotalMinor: result.totals.subtotal,
      discountMinor: result.totals.discount,
      shippingMinor: result.totals.shipping,
      taxMinor: result.totals.tax,
      totalMinor: result.totals.total,
    },
    promotions: result.explanation.applied.map((a) => ({
      name: a.name,
      code: a.code,
      amountMinor: a.amount,
    })),
    saleDiscountMinor: result.explanation.manual
      .filter((m) => m.scope === "sale")
      .reduce((sum, m) => sum + m.amount, 0),
    codeOutcomes: result.explanation.codes,
    warnings: result.warnings,
  };
}
