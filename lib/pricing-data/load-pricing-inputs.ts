import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors, parseInput } from "@/lib/errors";
import {
  type AddressInput,
  type PricingCart,
  PricingCartSchema,
  type PricingContext,
  type SalesChannel,
} from "@/lib/pricing";
import { type BasketLine, loadCartLines } from "./cart-lines";
import { loadCodeRecords } from "./codes";
import { loadPricingCustomer } from "./customers";
import { defaultCurrency, loadMarket } from "./markets";
import { loadActivePromotions } from "./promotions";
import { loadLocationAddresses, loadTaxRegions, toAddress } from "./tax-regions";
import { loadPromotionUsage } from "./usage";

export interface LoadPricingInputsOptions {
  channel: SalesChannel;
  /** The store of a POS sale, or the shopper's chosen store; null for none. */
  locationId?: string | null;
  /** A signed-in customer, or the customer a POS sale is for. */
  customerId?: string | null;
  /** A guest's e-mail; an account's e-mail counts as that account. */
  customerEmail?: string | null;
  /** Codes as entered. */
  codes?: readonly string[];
  /** The instant to price at; now when not given. */
  at?: Date;
  /** The cart's currency; the first market's when not given. */
  currency?: string;
  lines: readonly BasketLine[];
  /** The shipping charge quoted for the shipped lines, before discounts. */
  shippingAmount?: number;
  shippingAddress?: AddressInput | null;
}

/** Exactly what `priceCart(cart, context)` takes, with the ids checkout keeps. */
export interface PricingInputs {
  cart: PricingCart;
  context: PricingContext;
  /** The customer's row, when known; redemptions are recorded against it. */
  customerId: string | null;
  /** What per-customer limits count by; pass it to recordRedemptions. */
  customerKey: string | null;
}

/**
 * Loads everything the engine needs to price a basket: the catalogue facts
 * of its lines, the market, the promotions live for the channel, store
 * and instant, the entered codes, usage so far, the customer, and the tax
 * regions of every place goods are handed over. Checkout, the storefront
 * cart, the POS and the quote API all price through it.
 */
export async function loadPricingInputs(
  db: Db,
  options: LoadPricingInputsOptions,
): Promise<PricingInputs> {
  const at = options.at ?? new Date();
  const locationId = options.locationId ?? null;
  const currency = options.currency ?? (await defaultCurrency(db));
  const shippingAddress = options.shippingAddress
    ? toAddress(options.shippingAddress)
    : null;
  const lineLocationIds = options.lines.flatMap((l) =>
    l.locationId ? [l.locationId] : [],
  );

  const lines = await loadCartLines(db, { currency, lines: options.lines });
  const locations = await loadLocationAddresses(db, [
    ...(locationId ? [locationId] : []),
    ...lineLocationIds,
  ]);
  assertLocationsExist(locations, locationId, options.lines);
  const saleCountry =
    shippingAddress?.country ??
    locations.find((l) => l.id === locationId)?.address.country ??
    null;
  const market = await loadMarket(db, { currency, country: saleCountry });
  const codes = await loadCodeRecords(db, options.codes ?? []);
  const active = await loadActivePromotions(db, {
    at,
    channel: options.channel,
    locationId,
    currency,
    codePromotionIds: codes.map((code) => code.promotionId),
  });
  const customer = await loadPricingCustomer(db, {
    customerId: options.customerId,
    email: options.customerEmail,
    // Only "first order only" promotions read it; counting costs a query.
    isOrderCountNeeded: active.some((a) => a.promotion.conditions.isFirstOrderOnly),
  });
  const usage = await loadPromotionUsage(db, {
    totals: new Map(active.map((a) => [a.promotion.id, a.timesRedeemed])),
    customerKey: customer.customerKey,
  });
  const taxRegions = await loadTaxRegions(db, {
    countries: [
      ...(shippingAddress ? [shippingAddress.country] : []),
      ...locations.map((l) => l.address.country),
    ],
  });

  const cart = parseInput(PricingCartSchema, {
    currency,
    lines,
    codes: options.codes ?? [],
    shippingAmount: options.shippingAmount ?? 0,
    shippingAddress,
  });
  const context: PricingContext = {
    channel: options.channel,
    locationId,
    time: at.toISOString(),
    customer: customer.context,
    market: market.market,
    promotions: active.map((a) => a.promotion),
    codes,
    usage,
    taxRegions,
    locations,
  };
  return {
    cart,
    context,
    customerId: customer.customerId,
    customerKey: customer.customerKey,
  };
}

function assertLocationsExist(
  found: readonly { id: string }[],
  locationId: string | null,
  lines: readonly BasketLine[],
): void {
  const known = new Set(found.map((location) => location.id));
  const fields: FieldErrors = {};
  if (locationId && !known.has(locationId))
    fields.locationId = ["No location has this id."];
  for (const [index, line] of lines.entries()) {
    if (line.locationId && !known.has(line.locationId)) {
      fields[`lines.${index}.locationId`] = ["No location has this id."];
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some locations are unknown.", { fields });
  }
}
