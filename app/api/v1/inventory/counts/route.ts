import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listCounts } from "@/lib/inventory/queries";
import { startCount } from "@/lib/inventory/start-count";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

/** Count sessions, newest first. */
export const GET = apiRoute("inventory:read", async (_request, { actor }) => {
  const counts = await listCounts(db, { visible: visibleLocationIds(actor), take: 100 });
  return Response.json({
    data: counts.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      location: c.location.code,
      binPrefix: c.binPrefix,
      linesCounted: c._count.lines,
      startedAt: c.startedAt.toISOString(),
      approvedAt: c.approvedAt?.toISOString() ?? null,
    })),
  });
});

/** Starts a cycle count of a location or zone; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:count", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 201,
    body: await startCount(tx, context.actor, body as never),
  })),
);
