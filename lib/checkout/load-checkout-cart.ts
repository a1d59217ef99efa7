import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { FulfillmentMethod } from "@/lib/db/generated/enums";
import { AppError, type FieldErrors, notFound } from "@/lib/errors/app-error";
import { type CartWithLines, loadForView } from "./cart-view";
import { routeShippedLines } from "./route-shipped-lines";
import type { ShippingAddress } from "./schemas";

/**
 * A cart line ready to become an order line, with its location settled.
 * A shipped line split across locations appears once per part, each with
 * the cart line's id and its part of the quantity.
 */
export interface CheckoutLine {
  id: string;
  variantId: string;
  quantity: number;
  fulfillment: FulfillmentMethod;
  locationId: string;
  sku: string;
  title: string;
  /** A till's approved price override and line discount, as stored. */
  priceOverride?: unknown;
  manualDiscount?: unknown;
  /** The id its order line will have, when made before the order is written. */
  orderLineId?: string;
}

export interface CheckoutLocation {
  id: string;
  code: string;
  pickupHoldHours: number;
}

/**
 * Loads a cart and its lines with the snapshots an order keeps, without
 * locking it: placeOrder reads, holds the stock, then locks the cart in
 * its order's transaction and checks it has not changed since
 * (`lockCheckoutCart`).
 */
export async function loadCheckoutCart(db: Db, cartId: string): Promise<LockedCart> {
  const cart = await loadForView(db, cartId);
  if (!cart) throw notFound("Cart");
  return cart;
}

/**
 * Locks a cart for checkout (so two checkouts of one cart queue rather
 * than both succeed) in one statement, and says whether it changed since
 * `cart` was read: every change to a cart or its lines stamps the cart's
 * `updatedAt` under the same lock, and the lines' quantities and places
 * are compared as well.
 */
export async function lockCheckoutCart(tx: Tx, cart: LockedCart) {
  const [row] = await tx.$queryRaw<
    { status: string; orderId: string | null; updatedAt: Date; lines: string | null }[]
  >`
    SELECT c.status::text AS status, c."orderId", c."updatedAt",
      ${lineSignatureSql(Prisma.sql`c`)} AS lines
    FROM "Cart" AS c WHERE c.id = ${cart.id} FOR UPDATE`;
  if (!row) throw notFound("Cart");
  const isChanged =
    row.updatedAt.getTime() !== cart.updatedAt.getTime() ||
    (row.lines ?? "") !== lineSignature(cart.lines);
  return { status: row.status, orderId: row.orderId, isChanged };
}

export type LockedCart = CartWithLines;

interface SignedLine {
  id: string;
  variantId: string;
  quantity: number;
  fulfillment: string;
  locationId: string | null;
}

/**
 * The lines of a cart as one string (id, variant, quantity, fulfillment,
 * place; ordered by id), to tell whether they changed since they were
 * read; `lineSignatureSql` makes the same string in SQL for the cart
 * aliased `cart` (null for no lines).
 */
export function lineSignature(lines: readonly SignedLine[]): string {
  return [...lines]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(
      (l) =>
        `${l.id}:${l.variantId}:${l.quantity}:${l.fulfillment}:${l.locationId ?? ""}`,
    )
    .join(",");
}

/**
 * The new `updatedAt` of a cart being changed (aliased `cart`): now, or a
 * millisecond past its last stamp when the clock has not moved on, so
 * every change gives a stamp a reader can tell apart from the one it read.
 */
export function nextCartStamp(cart: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`GREATEST(now() AT TIME ZONE 'UTC', ${cart}."updatedAt" + interval '1 millisecond')`;
}

