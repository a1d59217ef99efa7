import { receiveStock } from "@/lib/inventory/receive-stock";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Receives a delivery into a location; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:receive", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 201,
    body: await receiveStock(tx, context.actor, body as never),
  })),
);
