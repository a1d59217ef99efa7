import { z } from "zod";
import { findProductForJson, productJson } from "@/lib/catalog/product-json";
import { updateProduct } from "@/lib/catalog/update-product";
import { db } from "@/lib/db/client";
import { notFound, parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { readJson } from "@/lib/next/read-json";

const idSchema = z.object({ id: z.uuid({ error: "Not a product id." }) });

/** One product with its variants and images. */
export const GET = apiRoute("catalog:read", async (_request, { params }) => {
  const { id } = parseInput(idSchema, params);
  const product = await findProductForJson(db, id);
  if (!product) throw notFound("The product");
  return Response.json(productJson(product));
});

/**
 * Changes a product: only the fields sent change; variants with an id
 * are updated, without one are added. The same validation as the form.
 */
export const PATCH = apiRoute(
  "catalog:write",
  async (request, { actor, params, log }) => {
    const { id } = parseInput(idSchema, params);
    const body = await readJson(request);
    await updateProduct(db, actor, id, body as Parameters<typeof updateProduct>[3]);
    const product = await findProductForJson(db, id);
    if (!product) throw notFound("The product");
    log.info({ productId: id }, "product updated");
    return Response.json(productJson(product));
  },
);