export function lineSignatureSql(cart: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT string_agg(l.id || ':' || l."variantId" || ':' || l.quantity
      || ':' || l.fulfillment::text || ':' || COALESCE(l."locationId", ''), ','
      ORDER BY l.id COLLATE "C")
    FROM "CartLine" AS l WHERE l."cartId" = ${cart}.id)`;
}

/**
 * Checks every line can be fulfilled the way it asks, and routes shipped
 * lines without a location (split across locations when no one can send
 * a line whole). Refuses, naming each line: carry-out away from
 * the till's own store, pickup where the store does not offer it, shipping
 * without an address or from a location that does not ship.
 */
export async function settleCheckoutLines(
  tx: Db,
  cart: LockedCart,
  shippingAddress: ShippingAddress | null,
): Promise<{ lines: CheckoutLine[]; locations: Map<string, CheckoutLocation> }> {
  const fields: FieldErrors = {};
  if (cart.lines.length === 0) fields.lines = ["The cart is empty."];

  const locationIds = [
    ...new Set(cart.lines.flatMap((l) => (l.locationId ? [l.locationId] : []))),
  ];
  const rows =
    locationIds.length > 0
      ? await tx.location.findMany({ where: { id: { in: locationIds } } })
      : [];
  const byId = new Map(rows.map((row) => [row.id, row]));

  for (const line of cart.lines) {
    const field = `lines.${line.id}`;
    const location = line.locationId ? byId.get(line.locationId) : undefined;
    const problem = lineProblem(cart, line, location, shippingAddress);
    if (problem) fields[field] = [problem];
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some lines cannot be fulfilled that way.", {
      fields,
    });
  }

  const unrouted = cart.lines.filter((l) => l.fulfillment === "SHIP" && !l.locationId);
  const routes = await routeShippedLines(tx, unrouted, {
    destination: shippingAddress,
  });

  const lines: CheckoutLine[] = [];
  for (const line of cart.lines) {
    const parts = line.locationId
      ? [{ locationId: line.locationId, quantity: line.quantity }]
      : routes.get(line.id);
    if (!parts) {
      fields[`lines.${line.id}`] = [
        `No location can ship ${line.quantity} of ${line.variant.sku}.`,
      ];
      continue;
    }
    const options = line.variant.optionValues.join(" / ");
    // A line split across warehouses becomes one order line per part.
    for (const part of parts) {
      lines.push({
        id: line.id,
        variantId: line.variantId,
        quantity: part.quantity,
        fulfillment: line.fulfillment,
        locationId: part.locationId,
        sku: line.variant.sku,
        priceOverride: line.priceOverride,
        manualDiscount: line.manualDiscount,
        title: options
          ? `${line.variant.product.title} — ${options}`
          : line.variant.product.title,
      });
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("insufficient_stock", "Some items are out of stock.", { fields });
  }

  const locations = new Map(
    [...byId.values()].map((row) => [
      row.id,
      { id: row.id, code: row.code, pickupHoldHours: row.pickupHoldHours },
    ]),
  );
  return { lines, locations };
}

function lineProblem(
  cart: LockedCart,
  line: LockedCart["lines"][number],
  location: { isActive: boolean; canShip: boolean; canPickup: boolean } | undefined,
  shippingAddress: ShippingAddress | null,
): string | null {
  if (line.locationId && !location?.isActive) {
    return "That location is not trading.";
  }
  switch (line.fulfillment) {
    case "CARRY_OUT":
      if (cart.channel !== "POS") return "Carry-out is only for sales at a till.";
      if (line.locationId !== cart.locationId)
        return "Carry-out is from the till's own store.";
      return null;
    case "PICKUP":
      if (!location) return "Choose the store to collect from.";
      return location.canPickup ? null : "That store does not offer collection.";
    case "SHIP":
      if (!shippingAddress) return "Add a delivery address for shipped items.";
      return !location || location.canShip ? null : "That location does not ship orders.";
  }
}

/** The lines as the cart holds them: split parts joined again, for pricing. */
export function joinSplitLines(lines: readonly CheckoutLine[]): CheckoutLine[] {
  const joined = new Map<string, CheckoutLine>();
  for (const line of lines) {
    const seen = joined.get(line.id);
    if (seen) seen.quantity += line.quantity;
    else joined.set(line.id, { ...line });
  }
  return [...joined.values()];
}
