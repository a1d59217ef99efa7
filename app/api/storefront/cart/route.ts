import { getCartView } from "@/lib/checkout/cart-view";
import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { shopperCartActor, storefrontCartId } from "@/lib/next/storefront-cart";
import { listPickupStores } from "@/lib/storefront/list-pickup-stores";

export const dynamic = "force-dynamic";

/** The shopper's cart, priced, for the bag drawer (null when they have none), and the stores to collect from. */
export async function GET() {
  try {
    const cartId = await storefrontCartId();
    const { actor } = await shopperCartActor();
    const [cart, stores] = await Promise.all([
      cartId ? getCartView(db, { actor, cartId }) : null,
      listPickupStores(db),
    ]);
    return Response.json(
      { cart, stores: stores.map((s) => ({ id: s.id, name: s.name })) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return problemResponse(error, { route: "GET /api/storefront/cart" });
  }
}
