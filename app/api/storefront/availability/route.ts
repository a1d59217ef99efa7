import { z } from "zod";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { problemResponse } from "@/lib/errors/http";
import { storefrontStockForVariants } from "@/lib/storefront/storefront-stock";

export const dynamic = "force-dynamic";

const MAX_VARIANTS = 50;

const querySchema = z.object({
  variantIds: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value),
    z
      .array(z.uuid({ error: "Not a variant id." }))
      .min(1, { error: "Name at least one variant." })
      .max(MAX_VARIANTS, { error: `Ask for at most ${MAX_VARIANTS} variants.` }),
  ),
});

/**
 * Public: the stock shoppers see for some variants (shippable and per
 * pickup store). The product page calls it when the events stream says a
 * variant's stock changed; it is never cached, being the live figure.
 */
export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const input = parseInput(querySchema, params);
    const variants = await storefrontStockForVariants(db, input.variantIds);
    return Response.json({ variants }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error, { route: "GET /api/storefront/availability" });
  }
}
