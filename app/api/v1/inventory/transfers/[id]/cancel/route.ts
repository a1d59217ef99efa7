import { cancelTransfer } from "@/lib/inventory/cancel-transfer";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Cancels a transfer that has not shipped; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:transfer", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await cancelTransfer(tx, context.actor, {
      ...body,
      id: context.params.id ?? "",
    } as never),
  })),
);
