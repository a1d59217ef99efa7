import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { searchVariants } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { problemResponse } from "@/lib/errors/http";
import { availabilityForVariants } from "@/lib/inventory/availability";
import { currentStaff } from "@/lib/next/session";

const querySchema = z.object({
  q: z.string().trim().min(1, { error: "Enter a barcode, SKU or name." }).max(100),
  locationId: z.uuid({ error: "Choose a store." }),
});

/** POS lookup by barcode, SKU or name, with stock here and elsewhere. */
export async function GET(request: Request) {
  try {
    const staff = await currentStaff();
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const input = parseInput(querySchema, params);
    authorize(staff, "pos:sell", { locationId: input.locationId });

    const variants = await searchVariants(db, input.q, 20);
    const stock = await availabilityForVariants(
      db,
      variants.map((v) => v.id),
    );
    const results = variants.map((v) => {
      const levels = stock.get(v.id)?.byLocation ?? [];
      return {
        id: v.id,
        sku: v.sku,
        barcode: v.barcode,
        title: v.product.title,
        options: v.optionValues.join(" / "),
        priceMinor: v.priceMinor,
        currency: v.currency,
        here: levels.find((l) => l.locationId === input.locationId)?.onHand ?? 0,
        elsewhere: levels
          .filter((l) => l.locationId !== input.locationId && l.available > 0)
          .map((l) => ({ name: l.locationName, available: l.available })),
      };
    });
    return Response.json({ results });
  } catch (error) {
    return problemResponse(error, { route: "GET /api/pos/variants" });
  }
}
