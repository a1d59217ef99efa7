import { approveCount } from "@/lib/inventory/approve-count";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Approves a count, writing its corrections; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:adjust", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await approveCount(tx, context.actor, {
      ...body,
      id: context.params.id ?? "",
    } as never),
  })),
);
