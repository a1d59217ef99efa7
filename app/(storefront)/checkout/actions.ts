"use server";

import { z } from "zod";
import { setCartDetails } from "@/lib/checkout/cart-details";
import { completeCardPayment } from "@/lib/checkout/complete-card-payment";
import { placeOrder } from "@/lib/checkout/place-order";
import { ShippingAddressSchema } from "@/lib/checkout/schemas";
import { startCardPayment } from "@/lib/checkout/start-card-payment";
import { saveCustomerAddress } from "@/lib/customers/save-customer-address";
import { db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { type ActionResult, actionError } from "@/lib/errors/http";
import { logger } from "@/lib/log";
import { authSecret } from "@/lib/next/auth-secret";
import { forShoppers } from "@/lib/next/shopper-action";
import { shopperCartActor, storefrontCartId } from "@/lib/next/storefront-cart";
import { configuredCardProviders } from "@/lib/payments/card-providers";
import { StripeProvider } from "@/lib/payments/stripe-provider";
import { orderStatusToken } from "@/lib/storefront/order-status-link";

const contactSchema = z.object({
  email: z.email({ error: "Enter an email address for your receipt." }).max(320),
  shippingAddress: ShippingAddressSchema.nullable(),
  /** Signed-in shoppers: keep a newly typed address in their account. */
  isSavingAddress: z.boolean().default(false),
});

const checkoutFormSchema = contactSchema.extend({
  payment: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("card"), token: z.string().min(3).max(255) }),
    z.object({ kind: z.literal("pay_in_store") }),
  ]),
  /** Made by the browser once per attempt, so a resent request places one order. */
  idempotencyKey: z.string().min(8).max(100),
  /** The total the shopper saw; a changed price is refused, not charged. */
  expectedTotalMinor: z.int().min(0),
});

const startPaymentSchema = contactSchema.extend({
  idempotencyKey: z.string().min(8).max(100),
  expectedTotalMinor: z.int().min(0),
});

export type CheckoutOutcome =
  | { status: "placed"; orderToken: string }
  | { status: "declined"; message: string };

/**
 * Places the shopper's order: saves their contact and delivery details on
 * the cart, then hands over to placeOrder. A declined card comes back as
 * an outcome to show, with the bag exactly as it was.
 */
async function placeStorefrontOrder(
  raw: unknown,
): Promise<ActionResult<CheckoutOutcome>> {
  try {
    const input = parseInput(checkoutFormSchema, raw);
    const cartId = await storefrontCartId();
    if (!cartId) throw new AppError("not_found", "Your bag is empty.");
    const { actor } = await saveContact(cartId, input);

    const isPayAtPickup = input.payment.kind === "pay_in_store";
    const result = await placeOrder(db, {
      actor,
      cartId,
      idempotencyKey: input.idempotencyKey,
      input: {
        tenders:
          input.payment.kind === "card"
            ? [{ kind: "card", token: input.payment.token }]
            : [],
        isPayAtPickup,
        email: input.email,
        shippingAddress: input.shippingAddress,
        expectedTotalMinor: input.expectedTotalMinor,
      },
    });

    if (result.outcome === "payment_declined") {
      logger.warn({ cartId, code: result.code }, "storefront card declined");
      return { ok: true, data: { status: "declined", message: result.message } };
    }
    return {
      ok: true,
      data: {
        status: "placed",
        orderToken: orderStatusToken(result.order.id, authSecret()),
      },
    };
  } catch (error) {
    return actionError(error, { action: "storefront.checkout" });
  }
}

/** Keeps the shopper's contact and delivery details on the cart (and their account). */
async function saveContact(cartId: string, input: z.output<typeof contactSchema>) {
  const { actor, customer } = await shopperCartActor();
  await setCartDetails(db, {
    actor,
    cartId,
    input: { email: input.email, shippingAddress: input.shippingAddress },
  });
  if (input.isSavingAddress && customer && actor && input.shippingAddress) {
    await saveCustomerAddress(db, {
      actor,
      customerId: customer.id,
      input: { ...input.shippingAddress, isDefault: false },
    });
  }
  return { actor };
}

export const placeStorefrontOrderAction = forShoppers(placeStorefrontOrder);

export type StartedPayment = { clientSecret: string; paymentIntentId: string };

/**
 * With Stripe: saves the contact and delivery details (the return URL of a
 * redirecting payment method places the order from them), then opens a
 * PaymentIntent for the bag's total that the browser confirms with the
 * Payment Element. Money moves only once the order is placed with it.
 */
async function startStorefrontPayment(
  raw: unknown,
): Promise<ActionResult<StartedPayment>> {
  try {
    const input = parseInput(startPaymentSchema, raw);
    const stripe = configuredCardProviders().stripe;
    if (!(stripe instanceof StripeProvider)) {
      throw new AppError("not_found", "Card payments through Stripe are not set up.");
    }
    const cartId = await storefrontCartId();
    if (!cartId) throw new AppError("not_found", "Your bag is empty.");
    const { actor } = await saveContact(cartId, input);
    const started = await startCardPayment(db, {
      actor,
      cartId,
      attemptKey: input.idempotencyKey,
      expectedTotalMinor: input.expectedTotalMinor,
      stripe,
    });
    return {
      ok: true,
      data: {
        clientSecret: started.clientSecret,
        paymentIntentId: started.paymentIntentId,
      },
    };
  } catch (error) {
    return actionError(error, { action: "storefront.start_payment" });
  }
}

export const startStorefrontPaymentAction = forShoppers(startStorefrontPayment);

const completePaymentSchema = z.object({
  paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, { error: "Not a payment." }),
  idempotencyKey: z.string().min(8).max(100),
});

/**
 * With Stripe, once the browser confirmed the intent: places the order with
 * it, from the details saved by startStorefrontPayment. The return URL and
 * the webhook send the same request under the same key, so only one order
 * is ever placed.
 */
async function completeStorefrontPayment(
  raw: unknown,
): Promise<ActionResult<CheckoutOutcome>> {
  try {
    const input = parseInput(completePaymentSchema, raw);
    const cartId = await storefrontCartId();
    if (!cartId) throw new AppError("not_found", "Your bag is empty.");
    const { actor } = await shopperCartActor();
    const result = await completeCardPayment(db, {
      actor,
      cartId,
      paymentIntentId: input.paymentIntentId,
      attemptKey: input.idempotencyKey,
    });
    if (result.outcome === "payment_declined") {
      logger.warn({ cartId, code: result.code }, "storefront payment not authorized");
      return { ok: true, data: { status: "declined", message: result.message } };
    }
    return {
      ok: true,
      data: {
        status: "placed",
        orderToken: orderStatusToken(result.order.id, authSecret()),
      },
    };
  } catch (error) {
    return actionError(error, { action: "storefront.complete_payment" });
  }
}

export const completeStorefrontPaymentAction = forShoppers(completeStorefrontPayment);
