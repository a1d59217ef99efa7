/**
 * The second half of a storefront card payment through Stripe's Payment
 * Element (see start-card-payment.ts): places the order with the intent
 * the shopper's browser confirmed, under the checkout attempt's key, from
 * the contact and delivery details saved on the bag before paying.
 *
 * Three callers may get here for one payment: the page once Stripe.js
 * answers, the return URL after a payment method that left the page, and
 * Stripe's webhook when the browser never came back. They send the same
 * request under the same key, so whichever is first places the order and
 * the others answer with it.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { CardProviders } from "@/lib/payments/card-providers";
import type { CartActor } from "./cart-access";
import { type PlaceOrderResult, placeOrder } from "./place-order";

export function completeCardPayment(
  db: PrismaClient,
  options: {
    actor: CartActor;
    cartId: string;
    paymentIntentId: string;
    attemptKey: string;
    providers?: CardProviders;
  },
): Promise<PlaceOrderResult> {
  return placeOrder(db, {
    actor: options.actor,
    cartId: options.cartId,
    idempotencyKey: options.attemptKey,
    input: {
      tenders: [{ kind: "card", token: options.paymentIntentId }],
      isPayAtPickup: false,
    },
    ...(options.providers ? { providers: options.providers } : {}),
  });
}

/**
 * Stripe says an intent is authorized and no order of ours holds it: if the
 * storefront opened it (its metadata names the bag and the attempt), the
 * shopper paid and left before the order was placed, so place it now, as
 * the bag's owner. Null when the intent is not a storefront checkout's or
 * its bag is gone.
 */
export async function completeAbandonedCardPayment(
  db: PrismaClient,
  options: {
    paymentIntentId: string;
    metadata: Record<string, string>;
    providers?: CardProviders;
  },
): Promise<PlaceOrderResult | null> {
  const { cartId, attemptKey } = options.metadata;
  if (!cartId || !attemptKey || options.metadata.orderId) return null;
  const cart = await db.cart.findUnique({
    where: { id: cartId },
    select: {
      channel: true,
      customer: { select: { id: true, email: true } },
    },
  });
  if (cart?.channel !== "WEB") return null;
  const actor: CartActor = cart.customer?.email
    ? { kind: "customer", id: cart.customer.id, email: cart.customer.email }
    : null;
  return completeCardPayment(db, {
    actor,
    cartId,
    paymentIntentId: options.paymentIntentId,
    attemptKey,
    ...(options.providers ? { providers: options.providers } : {}),
  });
}
