/**
 * The shipping charge quoted for a cart's shipped lines, before
 * promotions (free-shipping promotions reduce it in the pricing engine).
 * One flat standard rate per currency, free above a threshold of the
 * shipped goods' catalogue value.
 */
export interface ShippingRate {
  amountMinor: number;
  /** Shipped goods worth at least this ship free; null: never free. */
  freeFromMinor: number | null;
}

const RATES: Readonly<Record<string, ShippingRate>> = {
  GBP: { amountMinor: 495, freeFromMinor: 6000 },
  EUR: { amountMinor: 595, freeFromMinor: 7000 },
  USD: { amountMinor: 695, freeFromMinor: 7500 },
};

const FALLBACK: ShippingRate = { amountMinor: 0, freeFromMinor: null };

/** The shipping charge for shipped lines worth `shippedValueMinor`. */
export function quoteShipping(options: {
  currency: string;
  hasShippedLines: boolean;
  shippedValueMinor: number;
}): number {
  if (!options.hasShippedLines) return 0;
  const rate = RATES[options.currency] ?? FALLBACK;
  if (rate.freeFromMinor !== null && options.shippedValueMinor >= rate.freeFromMinor) {
    return 0;
  }
  return rate.amountMinor;
}
