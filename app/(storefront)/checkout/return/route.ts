import { z } from "zod";
import { placeOrder } from "@/lib/checkout/place-order";
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
 * the page (a bank's own authentication, a wallet). Places the order with
 * the confirmed PaymentIntent under the checkout attempt's key, from the
 * contact and delivery details saved on the bag before paying; placeOrder
 * checks with Stripe that the intent is authorized for the order's total.
 * Reloading it answers with the same order.
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
    const result = await placeOrder(db, {
      actor,
      cartId,
      idempotencyKey: params.attempt,
      input: {
        tenders: [{ kind: "card", token: params.payment_intent }],
        isPayAtPickup: false,
      },
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
