import type { PrismaClient, Tx } from "@/lib/db/client";
import type { FulfillmentMethod } from "@/lib/db/generated/enums";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { availabilityForVariants } from "@/lib/inventory/availability";
import { assertCartAccess, type CartActor } from "./cart-access";
import { type CartView, cartViewById } from "./cart-view";
import { recordCartChange } from "./record-cart-change";
import {
  type AddCartLineInput,
  AddCartLineSchema,
  type UpdateCartLineInput,
  UpdateCartLineSchema,
} from "./schemas";

interface LineShape {
  variantId: string;
  quantity: number;
  fulfillment: FulfillmentMethod;
  locationId: string | null;
}

/**
 * Adds a line: a variant, a quantity and how it is handed over. The same
 * variant with the same fulfillment and location joins the existing line.
 * Returns the cart priced again, with availability checked again.
 */
export async function addCartLine(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; input: AddCartLineInput },
): Promise<CartView> {
  const input = parseInput(AddCartLineSchema, options.input);
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    const shape = await checkLine(tx, cart, {
      variantId: input.variantId,
      quantity: input.quantity,
      fulfillment: input.fulfillment,
      locationId: input.locationId ?? defaultLocation(cart, input.fulfillment),
    });
    const twin = cart.lines.find(
      (line) =>
        line.variantId === shape.variantId &&
        line.fulfillment === shape.fulfillment &&
        line.locationId === shape.locationId,
    );
    const quantity = (twin?.quantity ?? 0) + shape.quantity;
    await checkAvailability(tx, cart, { ...shape, quantity }, twin?.id ?? null);
    const line = twin
      ? await tx.cartLine.update({ where: { id: twin.id }, data: { quantity } })
      : await tx.cartLine.create({ data: { cartId: cart.id, ...shape } });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.line_added",
      cart,
      after: { lineId: line.id, ...shape, quantity },
    });
  });
  return cartViewById(db, options.cartId);
}

/** Changes a line's quantity, fulfillment or location; re-prices and re-checks stock. */
export async function updateCartLine(
  db: PrismaClient,
  options: {
    actor: CartActor;
    cartId: string;
    lineId: string;
    input: UpdateCartLineInput;
  },
): Promise<CartView> {
  const input = parseInput(UpdateCartLineSchema, options.input);
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    const line = cart.lines.find((l) => l.id === options.lineId);
    if (!line) throw notFound("Cart line");
    const fulfillment = input.fulfillment ?? line.fulfillment;
    const isMethodChanged = fulfillment !== line.fulfillment;
    const shape = await checkLine(tx, cart, {
      variantId: line.variantId,
      quantity: input.quantity ?? line.quantity,
      fulfillment,
      locationId:
        input.locationId !== undefined
          ? input.locationId
          : isMethodChanged
            ? defaultLocation(cart, fulfillment)
            : line.locationId,
    });
    await checkAvailability(tx, cart, shape, line.id);
    await tx.cartLine.update({ where: { id: line.id }, data: shape });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.line_changed",
      cart,
      before: {
        quantity: line.quantity,
        fulfillment: line.fulfillment,
        locationId: line.locationId,
      },
      after: { lineId: line.id, ...shape },
    });
  });
  return cartViewById(db, options.cartId);
}

/** Removes a line from a cart. */
export async function removeCartLine(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; lineId: string },
): Promise<CartView> {
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    const line = cart.lines.find((l) => l.id === options.lineId);
    if (!line) throw notFound("Cart line");
    await tx.cartLine.delete({ where: { id: line.id } });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.line_removed",
      cart,
      before: { lineId: line.id, variantId: line.variantId, quantity: line.quantity },
    });
  });
  return cartViewById(db, options.cartId);
}

