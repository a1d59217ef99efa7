import { addCartCode } from "@/lib/checkout/cart-details";
import { CartCodeSchema } from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { cartResponse } from "@/lib/next/checkout-responses";
import { readJsonBody } from "@/lib/next/read-json";

/** Enters a promotion code; codeOutcomes in the answer says whether it applied. */
export const POST = apiRoute("checkout:create", async (request, { actor, params }) => {
  const cart = await addCartCode(db, {
    actor,
    cartId: params.id ?? "",
    input: parseInput(CartCodeSchema, await readJsonBody(request)),
  });
  return cartResponse(cart);
});
