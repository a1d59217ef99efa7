import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reviewCount } from "@/lib/inventory/review-count";
import { apiRoute } from "@/lib/next/api-route";

/**
 * The variance review of a count. It shows expected figures, so it needs
 * the permission to approve (counters count blind).
 */
export const GET = apiRoute("inventory:adjust", async (_request, { actor, params }) => {
  const session = await db.countSession.findUnique({
    where: { id: params.id ?? "" },
    select: { locationId: true },
  });
  if (!session || !can(actor, "inventory:adjust", { locationId: session.locationId })) {
    throw new AppError("not_found", "That count was not found.");
  }
  return Response.json(await reviewCount(db, { id: params.id ?? "" }));
});
