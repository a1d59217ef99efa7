import { updateLevelSettings } from "@/lib/inventory/update-level-settings";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Sets a level's safety stock, reorder point and bin; accepts an Idempotency-Key. */
export const PATCH = apiRoute("inventory:adjust", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await updateLevelSettings(tx, context.actor, body as never),
  })),
);
