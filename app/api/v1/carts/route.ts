import { newCartView } from "@/lib/checkout/cart-view";
import { createCart } from "@/lib/checkout/create-cart";
import { CreateCartSchema } from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { cartResponse } from "@/lib/next/checkout-responses";
import { readJsonBody } from "@/lib/next/read-json";

/** Opens an API cart. */
export const POST = apiRoute("checkout:create", async (request, { actor }) => {
  const cart = await createCart(db, {
    actor,
    input: parseInput(CreateCartSchema, await readJsonBody(request)),
  });
  return cartResponse(await newCartView(db, cart), 201);
});
