import type { PrismaClient } from "@/lib/db/client";
import { type Cart, Prisma } from "@/lib/db/generated/client";
import { jsonParam, oneStatement } from "@/lib/db/one-statement";
import { uuid7 } from "@/lib/db/uuid7";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { announceAfterCommit } from "@/lib/events/emit-event";
import { defaultCurrency } from "@/lib/pricing-data/markets";
import { assertCartAccess, type CartActor, channelFor } from "./cart-access";
import { cartChangeInserts } from "./record-cart-change";
import { type CreateCartInput, CreateCartSchema } from "./schemas";

/** A guest cart untouched for this long may be cleared away. */
const GUEST_CART_DAYS = 30;

/**
 * Opens a cart: a storefront cart for a shopper (a guest keeps its id in a
 * cookie), a POS cart for a till at the associate's store, or an API cart.
 * The channel follows who asks, never the input.
 */
export async function createCart(
  db: PrismaClient,
  options: { actor: CartActor; input: CreateCartInput; now?: Date },
) {
  const input = parseInput(CreateCartSchema, options.input);
  const { actor } = options;
  const channel = channelFor(actor);
  const now = options.now ?? new Date();
  const customerId =
    actor?.kind === "customer"
      ? actor.id
      : channel === "WEB"
        ? null
        : (input.customerId ?? null);

  const fields: FieldErrors = {};
  const location = input.locationId
    ? await db.location.findUnique({ where: { id: input.locationId } })
    : null;
  if (input.locationId && !location?.isActive)
    fields.locationId = ["No trading location has this id."];
  if (channel === "POS") {
    if (!location) fields.locationId = ["Say which store the till is in."];
    else if (!location.canSellInStore)
      fields.locationId = ["That location has no tills."];
    if (input.registerId) {
      const register = await db.register.findUnique({ where: { id: input.registerId } });
      if (!register?.isActive || register.locationId !== input.locationId) {
        fields.registerId = ["That till is not at this store."];
      }
    }
  }
  if (customerId && channel !== "WEB") {
    const customer = await db.customer.findUnique({ where: { id: customerId } });
    if (!customer) fields.customerId = ["No customer has this id."];
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some fields need attention.", { fields });
  }

  const draft = { id: "new", channel, customerId, locationId: input.locationId ?? null };
  assertCartAccess(actor, draft);
  const currency = input.currency ?? (await defaultCurrency(db));

  // The cart, its event and (for staff and API keys) its audit entry in
  // one statement: one round trip, all or nothing.
  const id = uuid7(now.getTime());
  const locationId = input.locationId ?? null;
  const registerId = channel === "POS" ? (input.registerId ?? null) : null;
  const expiresAt =
    channel === "WEB" && !customerId
      ? new Date(now.getTime() + GUEST_CART_DAYS * 86_400_000)
      : null;
  const [cart] = await db.$queryRaw<Cart[]>(
    oneStatement(
      Prisma.sql`INSERT INTO "Cart" (id, channel, "customerId", "locationId", "registerId",
          currency, codes, email, "shippingAddress", "expiresAt", "createdAt", "updatedAt")
        VALUES (${id}, ${channel}::"SalesChannel", ${customerId}, ${locationId},
          ${registerId}, ${currency}, '{}',
          ${input.email ?? (actor?.kind === "customer" ? actor.email : null)},
          ${jsonParam(input.shippingAddress)}, ${expiresAt}::timestamp,
          now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
        RETURNING *`,
      ...cartChangeInserts({
        actor,
        action: "cart.created",
        cart: { id, locationId },
        after: { channel, locationId, registerId },
      }),
    ),
  );
  if (!cart) throw new Error(`cart ${id} was not written`);
  announceAfterCommit(db, ["cart.created"]);
  return cart;
}
