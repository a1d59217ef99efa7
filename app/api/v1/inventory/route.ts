import { z } from "zod";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { listLevels } from "@/lib/inventory/queries";
import { apiRoute } from "@/lib/next/api-route";

const querySchema = z.strictObject({
  sku: z.string().trim().min(1).max(64).optional(),
  location: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, {
      error: "Use the nextCursor of a previous page.",
    })
    .optional(),
});

/** Inventory levels with on hand, reserved and available, by SKU and location code. */
export const GET = apiRoute("inventory:read", async (request, { actor }) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const [variantId = "", locationId = ""] = query.cursor?.split(":") ?? [];
  const page = await listLevels(db, {
    sku: query.sku,
    location: query.location,
    visible: visibleLocationIds(actor),
    limit: query.limit,
    cursor: query.cursor ? { variantId, locationId } : undefined,
  });
  return Response.json(page);
});
