import type { Db } from "@/lib/db/client";
import type { Cart, CartLine } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/app-error";
import {
  availabilityForVariants,
  type VariantAvailability,
} from "@/lib/inventory/availability";
import type { CodeOutcome, PricingResult, PricingWarning } from "@/lib/pricing";
import { assertCartAccess, type CartActor } from "./cart-access";
import { priceCartRecord } from "./price-cart";
import { pricedCartFigures, pricedLineFigures } from "./priced-figures";
import { ShippingAddressSchema } from "./schemas";

export interface CartLineView {
  id: string;
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  fulfillment: "SHIP" | "PICKUP" | "CARRY_OUT";
  locationId: string | null;
  locationName: string | null;
  unitPriceMinor: number;
  /** The catalogue's unit price; differs from unitPriceMinor when overridden. */
  listUnitPriceMinor: number;
  discountMinor: number;
  /** Part of discountMinor taken off by manual discounts at the till. */
  manualDiscountMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** A till's approved override and discount of this line, as stored. */
  priceOverride: unknown;
  manualDiscount: unknown;
  /** Units that can be promised for this line; null for carry-out (the shelf wins). */
  availableQuantity: number | null;
  isAvailable: boolean;
}

export interface CartView {
  id: string;
  channel: "WEB" | "POS" | "API";
  status: string;
  currency: string;
  locationId: string | null;
  registerId: string | null;
  customerId: string | null;
  /** The attached customer's name, for the till. */
  customerName: string | null;
  /** The attached customer's email: the till offers it for the receipt. */
  customerEmail: string | null;
  email: string | null;
  shippingAddress: unknown;
  codes: string[];
  lines: CartLineView[];
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    shippingMinor: number;
    taxMinor: number;
    totalMinor: number;
  };
  promotions: { name: string; code: string | null; amountMinor: number }[];
  /** A till's approved discount on the whole sale, as stored. */
  manualDiscount: unknown;
  /** What the whole-sale manual discount took off. */
  saleDiscountMinor: number;
  codeOutcomes: CodeOutcome[];
  warnings: PricingWarning[];
  /** Every line can be bought as it stands. */
  canCheckOut: boolean;
}

/** Reads a cart for its owner, priced by the engine, with each line's availability. */
export async function getCartView(
  db: Db,
  options: { actor: CartActor; cartId: string },
): Promise<CartView> {
  const cart = await loadForView(db, options.cartId);
  if (!cart) throw notFound("Cart");
  assertCartAccess(options.actor, cart);
  return buildCartView(db, cart);
}

/** A cart as its view and checkout need it: the row, the customer, the lines with their names. */
export type CartWithLines = Cart & {
  customer: { firstName: string; lastName: string; email: string | null } | null;
  lines: (CartLine & {
    variant: { sku: string; optionValues: string[]; product: { title: string } };
    location: { name: string } | null;
  })[];
};

type CartWithLinesRow = Omit<CartWithLines, "lines"> & {
  lines: (Omit<CartWithLines["lines"][number], "createdAt"> & { createdAt: string })[];
};

/**
 * Reads a cart with what its view shows, in one statement; null when none.
 * Every cart request and every checkout starts here, so it is one plain
 * query, the lines gathered as JSON in their order of adding.
 */
export async function loadForView(db: Db, cartId: string): Promise<CartWithLines | null> {
  const [row] = await db.$queryRaw<CartWithLinesRow[]>`
    SELECT c.id, c.channel::text AS channel, c."customerId", c."locationId", c."registerId",
      c.currency, COALESCE(c.codes, '{}') AS codes, c.status::text AS status, c.email,
      c."manualDiscount", c."shippingAddress", c."orderId", c."expiresAt", c."createdAt",
      c."updatedAt",
      (SELECT json_build_object('firstName', cu."firstName", 'lastName', cu."lastName",
                                'email', cu.email)
       FROM "Customer" AS cu WHERE cu.id = c."customerId") AS customer,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', l.id, 'cartId', l."cartId", 'variantId', l."variantId",
          'quantity', l.quantity, 'fulfillment', l.fulfillment,
          'locationId', l."locationId", 'priceOverride', l."priceOverride",
          'manualDiscount', l."manualDiscount", 'createdAt', l."createdAt",
          'variant', json_build_object('sku', v.sku,
            'optionValues', COALESCE(v."optionValues", '{}'),
            'product', json_build_object('title', p.title)),
          'location', CASE WHEN loc.id IS NULL THEN NULL
                           ELSE json_build_object('name', loc.name) END)
          ORDER BY l."createdAt", l.id)
        FROM "CartLine" AS l
        JOIN "Variant" AS v ON v.id = l."variantId"
        JOIN "Product" AS p ON p.id = v."productId"
        LEFT JOIN "Location" AS loc ON loc.id = l."locationId"
        WHERE l."cartId" = c.id), '[]') AS lines
    FROM "Cart" AS c WHERE c.id = ${cartId}`;
  if (!row) return null;
  return {
    ...row,
    lines: row.lines.map((line) => ({ ...line, createdAt: new Date(line.createdAt) })),
  };
}

