import type { Db, PrismaClient, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { FulfillmentMethod } from "@/lib/db/generated/enums";
import { oneStatement } from "@/lib/db/one-statement";
import { uuid7 } from "@/lib/db/uuid7";
import { AppError, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { announceAfterCommit } from "@/lib/events/emit-event";
import {
  availabilityForVariants,
  type VariantAvailability,
} from "@/lib/inventory/availability";
import { assertCartAccess, type CartActor } from "./cart-access";
import { buildCartView, type CartView, cartViewById, loadForView } from "./cart-view";
import { lineSignature, lineSignatureSql, nextCartStamp } from "./load-checkout-cart";
import { cartChangeInserts, recordCartChange } from "./record-cart-change";
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

/** Reads of a cart that keeps changing under an added line before it gives up. */
const ADD_ATTEMPTS = 3;

/**
 * Adds a line: a variant, a quantity and how it is handed over. The same
 * variant with the same fulfillment and location joins the existing line.
 * Returns the cart priced again, with availability checked again.
 *
 * The busiest change of a cart, so it takes no lock across round trips:
 * it reads the cart, checks the line, then writes the line, the cart's
 * stamp, its event and its audit entry in one statement that does nothing
 * unless the cart is still open and unchanged since it was read (its
 * `updatedAt` and its lines); a cart changed in between is read again.
 */
export async function addCartLine(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; input: AddCartLineInput },
): Promise<CartView> {
  const input = parseInput(AddCartLineSchema, options.input);
  for (let attempt = 1; attempt <= ADD_ATTEMPTS; attempt += 1) {
    const cart = await loadForView(db, options.cartId);
    if (!cart) throw notFound("Cart");
    assertOpen(options.actor, cart);
    const { shape, variant, location } = await checkLine(db, cart, {
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
    const availability = await availabilityForVariants(db, [
      ...new Set([...cart.lines.map((line) => line.variantId), shape.variantId]),
    ]);
    checkAvailability(availability, cart, { ...shape, quantity }, twin?.id ?? null);

    const now = new Date();
    const lineId = twin?.id ?? uuid7(now.getTime());
    const written = await db.$queryRaw<{ id: string }[]>(
      oneStatement(
        stampIfUnchanged(cart),
        twin
          ? Prisma.sql`UPDATE "CartLine" SET quantity = ${quantity}
              WHERE id = ${twin.id} AND EXISTS (SELECT 1 FROM main)`
          : Prisma.sql`INSERT INTO "CartLine"
                (id, "cartId", "variantId", quantity, fulfillment, "locationId", "createdAt")
              SELECT ${lineId}, main.id, ${shape.variantId}, ${quantity},
                ${shape.fulfillment}::"FulfillmentMethod", ${shape.locationId},
                ${now}::timestamp
              FROM main`,
        ...cartChangeInserts({
          actor: options.actor,
          action: "cart.line_added",
          cart,
          after: { lineId, ...shape, quantity },
          onlyIf: Prisma.sql`FROM main`,
        }),
      ),
    );
    if (written.length === 0) continue; // Changed since it was read: again.
    announceAfterCommit(db, ["cart.line_added"]);

    const line = twin
      ? { ...twin, quantity }
      : {
          id: lineId,
          cartId: cart.id,
          ...shape,
          quantity,
          priceOverride: null,
          manualDiscount: null,
          createdAt: now,
          variant,
          location,
        };
    const lines = twin
      ? cart.lines.map((l) => (l.id === twin.id ? line : l))
      : [...cart.lines, line];
    return buildCartView(db, { ...cart, lines }, availability);
  }
  throw new AppError(
    "conflict",
    "The bag changed while this was added. Please try again.",
    {
      internal: `cart ${options.cartId} kept changing while a line was added`,
    },
  );
}

/**
 * The guard of a one-statement change of a cart read earlier: stamps the
 * cart changed, returning its id, only if it is still open and neither it
 * nor its lines changed since. The stamp always moves forward, so two
 * changes in the same millisecond still differ.
 */
function stampIfUnchanged(cart: {
  id: string;
  updatedAt: Date;
  lines: Parameters<typeof lineSignature>[0];
}): Prisma.Sql {
  return Prisma.sql`UPDATE "Cart" AS c SET "updatedAt" = ${nextCartStamp(Prisma.sql`c`)}
    WHERE c.id = ${cart.id} AND c.status = 'OPEN' AND c."orderId" IS NULL
      AND c."updatedAt" = ${cart.updatedAt}::timestamp
      AND COALESCE(${lineSignatureSql(Prisma.sql`c`)}, '') = ${lineSignature(cart.lines)}
    RETURNING c.id`;
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
    const { shape } = await checkLine(tx, cart, {
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
    if (shape.fulfillment !== "CARRY_OUT") {
      const availability = await availabilityForVariants(tx, [shape.variantId]);
      checkAvailability(availability, cart, shape, line.id);
    }
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
    UPDATE "Cart" AS c SET "updatedAt" = ${nextCartStamp(Prisma.sql`c`)}
    WHERE c.id = ${cartId} RETURNING c.id`;
  if (locked.length === 0) throw notFound("Cart");
  const cart = await tx.cart.findUniqueOrThrow({
    where: { id: cartId },
    include: { lines: true },
  });
  assertOpen(actor, cart);
  return cart;
}

/** Refuses a cart the actor may not change, or one already checked out. */
function assertOpen(
  actor: CartActor,
  cart: Parameters<typeof assertCartAccess>[1] & {
    status: string;
    orderId: string | null;
  },
): void {
  assertCartAccess(actor, cart);
  if (cart.status !== "OPEN" || cart.orderId) {
    throw new AppError("conflict", "This cart has been checked out; start a new one.");
  }
}

type OpenCart = Pick<
  Awaited<ReturnType<typeof openCart>>,
  "id" | "channel" | "currency" | "locationId" | "lines"
>;

function defaultLocation(cart: OpenCart, fulfillment: FulfillmentMethod): string | null {
  return fulfillment === "SHIP" ? null : cart.locationId;
}

/** What the cart view shows of a line's variant and place. */
interface LineNames {
  variant: { sku: string; optionValues: string[]; product: { title: string } };
  location: { name: string } | null;
}

/**
 * Refuses, naming the field, a line that cannot be sold or handed over
 * that way; answers with the line and the names its view shows.
 */
async function checkLine(
  db: Db,
  cart: OpenCart,
  line: LineShape,
): Promise<{ shape: LineShape } & LineNames> {
  const refuse = (field: string, message: string) =>
    new AppError("invalid_input", message, { fields: { [field]: [message] } });

  const [variant] = await db.$queryRaw<
    {
      isActive: boolean;
      currency: string;
      sku: string;
      optionValues: string[];
      product: { status: string; title: string };
    }[]
  >`
    SELECT v."isActive", v.currency, v.sku, COALESCE(v."optionValues", '{}') AS "optionValues",
      json_build_object('status', p.status, 'title', p.title) AS product
    FROM "Variant" AS v JOIN "Product" AS p ON p.id = v."productId"
    WHERE v.id = ${line.variantId}`;
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
  } else if (!line.locationId && line.fulfillment === "PICKUP") {
    throw refuse("locationId", "Choose the store to collect from.");
  }
  const location = line.locationId
    ? await db.location.findUnique({ where: { id: line.locationId } })
    : null;
  if (line.fulfillment !== "CARRY_OUT" && line.locationId) {
    if (!location?.isActive)
      throw refuse("locationId", "No trading location has this id.");
    if (line.fulfillment === "PICKUP" && !location.canPickup) {
      throw refuse("locationId", "That store does not offer collection.");
    }
    if (line.fulfillment === "SHIP" && !location.canShip) {
      throw refuse("locationId", "That location does not ship orders.");
    }
  }
  return {
    shape: line,
    variant: {
      sku: variant.sku,
      optionValues: variant.optionValues,
      product: variant.product,
    },
    location: location ? { name: location.name } : null,
  };
}

/**
 * Whether the line's units can be promised now: at its store for pickup
 * or a chosen shipping location, across shipping locations otherwise.
 * Advisory (the reservation at checkout is what guarantees it), and never
 * for carry-out, whose goods are in the shopper's hands.
 */
function checkAvailability(
  availability: Map<string, VariantAvailability>,
  cart: OpenCart,
  line: LineShape,
  lineId: string | null,
): void {
  if (line.fulfillment === "CARRY_OUT") return;
  const stock = availability.get(line.variantId);
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
