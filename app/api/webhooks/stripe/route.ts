import { completeAbandonedCardPayment } from "@/lib/checkout/complete-card-payment";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { applyProviderEvent } from "@/lib/payments/apply-provider-event";
import { configuredCardProviders } from "@/lib/payments/card-providers";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhook. The signature is checked with Stripe's SDK on the raw
 * body (a parsed and re-serialised body would not verify); a bad one is
 * answered 400 and changes nothing. Each event applies once: Stripe
 * redelivers until it gets a 2xx, so a redelivery is answered 200 too.
 */
export async function POST(request: Request) {
  const stripe = configuredCardProviders().stripe;
  if (!stripe?.handleWebhook) return new Response("Not found", { status: 404 });

  const payload = await request.text();
  let event: ReturnType<NonNullable<typeof stripe.handleWebhook>>;
  try {
    event = stripe.handleWebhook(payload, request.headers.get("stripe-signature"));
  } catch (error) {
    logger.warn({ err: error }, "refused a Stripe webhook with a bad signature");
    return Response.json({ error: "invalid signature" }, { status: 400 });
  }
  const outcome = await applyProviderEvent(db, event);
  if (outcome === "unknown_payment" && event.kind === "authorized") {
    // A shopper who paid and closed the page before the order was placed.
    try {
      const placed = await completeAbandonedCardPayment(db, {
        paymentIntentId: event.reference,
        metadata: event.metadata ?? {},
      });
      if (placed) {
        logger.info(
          { eventId: event.eventId, outcome: placed.outcome },
          "placed a storefront order from Stripe's webhook",
        );
        return Response.json({ received: true, outcome: `order_${placed.outcome}` });
      }
    } catch (error) {
      // Answered 500, so Stripe delivers it again later.
      logger.error({ err: error, eventId: event.eventId }, "webhook order not placed");
      return Response.json({ error: "order not placed" }, { status: 500 });
    }
  }
  return Response.json({ received: true, outcome });
}