/**
 * The view of a cart as read: priced by the engine, each line's
 * availability from `availability` when the caller already read it for
 * every line's variant, else read here.
 */
export async function buildCartView(
  db: Db,
  cart: CartWithLines,
  availability?: Map<string, VariantAvailability>,
): Promise<CartView> {
  const address = ShippingAddressSchema.safeParse(cart.shippingAddress);
  // An empty cart without codes prices to nothing: no need to ask.
  const result =
    cart.lines.length === 0 && cart.codes.length === 0
      ? nothingToPrice(cart.currency)
      : (
          await priceCartRecord(db, cart, {
            shippingAddress: address.success ? address.data : null,
          })
        ).result;
  const priced = new Map(result.lines.map((line) => [line.lineId, line]));
  const stock =
    availability ??
    (await availabilityForVariants(
      db,
      cart.lines.map((line) => line.variantId),
    ));

  const lines = cart.lines.map((line): CartLineView => {
    const p = priced.get(line.id);
    const levels = stock.get(line.variantId);
    const available =
      line.fulfillment === "CARRY_OUT"
        ? null
        : line.locationId
          ? (levels?.byLocation.find((l) => l.locationId === line.locationId)
              ?.available ?? 0)
          : (levels?.shippable ?? 0);
    const options = line.variant.optionValues.join(" / ");
    return {
      id: line.id,
      variantId: line.variantId,
      sku: line.variant.sku,
      title: options
        ? `${line.variant.product.title} — ${options}`
        : line.variant.product.title,
      quantity: line.quantity,
      fulfillment: line.fulfillment,
      locationId: line.locationId,
      locationName: line.location?.name ?? null,
      ...pricedLineFigures(p),
      priceOverride: line.priceOverride ?? null,
      manualDiscount: line.manualDiscount ?? null,
      availableQuantity: available,
      isAvailable: available === null || available >= line.quantity,
    };
  });

  return {
    id: cart.id,
    channel: cart.channel,
    status: cart.status,
    currency: cart.currency,
    locationId: cart.locationId,
    registerId: cart.registerId,
    customerId: cart.customerId,
    customerName: cart.customer
      ? `${cart.customer.firstName} ${cart.customer.lastName}`
      : null,
    customerEmail: cart.customer?.email ?? null,
    email: cart.email,
    shippingAddress: cart.shippingAddress,
    codes: cart.codes,
    lines,
    ...pricedCartFigures(result),
    manualDiscount: cart.manualDiscount ?? null,
    canCheckOut:
      cart.status === "OPEN" && lines.length > 0 && lines.every((l) => l.isAvailable),
  };
}

/** What the engine answers for a cart with no lines and no codes. */
function nothingToPrice(currency: string): PricingResult {
  return {
    currency,
    pricesIncludeTax: true,
    lines: [],
    shipping: null,
    totals: {
      subtotal: 0,
      itemDiscount: 0,
      shippingDiscount: 0,
      discount: 0,
      shipping: 0,
      tax: 0,
      taxExemption: 0,
      total: 0,
    },
    taxes: [],
    explanation: { applied: [], notApplied: [], codes: [], manual: [] },
    warnings: [],
  };
}

/**
 * The view of a cart just created, from its row: it has no lines or codes
 * yet, so there is nothing to read again (unless a customer's name is due).
 */
export async function newCartView(db: Db, cart: Cart): Promise<CartView> {
  if (cart.customerId) return cartViewById(db, cart.id);
  return buildCartView(db, { ...cart, customer: null, lines: [] });
}

/** The view of a cart the caller already may see (after a change). */
export async function cartViewById(db: Db, cartId: string): Promise<CartView> {
  const cart = await loadForView(db, cartId);
  if (!cart) throw notFound("Cart");
  return buildCartView(db, cart);
}
