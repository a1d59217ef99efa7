import type { CartView } from "@/lib/checkout/cart-view";
import type { PlaceOrderResult } from "@/lib/checkout/place-order";
import { AppError, type FieldErrors } from "@/lib/errors";
import { problemResponse } from "@/lib/errors/http";

/**
 * Carts and orders are one shopper's, never to be kept by a cache on the
 * way; and their answers are a kilobyte or two, which costs more CPU to
 * gzip than it saves on the wire (`no-transform` leaves them as they are).
 */
const PRIVATE_ANSWER = { "cache-control": "private, no-store, no-transform" };

/** A cart as the API answers it. */
export function cartResponse(cart: CartView, status = 200): Response {
  return Response.json({ data: cart }, { status, headers: PRIVATE_ANSWER });
}

/**
 * A checkout's answer: 201 with the order (200 and Idempotent-Replayed on
 * a retry), or 402 problem+json naming the refused tender and every line
 * that was not bought.
 */
export function checkoutResponse(
  result: PlaceOrderResult,
  context: Record<string, unknown>,
) {
  const headers = { ...PRIVATE_ANSWER, "idempotent-replayed": String(result.isReplay) };
  if (result.outcome === "placed") {
    return Response.json(
      { data: result.order },
      { status: result.isReplay ? 200 : 201, headers },
    );
  }
  const fields: FieldErrors = {};
  if (result.tenderIndex !== null)
    fields[`tenders.${result.tenderIndex}`] = [result.message];
  for (const lineId of result.lineIds) {
    fields[`lines.${lineId}`] = ["Not bought: the payment did not go through."];
  }
  const response = problemResponse(
    new AppError("payment_declined", result.message, {
      internal: `payment ${result.code} for order ${result.number}`,
      fields,
    }),
    context,
  );
  response.headers.set("idempotent-replayed", String(result.isReplay));
  return response;
}

/** The Idempotency-Key header a checkout must carry. */
export function requireIdempotencyKey(request: Request): string {
  const key = request.headers.get("idempotency-key");
  if (!key || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("invalid_input", "Send an Idempotency-Key header.", {
      fields: { "Idempotency-Key": ["Use 1 to 200 visible ASCII characters."] },
    });
  }
  return key;
}
