import { exportCatalogCsv } from "@/lib/catalog/import/export-catalog";
import { db } from "@/lib/db/client";
import { apiRoute } from "@/lib/next/api-route";

/** The whole catalogue as CSV, in the format POST /api/v1/catalog/imports takes. */
export const GET = apiRoute("catalog:read", async () => {
  return new Response(await exportCatalogCsv(db), {
    headers: { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" },
  });
});
