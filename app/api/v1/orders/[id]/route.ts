import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";
import { getOrder, presentOrder } from "@/lib/orders/get-order";

/** An order with its lines, fulfillments and payments. */
export const GET = apiRoute("orders:read", async (_request, { actor, params }) => {
  const order = await getOrder(db, { actor, id: params.id ?? "" });
  return Response.json({ data: presentOrder(order) });
});
