import { createProduct } from "@/lib/catalog/create-product";
import {
  listProductsApiSchema,
  listProductsForApi,
} from "@/lib/catalog/list-products-api";
import { findProductForJson, productJson } from "@/lib/catalog/product-json";
import { db } from "@/lib/db/client";
import { notFound, parseInput } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";
import { readJson } from "@/lib/next/read-json";

/**
 * Lists products with their variants and images: `limit`, `cursor`,
 * `query` (search), `status`, `updatedSince` (ISO 8601) for syncing.
 */
export const GET = apiRoute("catalog:read", async (request) => {
  const query = parseInput(
    listProductsApiSchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return Response.json(await listProductsForApi(db, query));
});

/** Creates a product with its variants; the same validation as the back-office form. */
export const POST = apiRoute("catalog:write", async (request, { actor, log }) => {
  const body = await readJson(request);
  const created = await createProduct(
    db,
    actor,
    body as Parameters<typeof createProduct>[2],
  );
  const product = await findProductForJson(db, created.id);
  if (!product) throw notFound("The product");
  log.info({ productId: product.id }, "product created");
  return Response.json(productJson(product), {
    status: 201,
    headers: { location: `/api/v1/products/${product.id}` },
  });
});
