import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { posRoute } from "@/lib/next/pos-route";
import { exportPosBundle } from "@/lib/pos-sync/export-pos-bundle";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({
  locationId: z.string().trim().min(1, { error: "Choose a store." }).max(200),
  since: z.iso
    .datetime({ offset: true, error: "Send the cursor of the bundle you hold." })
    .optional(),
});

/**
 * GET /api/v1/pos/bundle?locationId=<id>[&since=<cursor>]: what a till
 * keeps to sell offline at one store; with `since`, only what changed.
 */
export const GET = posRoute("pos:sell", async (request, actor) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  authorize(actor, "pos:sell", { locationId: query.locationId });
  const bundle = await exportPosBundle(db, {
    locationId: query.locationId,
    since: query.since ? new Date(query.since) : null,
  });
  return Response.json(bundle, { headers: { "cache-control": "no-store" } });
});
