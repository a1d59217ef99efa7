import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";
import { readJsonBody } from "@/lib/next/read-json";
import {
  type CreatePromotionInput,
  createPromotion,
  listPromotions,
} from "@/lib/promotions";

/** Lists promotions with their status now and their redemptions so far. */
export const GET = apiRoute("catalog:read", async () => {
  const promotions = await listPromotions(db);
  return Response.json({ data: promotions });
});

/** Creates a promotion from the engine's definition (lib/pricing/schemas.ts). */
export const POST = apiRoute("promotions:write", async (request, { actor }) => {
  const saved = await createPromotion(
    db,
    actor,
    (await readJsonBody(request)) as CreatePromotionInput,
  );
  return Response.json({ data: saved }, { status: 201 });
});
