import { z } from "zod";
import { completeCardPayment } from "@/lib/checkout/complete-card-payment";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { authSecret } from "@/lib/next/auth-secret";
import { shopperCartActor, storefrontCartId } from "@/lib/next/storefront-cart";
import { orderStatusToken } from "@/lib/storefront/order-status-link";

export const dynamic = "force-dynamic";

const returnSchema = z.object({
  payment_intent: z.string().regex(/^pi_[A-Za-z0-9_]+$/),
  /** The checkout attempt's key, put in the return URL by the checkout page. */
  attempt: z.string().min(8).max(100),
  redirect_status: z.string().max(40).optional(),
});

/**
 * Where Stripe sends the shopper back after a payment method that leaves
 * the page (a bank's own authentication, a wallet): places the order with
 * the confirmed PaymentIntent (see complete-card-payment.ts). Reloading it
 * answers with the same order.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const back = (reason: string) =>
    Response.redirect(new URL(`/checkout?payment=${reason}`, url), 303);
  const parsed = returnSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return back("invalid");
  const params = parsed.data;
  if (params.redirect_status === "failed") return back("declined");

  const cartId = await storefrontCartId();
  if (!cartId) return back("expired");
  const { actor } = await shopperCartActor();
  try {
    const result = await completeCardPayment(db, {
      actor,
      cartId,
      paymentIntentId: params.payment_intent,
      attemptKey: params.attempt,
    });
    if (result.outcome === "payment_declined") {
      logger.warn({ cartId, code: result.code }, "storefront payment not authorized");
      return back("declined");
    }
    const token = orderStatusToken(result.order.id, authSecret());
    return Response.redirect(new URL(`/orders/${token}?placed=1`, url), 303);
  } catch (error) {
    logger.warn({ err: error, cartId }, "storefront payment return refused");
    return back("failed");
  }
}
