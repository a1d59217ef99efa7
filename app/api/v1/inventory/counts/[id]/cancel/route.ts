import { cancelCount } from "@/lib/inventory/cancel-count";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Abandons an open count; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:count", (request, context) =>
  idempotentMutation(request, context, async (tx) => ({
    status: 200,
    body: await cancelCount(tx, context.actor, { id: context.params.id ?? "" }),
  })),
);
