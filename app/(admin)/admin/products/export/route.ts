import { exportCatalogCsv } from "@/lib/catalog/import/export-catalog";
import { db } from "@/lib/db/client";
import { staffRoute } from "@/lib/next/staff-route";

/** The whole catalogue as a CSV download, in the import's format. */
export const GET = staffRoute("catalog:read", async () => {
  const csv = await exportCatalogCsv(db);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(`\ufeff${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="catalogue-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
