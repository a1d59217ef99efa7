import { shipTransfer } from "@/lib/inventory/ship-transfer";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Ships a requested transfer (optionally short); accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:transfer", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await shipTransfer(tx, context.actor, {
      ...body,
      id: context.params.id ?? "",
    } as never),
  })),
);
