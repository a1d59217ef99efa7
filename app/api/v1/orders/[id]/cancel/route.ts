import { z } from "zod";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { readJsonBody } from "@/lib/next/read-json";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { getOrder, presentOrder } from "@/lib/orders/get-order";

const CancelSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  /** Only these fulfillments; every open one when left out. */
  fulfillmentIds: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
});

/** Cancels an order or some of its fulfillments: stock back, money back. */
export const POST = apiRoute("orders:manage", async (request, { actor, params }) => {
  const input = parseInput(CancelSchema, await readJsonBody(request));
  const orderId = params.id ?? "";
  await getOrder(db, { actor, id: orderId });
  const result = await cancelOrder(db, { actor, orderId, ...input });
  const order = await getOrder(db, { actor, id: orderId });
  return Response.json({ data: { ...presentOrder(order), cancellation: result } });
});
