import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { formatPriceRange } from "@/components/ui/format";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Products" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AdminProductsPage({ searchParams }: Props) {
  await requireStaffPage("catalog:read", "/admin/products");
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1);
  const q = (params.q ?? "").trim().slice(0, 100);

  const where = q
    ? {
        OR: [
          { title: { contains: q, mode: "insensitive" as const } },
          { variants: { some: { sku: { startsWith: q.toUpperCase() } } } },
          { variants: { some: { barcode: q } } },
        ],
      }
    : {};
  const [total, products] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({
      where,
      orderBy: { title: "asc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        category: { select: { name: true } },
        variants: { select: { priceMinor: true, currency: true } },
      },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Products</h1>
        <search>
          <form className="flex gap-2">
            <input
              name="q"
              defaultValue={q}
              placeholder="Title, SKU or barcode"
              aria-label="Search products"
              className="min-h-10 rounded-lg border border-slate-300 bg-white px-3 text-sm"
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
        {total} product{total === 1 ? "" : "s"}
      </p>
      <DataTable
        rows={products}
        rowKey={(p) => p.id}
        empty={q ? `No product matches “${q}”.` : "No products yet."}
        columns={[
          {
            header: "Product",
            cell: (p) =>
              p.status === "ACTIVE" ? (
                <Link
                  href={`/products/${p.handle}`}
                  className="font-medium hover:underline"
                >
                  {p.title}
                </Link>
              ) : (
                <span className="font-medium">{p.title}</span>
              ),
          },
          { header: "Category", cell: (p) => p.category?.name ?? "—" },
          { header: "Status", cell: (p) => p.status.toLowerCase() },
          { header: "Variants", cell: (p) => p.variants.length, align: "right" },
          {
            header: "Price",
            align: "right",
            cell: (p) =>
              formatPriceRange(
                p.variants.map((v) => v.priceMinor),
                p.variants[0]?.currency ?? "GBP",
              ),
          },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-2 text-sm">
          {page > 1 && (
            <Link
              href={`?q=${encodeURIComponent(q)}&page=${page - 1}`}
              className="underline"
            >
              Previous
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link
              href={`?q=${encodeURIComponent(q)}&page=${page + 1}`}
              className="underline"
            >
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