/** Locks an open cart the actor may change, stamps it changed, and loads its lines. */
export async function openCart(tx: Tx, actor: CartActor, cartId: string) {
  // The update takes the row lock (as FOR UPDATE would) and stamps the
  // change in the same round trip; a refused change rolls it back.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Cart" SET "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${cartId} RETURNING id`;
  if (locked.length === 0) throw notFound("Cart");
  const cart = await tx.cart.findUniqueOrThrow({
    where: { id: cartId },
    include: { lines: true },
  });
  assertCartAccess(actor, cart);
  if (cart.status !== "OPEN" || cart.orderId) {
    throw new AppError("conflict", "This cart has been checked out; start a new one.");
  }
  return cart;
}

type OpenCart = Awaited<ReturnType<typeof openCart>>;

function defaultLocation(cart: OpenCart, fulfillment: FulfillmentMethod): string | null {
  return fulfillment === "SHIP" ? null : cart.locationId;
}

/** Refuses, naming the field, a line that cannot be sold or handed over that way. */
async function checkLine(tx: Tx, cart: OpenCart, line: LineShape): Promise<LineShape> {
  const refuse = (field: string, message: string) =>
    new AppError("invalid_input", message, { fields: { [field]: [message] } });

  const variant = await tx.variant.findUnique({
    where: { id: line.variantId },
    select: { isActive: true, currency: true, product: { select: { status: true } } },
  });
  if (!variant) throw refuse("variantId", "No variant has this id.");
  if (!variant.isActive || variant.product.status !== "ACTIVE") {
    throw refuse("variantId", "This item is not for sale.");
  }
  if (variant.currency !== cart.currency) {
    throw refuse("variantId", `This item is priced in ${variant.currency}.`);
  }

  if (line.fulfillment === "CARRY_OUT") {
    if (cart.channel !== "POS")
      throw refuse("fulfillment", "Carry-out is only at a till.");
    if (line.locationId !== cart.locationId) {
      throw refuse("locationId", "Carry-out is from the till's own store.");
    }
    return line;
  }
  if (!line.locationId) {
    if (line.fulfillment === "PICKUP") {
      throw refuse("locationId", "Choose the store to collect from.");
    }
    return line;
  }
  const location = await tx.location.findUnique({ where: { id: line.locationId } });
  if (!location?.isActive) throw refuse("locationId", "No trading location has this id.");
  if (line.fulfillment === "PICKUP" && !location.canPickup) {
    throw refuse("locationId", "That store does not offer collection.");
  }
  if (line.fulfillment === "SHIP" && !location.canShip) {
    throw refuse("locationId", "That location does not ship orders.");
  }
  return line;
}

/**
 * Whether the line's units can be promised now: at its store for pickup
 * or a chosen shipping location, across shipping locations otherwise.
 * Advisory (the reservation at checkout is what guarantees it), and never
 * for carry-out, whose goods are in the shopper's hands.
 */
async function checkAvailability(
  tx: Tx,
  cart: OpenCart,
  line: LineShape,
  lineId: string | null,
): Promise<void> {
  if (line.fulfillment === "CARRY_OUT") return;
  const stock = (await availabilityForVariants(tx, [line.variantId])).get(line.variantId);
  const available = line.locationId
    ? (stock?.byLocation.find((l) => l.locationId === line.locationId)?.available ?? 0)
    : (stock?.shippable ?? 0);
  // Other lines of the same variant at the same place share those units.
  const others = cart.lines
    .filter(
      (l) =>
        l.id !== lineId &&
        l.variantId === line.variantId &&
        l.fulfillment !== "CARRY_OUT" &&
        l.locationId === line.locationId,
    )
    .reduce((sum, l) => sum + l.quantity, 0);
  if (line.quantity + others > available) {
    const left = Math.max(0, available - others);
    const message =
      left === 0 ? "This item is out of stock there." : `Only ${left} can be had there.`;
    throw new AppError("insufficient_stock", message, {
      fields: { [lineId ? `lines.${lineId}` : "quantity"]: [message] },
    });
  }
}
