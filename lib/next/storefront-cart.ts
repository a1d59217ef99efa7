import { cookies } from "next/headers";
import type { Actor } from "@/lib/auth/actor";
import type { CartActor } from "@/lib/checkout/cart-access";
import { createCart } from "@/lib/checkout/create-cart";
import { mergeGuestCart } from "@/lib/checkout/merge-carts";
import { db } from "@/lib/db/client";
import { currentCustomer } from "./session";

/** The guest's cart id; httpOnly, so page scripts never see it. */
const CART_COOKIE = "omnitill_cart";
const COOKIE_DAYS = 30;

/** The shopper as the cart functions know them: a customer, or null for a guest. */
export async function shopperCartActor(): Promise<{
  actor: CartActor;
  customer: Awaited<ReturnType<typeof currentCustomer>>;
}> {
  const customer = await currentCustomer();
  const actor: Actor | null = customer?.email
    ? { kind: "customer", id: customer.id, email: customer.email }
    : null;
  return { actor, customer };
}

/**
 * The shopper's open cart id, or null when they have none. A signed-in
 * shopper who still holds a guest cart has it folded into their own here,
 * the first time they are seen signed in. Only a server action or a route
 * handler may pass `create` (it sets a cookie).
 */
export async function storefrontCartId(options: { create?: boolean } = {}) {
  const jar = await cookies();
  const { actor, customer } = await shopperCartActor();
  const guestCartId = jar.get(CART_COOKIE)?.value ?? null;

  if (actor && customer?.email) {
    if (guestCartId) {
      const merged = await mergeGuestCart(db, {
        guestCartId,
        customer: { id: customer.id, email: customer.email },
      });
      if (options.create) jar.delete(CART_COOKIE);
      if (merged) return merged;
    }
    const own = await db.cart.findFirst({
      where: { customerId: customer.id, channel: "WEB", status: "OPEN", orderId: null },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    if (own) return own.id;
    if (!options.create) return null;
    const cart = await createCart(db, { actor, input: { channel: "WEB" } });
    return cart.id;
  }

  if (guestCartId) {
    const cart = await db.cart.findFirst({
      where: {
        id: guestCartId,
        channel: "WEB",
        status: "OPEN",
        orderId: null,
        customerId: null,
      },
      select: { id: true },
    });
    if (cart) return cart.id;
  }
  if (!options.create) return null;
  const cart = await createCart(db, { actor: null, input: { channel: "WEB" } });
  jar.set(CART_COOKIE, cart.id, {
    httpOnly: true,
    sameSite: "lax",
    secure:
      process.env.NODE_ENV === "production" &&
      process.env.NEXTAUTH_URL?.startsWith("https"),
    path: "/",
    maxAge: COOKIE_DAYS * 86_400,
  });
  return cart.id;
}
