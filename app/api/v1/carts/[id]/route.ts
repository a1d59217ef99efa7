import { getCartView } from "@/lib/checkout/cart-view";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";
import { cartResponse } from "@/lib/next/checkout-responses";

/** A cart priced now, with each line's availability. */
export const GET = apiRoute("checkout:create", async (_request, { actor, params }) =>
  cartResponse(await getCartView(db, { actor, cartId: params.id ?? "" })),
);
