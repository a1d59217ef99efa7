import type { Db } from "@/lib/db/client";
import type { FulfillmentMethod, SalesChannel } from "@/lib/db/generated/enums";
import { type PricingResult, priceCart } from "@/lib/pricing";
import {
  loadPricingInputs,
  type PricingInputs,
} from "@/lib/pricing-data/load-pricing-inputs";
import type { ShippingAddress } from "./schemas";
import { quoteShipping } from "./shipping-rate";

/** What pricing needs of a cart row and its lines. */
export interface CartToPrice {
  channel: SalesChannel;
  currency: string;
  locationId: string | null;
  customerId: string | null;
  email: string | null;
  codes: readonly string[];
  lines: readonly {
    id: string;
    variantId: string;
    quantity: number;
    fulfillment: FulfillmentMethod;
    locationId: string | null;
  }[];
}

export interface PricedCart {
  inputs: PricingInputs;
  result: PricingResult;
}

/**
 * Prices a cart with the one engine: the live promotions, codes and tax
 * regions from the loader, and the shipping charge for its shipped lines.
 * The cart view, every line change and placeOrder all call this.
 */
export async function priceCartRecord(
  db: Db,
  cart: CartToPrice,
  options: { at?: Date; shippingAddress?: ShippingAddress | null } = {},
): Promise<PricedCart> {
  const address = options.shippingAddress ?? null;
  const inputs = await loadPricingInputs(db, {
    channel: cart.channel,
    locationId: cart.locationId,
    customerId: cart.customerId,
    customerEmail: cart.email,
    codes: cart.codes,
    at: options.at,
    currency: cart.currency,
    lines: cart.lines.map((line) => ({
      id: line.id,
      variantId: line.variantId,
      quantity: line.quantity,
      fulfillment: line.fulfillment,
      locationId: line.locationId,
    })),
    shippingAddress: address
      ? {
          country: address.country,
          region: address.region ?? null,
          postalCode: address.postalCode,
        }
      : null,
  });

  const shipped = inputs.cart.lines.filter((line) => line.fulfillment === "SHIP");
  const shippingAmount = quoteShipping({
    currency: cart.currency,
    hasShippedLines: shipped.length > 0,
    shippedValueMinor: shipped.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0),
  });
  const priced = { ...inputs, cart: { ...inputs.cart, shippingAmount } };
  return { inputs: priced, result: priceCart(priced.cart, priced.context) };
}
