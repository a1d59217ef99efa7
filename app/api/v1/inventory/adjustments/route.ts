import { adjustStock } from "@/lib/inventory/adjust-stock";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Adjusts stock at a location with a reason; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:adjust", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 201,
    body: await adjustStock(tx, context.actor, body as never),
  })),
);
