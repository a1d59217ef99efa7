import type { Metadata } from "next";
import Link from "next/link";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { stockGrid } from "@/lib/inventory/queries";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Inventory" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Stock by location: one row per variant, one column per location. */
export default async function InventoryPage({ searchParams }: Props) {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory");
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const q = (params.q ?? "").trim().slice(0, 100);

  const grid = await stockGrid(db, {
    q,
    visible: visibleLocationIds(staff),
    page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(grid.total / PAGE_SIZE));
  const link = (p: number) => `?q=${encodeURIComponent(q)}&page=${p}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Stock by location</h1>
        <search>
          <form className="flex gap-2">
            <input
              name="q"
              defaultValue={q}
              placeholder="SKU, barcode or title"
              aria-label="Search stock"
              className="min-h-10 w-56 rounded-lg border border-slate-300 bg-white px-3 text-sm"
            />
            <button
              type="submit"
              className="min-h-10 rounded-lg bg-brand-600 px-4 text-sm text-white"
            >
              Search
            </button>
          </form>
        </search>
      </div>
      <p className="text-sm text-slate-500">
        {grid.total} variant{grid.total === 1 ? "" : "s"} · on hand, with what can still
        be sold where it differs
      </p>

      {grid.rows.length === 0 ? (
        <p className="text-slate-500">
          {q ? `Nothing matches “${q}”.` : "No variants yet."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="sticky left-0 bg-white p-3 font-medium">
                  Variant
                </th>
                {grid.locations.map((l) => (
                  <th
                    key={l.id}
                    scope="col"
                    className="p-3 text-right font-medium"
                    title={l.name}
                  >
                    {l.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.variantId} className="border-t border-slate-100">
                  <th
                    scope="row"
                    className="sticky left-0 bg-white p-3 text-left font-normal"
                  >
                    <Link
                      href={`/admin/inventory/variants/${row.variantId}`}
                      className="font-mono font-medium text-brand-700 hover:underline"
                    >
                      {row.sku}
                    </Link>
                    <span className="hidden max-w-56 truncate text-xs text-slate-500 sm:block">
                      {row.title}
                      {row.options ? ` — ${row.options}` : ""}
                    </span>
                  </th>
                  {grid.locations.map((l) => {
                    const cell = row.cells[l.id];
                    if (!cell) {
                      return (
                        <td key={l.id} className="p-3 text-right text-slate-300">
                          –
                        </td>
                      );
                    }
                    return (
                      <td key={l.id} className="p-3 text-right tabular-nums">
                        <span
                          className={cell.onHand < 0 ? "font-semibold text-red-700" : ""}
                        >
                          {cell.onHand}
                        </span>
                        {cell.available !== cell.onHand && (
                          <span className="block text-xs text-slate-500">
                            {cell.available} avail.
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {page > 1 && (
            <Link href={link(page - 1)} className="underline">
              Previous
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={link(page + 1)} className="underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
