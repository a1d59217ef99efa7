import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { AddCartLineSchema } from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { cartResponse } from "@/lib/next/checkout-responses";
import { readJsonBody } from "@/lib/next/read-json";

/** Adds a line (variant, quantity, fulfillment); answers with the cart priced again. */
export const POST = apiRoute("checkout:create", async (request, { actor, params }) => {
  const cart = await addCartLine(db, {
    actor,
    cartId: params.id ?? "",
    input: parseInput(AddCartLineSchema, await readJsonBody(request)),
  });
  return cartResponse(cart, 201);
});
