import type { Db } from "@/lib/db/client";
import type { FulfillmentMethod, SalesChannel } from "@/lib/db/generated/enums";
import {
  ManualDiscountSchema,
  PriceOverrideSchema,
  type PricingCart,
  type PricingResult,
  priceCart,
} from "@/lib/pricing";
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
  /** A till's approved discount on the whole sale, as stored (JSON). */
  manualDiscount?: unknown;
  lines: readonly {
    id: string;
    variantId: string;
    quantity: number;
    fulfillment: FulfillmentMethod;
    locationId: string | null;
    /** A till's approved price override and line discount, as stored. */
    priceOverride?: unknown;
    manualDiscount?: unknown;
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
  const adjusted = withTillAdjustments({ ...inputs.cart, shippingAmount }, cart);
  const priced = { ...inputs, cart: adjusted };
  return { inputs: priced, result: priceCart(priced.cart, priced.context) };
}

/**
 * Puts a POS cart's approved overrides and discounts into the engine's
 * cart. The stored records carry who asked and who approved; the engine
 * reads only the parts it needs. Only a till's carts carry them.
 */
function withTillAdjustments(priced: PricingCart, cart: CartToPrice): PricingCart {
  if (cart.channel !== "POS") return priced;
  const read = <T>(schema: { safeParse: (v: unknown) => { data?: T } }, v: unknown) =>
    v == null ? null : (schema.safeParse(v).data ?? null);
  const byId = new Map(cart.lines.map((line) => [line.id, line]));
  return {
    ...priced,
    manualDiscount: read(ManualDiscountSchema, cart.manualDiscount),
    lines: priced.lines.map((line) => {
      const stored = byId.get(line.id);
      return {
        ...line,
        priceOverride: read(PriceOverrideSchema, stored?.priceOverride),
        manualDiscount: read(ManualDiscountSchema, stored?.manualDiscount),
      };
    }),
  };
}
