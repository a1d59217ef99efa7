import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { readJsonBody } from "@/lib/next/read-json";
import {
  getPromotion,
  type UpdatePromotionInput,
  updatePromotion,
} from "@/lib/promotions";

/** One promotion: its definition, status, and code batches (not the codes). */
export const GET = apiRoute("catalog:read", async (_request, { params }) => {
  const found = await getPromotion(db, params.id ?? "");
  return Response.json({
    data: {
      id: found.row.id,
      name: found.row.name,
      description: found.row.description,
      isActive: found.row.isActive,
      status: found.status,
      version: found.row.version,
      redemptions: found.row.timesRedeemed,
      definition: found.row.definition,
      codeBatches: found.batches,
      sharedCodeCount: found.sharedCodes.length,
    },
  });
});

/** Changes a promotion; send `expectedVersion` to refuse overwriting a newer save. */
export const PATCH = apiRoute("promotions:write", async (request, { actor, params }) => {
  const body = await readJsonBody(request);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("invalid_input", "Send a JSON object.", {
      fields: { _: ["Expected an object."] },
    });
  }
  const saved = await updatePromotion(db, actor, {
    ...(body as UpdatePromotionInput),
    id: params.id ?? "",
  });
  return Response.json({ data: saved });
});
