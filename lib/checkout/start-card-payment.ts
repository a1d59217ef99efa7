/**
 * The first half of a storefront card payment through Stripe's Payment
 * Element: a PaymentIntent for the cart's total, with manual capture,
 * whose client secret the shopper's browser confirms with Stripe. The
 * order is then placed with the intent's id as the card token (placeOrder
 * checks with Stripe that it is authorized for exactly the order's total),
 * by the browser after confirming or by the checkout's return URL after a
 * payment method that redirects.
 */
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { StripeProvider } from "@/lib/payments/stripe-provider";
import type { CartActor } from "./cart-access";
import { getCartView } from "./cart-view";

export interface StartedCardPayment {
  paymentIntentId: string;
  clientSecret: string;
  amountMinor: number;
  currency: string;
}

export async function startCardPayment(
  db: Db,
  options: {
    actor: CartActor;
    cartId: string;
    /** The browser's key for this checkout attempt; the order is placed under it too. */
    attemptKey: string;
    /** The total the shopper saw: a changed total is refused, not charged. */
    expectedTotalMinor: number;
    stripe: StripeProvider;
  },
): Promise<StartedCardPayment> {
  const cart = await getCartView(db, { actor: options.actor, cartId: options.cartId });
  if (cart.lines.length === 0) throw new AppError("not_found", "Your bag is empty.");
  if (!cart.canCheckOut) {
    throw new AppError(
      "conflict",
      "Something in your bag is no longer available that way. Review your bag.",
    );
  }
  if (cart.totals.totalMinor !== options.expectedTotalMinor) {
    throw new AppError("conflict", "Your total has changed. Check it and pay again.", {
      fields: { expectedTotalMinor: ["The total changed since the page was loaded."] },
    });
  }
  if (cart.totals.totalMinor === 0) {
    throw new AppError("invalid_input", "There is nothing to pay by card.");
  }
  // The same attempt and total give the same intent (Stripe replays an
  // idempotent create); a new total needs a new attempt key.
  const intent = await options.stripe.createCheckoutIntent({
    amountMinor: cart.totals.totalMinor,
    currency: cart.currency,
    idempotencyKey: `checkout:${cart.id}:${options.attemptKey}:${cart.totals.totalMinor}`,
    metadata: { cartId: cart.id, attemptKey: options.attemptKey },
  });
  return {
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    amountMinor: cart.totals.totalMinor,
    currency: cart.currency,
  };
}
