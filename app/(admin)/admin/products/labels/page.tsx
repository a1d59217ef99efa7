import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/admin/catalog/print-button";
import { formatMoney } from "@/components/ui/format";
import { barcodeDataUri } from "@/lib/catalog/barcode-image";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Barcode labels" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const UUID = /^[0-9a-f-]{36}$/;
const MAX_LABELS = 500;

function ids(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .filter((id) => UUID.test(id))
    .slice(0, MAX_LABELS);
}

/** A printable sheet of shelf labels: title, options, price and barcode. */
export default async function LabelsPage({ searchParams }: Props) {
  await requireStaffPage("catalog:read", "/admin/products");
  const params = await searchParams;
  const productIds = ids(params.products);
  const variantIds = ids(params.variants);
  const copies = Math.min(
    10,
    Math.max(1, Number.parseInt(params.copies ?? "1", 10) || 1),
  );

  const variants = await db.variant.findMany({
    where: {
      isActive: true,
      OR: [{ id: { in: variantIds } }, { productId: { in: productIds } }],
    },
    include: { product: { select: { title: true } } },
    orderBy: [{ product: { title: "asc" } }, { position: "asc" }],
    take: MAX_LABELS,
  });
  const labels = variants.flatMap((v) => Array.from({ length: copies }, () => v));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href="/admin/products" className="text-sm text-brand-700 hover:underline">
          ← Products
        </Link>
        <h1 className="text-2xl font-bold">Barcode labels</h1>
        <p className="text-sm text-slate-500">
          {variants.length} variant{variants.length === 1 ? "" : "s"}, {labels.length}{" "}
          label
          {labels.length === 1 ? "" : "s"}
        </p>
        <form className="flex items-center gap-2 text-sm">
          {params.products && (
            <input type="hidden" name="products" value={params.products} />
          )}
          {params.variants && (
            <input type="hidden" name="variants" value={params.variants} />
          )}
          <label>
            Copies of each{" "}
            <input
              name="copies"
              type="number"
              min={1}
              max={10}
              defaultValue={copies}
              className="min-h-10 w-16 rounded-lg border border-slate-300 px-2"
            />
          </label>
          <button
            type="submit"
            className="min-h-10 rounded-lg border border-slate-300 px-3"
          >
            Update
          </button>
        </form>
        <PrintButton />
      </div>
      {labels.length === 0 ? (
        <p className="text-slate-500">
          Choose products in the product list to print their labels.
        </p>
      ) : (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(63.5mm,1fr))] gap-2 print:grid-cols-3 print:gap-0">
          {labels.map((variant, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: copies of one variant repeat
              key={`${variant.id}-${index}`}
              className="flex h-[38.1mm] break-inside-avoid flex-col justify-between overflow-hidden rounded border border-slate-300 bg-white p-2 print:rounded-none print:border-dashed"
            >
              <div className="min-w-0">
                <p className="truncate text-xs font-semibold">{variant.product.title}</p>
                <p className="truncate text-[10px] text-slate-600">
                  {variant.optionValues.join(" / ") || variant.sku}
                </p>
              </div>
              <div className="flex items-end justify-between gap-2">
                {/* biome-ignore lint/performance/noImgElement: an inline SVG barcode */}
                <img
                  src={barcodeDataUri(variant.barcode, variant.sku)}
                  alt={`Barcode ${variant.barcode ?? variant.sku}`}
                  className="h-[20mm] max-w-[40mm]"
                />
                <p className="text-base font-bold tabular-nums">
                  {formatMoney(variant.priceMinor, variant.currency)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
