import { receiveTransfer } from "@/lib/inventory/receive-transfer";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Receives a shipped transfer, recording discrepancies; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:transfer", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await receiveTransfer(tx, context.actor, {
      ...body,
      id: context.params.id ?? "",
    } as never),
  })),
);
