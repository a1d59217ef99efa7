import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";
import { readJsonBody } from "@/lib/next/read-json";
import { type QuoteRequest, quoteBasket } from "@/lib/pricing-data";

/**
 * Prices a basket with the live promotions and tax, creating nothing: the
 * same engine and data as checkout and the POS.
 */
export const POST = apiRoute("catalog:read", async (request) => {
  const quote = await quoteBasket(db, (await readJsonBody(request)) as QuoteRequest);
  return Response.json({ data: { ...quote.result, explanationText: quote.text } });
});
