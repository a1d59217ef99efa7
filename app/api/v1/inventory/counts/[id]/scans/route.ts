import { scanCount } from "@/lib/inventory/scan-count";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Records a scanned barcode or typed SKU in an open count; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:count", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 200,
    body: await scanCount(tx, context.actor, {
      ...body,
      id: context.params.id ?? "",
    } as never),
  })),
);
