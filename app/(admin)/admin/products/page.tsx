import type { Metadata } from "next";
import Link from "next/link";
import { ProductTable } from "@/components/admin/catalog/product-table";
import { INPUT_CLASS } from "@/components/admin/form-controls";
import { formatPriceRange } from "@/components/ui/format";
import { can } from "@/lib/auth/authorize";
import { DEFAULT_CURRENCY } from "@/lib/catalog/currency";
import { renditionUrl } from "@/lib/catalog/images/image-store";
import {
  listBrands,
  listCategoryOptions,
  listProducts,
  listProductsSchema,
} from "@/lib/catalog/list-products";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Products" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function AdminProductsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("catalog:read", "/admin/products");
  const params = await searchParams;
  const query = listProductsSchema.parse(params);
  const [result, categories, brands] = await Promise.all([
    listProducts(db, query),
    listCategoryOptions(db),
    listBrands(db),
  ]);
  const canWrite = can(staff, "catalog:write");

  const pageHref = (page: number) => {
    const next = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => !!e[1]),
    );
    next.set("page", String(page));
    return `?${next.toString()}`;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Products</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <a
            href="/admin/products/export"
            className="min-h-10 rounded-lg border border-slate-300 bg-white px-3 py-2"
          >
            Export CSV
          </a>
          {canWrite && (
            <>
              <Link
                href="/admin/products/import"
                className="min-h-10 rounded-lg border border-slate-300 bg-white px-3 py-2"
              >
                Import CSV
              </Link>
              <Link
                href="/admin/products/new"
                className="min-h-10 rounded-lg bg-brand-600 px-3 py-2 font-semibold text-white"
              >
                New product
              </Link>
            </>
          )}
        </div>
      </div>

      <search>
        <form className="flex flex-wrap gap-2 rounded-xl bg-white p-3 shadow-sm [&>*]:min-w-40 [&>*]:flex-1">
          <input
            name="q"
            defaultValue={query.q}
            placeholder="Title, SKU or barcode"
            aria-label="Search products"
            className={`${INPUT_CLASS} basis-64`}
          />
          <select
            name="status"
            defaultValue={query.status ?? ""}
            aria-label="Status"
            className={INPUT_CLASS}
          >
            <option value="">Any status</option>
            <option value="ACTIVE">Active</option>
            <option value="DRAFT">Draft</option>
            <option value="ARCHIVED">Archived</option>
          </select>
          <select
            name="category"
            defaultValue={query.category ?? ""}
            aria-label="Category"
            className={INPUT_CLASS}
          >
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {`${"\u2003".repeat(c.depth)}${c.name}`}
              </option>
            ))}
          </select>
          <select
            name="brand"
            defaultValue={query.brand ?? ""}
            aria-label="Brand"
            className={INPUT_CLASS}
          >
            <option value="">Any brand</option>
            {brands.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
          <select
            name="stock"
            defaultValue={query.stock ?? ""}
            aria-label="Stock"
            className={INPUT_CLASS}
          >
            <option value="">Any stock</option>
            <option value="in_stock">In stock</option>
            <option value="low_stock">Low stock</option>
            <option value="out_of_stock">Out of stock</option>
          </select>
          <div className="flex gap-2">
            <select
              name="sort"
              defaultValue={query.sort ?? ""}
              aria-label="Sort"
              className={INPUT_CLASS}
            >
              <option value="">{query.q ? "Best match" : "Title A–Z"}</option>
              <option value="-title">Title Z–A</option>
              <option value="-updated">Recently updated</option>
              <option value="-created">Newest</option>
              <option value="created">Oldest</option>
            </select>
            <button
              type="submit"
              className="min-h-11 rounded-lg bg-slate-800 px-4 text-sm text-white"
            >
              Search
            </button>
          </div>
        </form>
      </search>

      <p className="text-sm text-slate-500" aria-live="polite">
        {result.total.toLocaleString("en-GB")} product{result.total === 1 ? "" : "s"}
      </p>
      {result.rows.length === 0 ? (
        <p className="text-slate-500">
          {query.q
            ? `No product matches “${query.q}”.`
            : "No products match these filters."}
        </p>
      ) : (
        <ProductTable
          canWrite={canWrite}
          currency={DEFAULT_CURRENCY}
          rows={result.rows.map((p) => {
            const active = p.variants.filter((v) => v.isActive);
            const image = p.images[0];
            return {
              id: p.id,
              title: p.title,
              handle: p.handle,
              status: p.status,
              brand: p.brand,
              category: p.category?.name ?? null,
              variantCount: active.length,
              price: formatPriceRange(
                active.map((v) => v.priceMinor),
                active[0]?.currency ?? DEFAULT_CURRENCY,
              ),
              available: p.available,
              updated: DATE.format(p.updatedAt),
              thumbnail: image
                ? renditionUrl(image.path, image.widths.at(-1) ?? image.width)
                : null,
            };
          })}
        />
      )}
      {result.pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {result.page > 1 && (
            <Link href={pageHref(result.page - 1)} className="underline">
              Previous
            </Link>
          )}
          <span>
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages && (
            <Link href={pageHref(result.page + 1)} className="underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
