import { removeCartLine, updateCartLine } from "@/lib/checkout/change-cart-lines";
import { UpdateCartLineSchema } from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { cartResponse } from "@/lib/next/checkout-responses";
import { readJsonBody } from "@/lib/next/read-json";

/** Changes a line's quantity, fulfillment or location. */
export const PATCH = apiRoute("checkout:create", async (request, { actor, params }) => {
  const cart = await updateCartLine(db, {
    actor,
    cartId: params.id ?? "",
    lineId: params.lineId ?? "",
    input: parseInput(UpdateCartLineSchema, await readJsonBody(request)),
  });
  return cartResponse(cart);
});

/** Removes a line. */
export const DELETE = apiRoute("checkout:create", async (_request, { actor, params }) => {
  const cart = await removeCartLine(db, {
    actor,
    cartId: params.id ?? "",
    lineId: params.lineId ?? "",
  });
  return cartResponse(cart);
});
