/**
 * Pricing a till's cart from its bundle, in the browser, with the one
 * engine the server uses; and turning a priced, paid cart into the sale
 * the till queues. Pure.
 */

import { type CartLine, type PricingResult, priceCart } from "@/lib/pricing";
import { pricingContextFromBundle } from "@/lib/pricing-data/bundle";
import type { PosBundle, PosCustomer, PosVariant } from "./bundle";
import type { OfflineSaleInput, OfflineTender } from "./sale";

export interface TillLine {
  variantId: string;
  quantity: number;
}

/** The cart line id of the line at `index`; the server prices with the same ids. */
export function offlineLineId(index: number): string {
  return `line-${index + 1}`;
}

/** Variants of the bundle by id, for pricing many carts. */
export function indexVariants(bundle: PosBundle): Map<string, PosVariant> {
  return new Map(bundle.variants.map((variant) => [variant.id, variant]));
}

/**
 * The engine's cart line for a variant of the bundle, carried out at the
 * bundle's store: the same facts the server loads for it (product,
 * category with its ancestors, collections, price, tax category).
 */
export function bundleCartLine(
  bundle: PosBundle,
  variant: PosVariant,
  line: { id: string; quantity: number },
): CartLine {
  return {
    id: line.id,
    variantId: variant.id,
    productId: variant.productId,
    categoryIds: variant.categoryId
      ? (bundle.pricing.categoryAncestors[variant.categoryId] ?? [variant.categoryId])
      : [],
    collectionIds: bundle.pricing.productCollections[variant.productId] ?? [],
    unitPrice: variant.priceMinor,
    quantity: line.quantity,
    taxCategory: variant.taxCategory,
    fulfillment: "CARRY_OUT",
    locationId: bundle.location.id,
    isDiscountable: true,
  };
}

/**
 * Prices a carry-out cart at the bundle's store at `at`. Throws when a
 * line's variant is not in the bundle (the till only offers what it holds).
 */
export function priceOfflineCart(
  bundle: PosBundle,
  options: {
    lines: readonly TillLine[];
    codes?: readonly string[];
    customer?: PosCustomer | null;
    at: Date;
    variants?: ReadonlyMap<string, PosVariant>;
  },
): PricingResult {
  const variants = options.variants ?? indexVariants(bundle);
  const lines: CartLine[] = options.lines.map((line, index) => {
    const variant = variants.get(line.variantId);
    if (!variant)
      throw new Error(`variant ${line.variantId} is not in this till's catalogue`);
    return bundleCartLine(bundle, variant, {
      id: offlineLineId(index),
      quantity: line.quantity,
    });
  });
  const customer = options.customer
    ? {
        id: options.customer.id,
        groups: options.customer.groups,
        isTaxExempt: options.customer.isTaxExempt,
        // Not known offline; counting one keeps first-order deals for the server to judge.
        orderCount: 1,
      }
    : null;
  return priceCart(
    {
      currency: bundle.pricing.market.currency,
      lines,
      codes: [...(options.codes ?? [])],
      shippingAmount: 0,
      shippingAddress: null,
    },
    pricingContextFromBundle(bundle.pricing, {
      time: options.at.toISOString(),
      customer,
    }),
  );
}

/** The sale a till queues once it is paid: everything the server needs to judge it. */
export function offlineSaleFrom(options: {
  id: string;
  deviceId: string;
  sequence: number;
  registerId: string;
  staffId: string;
  at: Date;
  customerId: string | null;
  codes: readonly string[];
  variants: ReadonlyMap<string, PosVariant>;
  pricing: PricingResult;
  tenders: readonly OfflineTender[];
}): OfflineSaleInput {
  return {
    id: options.id,
    deviceId: options.deviceId,
    sequence: options.sequence,
    registerId: options.registerId,
    staffId: options.staffId,
    occurredAt: options.at.toISOString(),
    customerId: options.customerId,
    codes: [...options.codes],
    lines: options.pricing.lines.map((line) => {
      const variant = options.variants.get(line.variantId);
      return {
        variantId: line.variantId,
        sku: variant?.sku ?? line.variantId,
        title: variant
          ? [variant.title, variant.options].filter(Boolean).join(" — ")
          : "Item",
        quantity: line.quantity,
        unitPriceMinor: line.unitPrice,
        discountMinor: line.discount,
        taxMinor: line.tax,
        totalMinor: line.total,
      };
    }),
    pricing: JSON.parse(JSON.stringify(options.pricing)),
    tenders: [...options.tenders],
  };
}
