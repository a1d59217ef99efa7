import { db } from "@/lib/db/client";
import { posRoute } from "@/lib/next/pos-route";
import { readJson } from "@/lib/next/read-json";
import { syncOfflineSales } from "@/lib/pos-sync/sync-offline-sales";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/pos/sync { locationId, sales: [...] }: sales a till made
 * offline, in its queue's order. Each is recorded once however often it
 * is sent; the answer says, per sale, accepted, accepted with differences
 * or rejected (with the reason), and lists any sales to send again.
 */
export const POST = posRoute("pos:sell", async (request, actor) => {
  const input = await readJson(request);
  const result = await syncOfflineSales(db, { actor, input });
  return Response.json(result);
});
