import type { Metadata } from "next";
import Link from "next/link";
import { ImportFlow } from "@/components/admin/catalog/import-flow";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Import products" };
export const dynamic = "force-dynamic";

const DATE = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

export default async function ImportProductsPage() {
  await requireStaffPage("catalog:write", "/admin/products/import");
  const recent = await db.catalogImport.findMany({
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      fileName: true,
      status: true,
      rowCount: true,
      errorRowCount: true,
      actorLabel: true,
      createdAt: true,
    },
  });
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link href="/admin/products" className="text-brand-700 hover:underline">
          ← Products
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">Import products</h1>
      <div className="max-w-3xl space-y-2 text-sm text-slate-600">
        <p>
          One row per variant; rows with the same <code>handle</code> make one product,
          whose fields (title, description, brand, category, status…) go on its first row.
          Existing products and variants are matched by handle and SKU and updated;
          nothing is deleted.
        </p>
        <p>
          The file is checked first and nothing is written until you apply it. Products
          with an error on any of their rows are skipped whole; the rest are written.{" "}
          <a href="/admin/products/export" className="text-brand-700 underline">
            Export the catalogue
          </a>{" "}
          for a file in the right format.
        </p>
      </div>
      <ImportFlow />
      {recent.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Recent imports</h2>
          <ul className="divide-y divide-slate-100 rounded-xl bg-white text-sm shadow-sm">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span className="font-medium">{r.fileName}</span>
                <span className="text-slate-500">
                  {r.rowCount} rows, {r.errorRowCount} with errors ·{" "}
                  {r.status === "APPLIED" ? "applied" : "checked only"} · {r.actorLabel} ·{" "}
                  {DATE.format(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
