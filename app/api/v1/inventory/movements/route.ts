import { z } from "zod";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { movementHistory } from "@/lib/inventory/queries";
import { apiRoute } from "@/lib/next/api-route";

const querySchema = z.strictObject({
  sku: z.string().trim().min(1, { error: "Give a SKU." }).max(64),
  location: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A SKU's stock movements, newest first, optionally at one location. */
export const GET = apiRoute("inventory:read", async (request, { actor }) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const variant = await db.variant.findUnique({
    where: { sku: query.sku.toUpperCase() },
    select: { id: true },
  });
  const location = query.location
    ? await db.location.findUnique({
        where: { code: query.location.toUpperCase() },
        select: { id: true },
      })
    : null;
  if (!variant) throw new AppError("not_found", `There is no SKU ${query.sku}.`);
  if (query.location && !location) {
    throw new AppError("not_found", `There is no location ${query.location}.`);
  }
  const history = await movementHistory(db, {
    variantId: variant.id,
    locationId: location?.id,
    visible: visibleLocationIds(actor),
    take: query.limit,
  });
  return Response.json({
    data: (history?.movements ?? []).map((m) => ({
      id: m.id,
      location: m.location.code,
      quantity: m.quantity,
      reason: m.reason,
      sourceType: m.sourceType,
      sourceId: m.sourceId,
      note: m.note,
      actor: m.actor,
      createdAt: m.createdAt.toISOString(),
    })),
  });
});
