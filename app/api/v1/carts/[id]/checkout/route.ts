import { placeOrder } from "@/lib/checkout/place-order";
import { CheckoutSchema } from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { checkoutResponse, requireIdempotencyKey } from "@/lib/next/checkout-responses";
import { readJsonBody } from "@/lib/next/read-json";

/**
 * Places the cart's order with the tenders given. Needs an Idempotency-Key:
 * a retry with the same key answers with the same order and charges
 * nothing twice. 409 names the lines out of stock; 402 a refused payment.
 */
export const POST = apiRoute(
  "checkout:create",
  async (request, { actor, params, requestId }) => {
    const idempotencyKey = requireIdempotencyKey(request);
    const result = await placeOrder(db, {
      actor,
      cartId: params.id ?? "",
      idempotencyKey,
      input: parseInput(CheckoutSchema, await readJsonBody(request)),
    });
    return checkoutResponse(result, { requestId, route: request.url });
  },
);
