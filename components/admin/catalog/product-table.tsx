"use client";

import Link from "next/link";
import { useState } from "react";
import { bulkUpdateProductPricesAction } from "@/app/(admin)/admin/products/actions";
import { FormMessage, INPUT_CLASS } from "@/components/admin/form-controls";
import { useAction } from "@/components/admin/use-action";
import { parsePrice } from "@/lib/catalog/parse-price";

export interface ProductTableRow {
  id: string;
  title: string;
  handle: string;
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  brand: string | null;
  category: string | null;
  variantCount: number;
  price: string;
  available: number;
  updated: string;
  thumbnail: string | null;
}

const STATUS_STYLE = {
  ACTIVE: "bg-emerald-50 text-emerald-800",
  DRAFT: "bg-slate-100 text-slate-700",
  ARCHIVED: "bg-amber-50 text-amber-900",
} as const;

/** The product table with a selection for bulk price changes and labels. */
export function ProductTable({
  rows,
  canWrite,
  currency,
}: {
  rows: ProductTableRow[];
  canWrite: boolean;
  currency: string;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<"set" | "add" | "percent">("percent");
  const [value, setValue] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const bulk = useAction(bulkUpdateProductPricesAction);
  const ids = [...selected];

  const toggle = (id: string, isOn: boolean) => {
    const next = new Set(selected);
    if (isOn) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  async function applyPrices() {
    setLocalError(null);
    let amount: number;
    if (mode === "percent") {
      amount = Number(value.replace(",", "."));
      if (!value.trim() || !Number.isFinite(amount))
        return setLocalError("Enter a percentage, e.g. -20.");
    } else {
      const isNegative = value.trim().startsWith("-");
      const parsed = parsePrice(value.replace(/^\s*[-+]/, ""), currency, 100_000_000);
      if (!parsed.ok) return setLocalError(parsed.message);
      amount = isNegative ? -parsed.minor : parsed.minor;
    }
    const result = await bulk.run({ productIds: ids, change: { mode, value: amount } });
    if (result.ok) setSelected(new Set());
  }

  return (
    <div className="space-y-3">
      {ids.length > 0 && (
        <section
          aria-label="Bulk actions"
          className="flex flex-wrap items-end gap-2 rounded-xl bg-white p-3 shadow-sm"
        >
          <p className="text-sm font-medium">{ids.length} selected</p>
          <Link
            href={`/admin/products/labels?products=${ids.join(",")}`}
            className="min-h-10 rounded-lg border border-slate-300 px-3 py-2 text-sm"
          >
            Print labels
          </Link>
          {canWrite && (
            <>
              <label className="text-sm">
                <span className="block">Change prices</span>
                <select
                  className={`${INPUT_CLASS} w-44`}
                  value={mode}
                  onChange={(e) => setMode(e.target.value as typeof mode)}
                >
                  <option value="percent">by a percentage</option>
                  <option value="add">by an amount</option>
                  <option value="set">to an amount</option>
                </select>
              </label>
              <label className="text-sm">
                <span className="block">
                  {mode === "percent"
                    ? "Percent (−20 = 20% off)"
                    : `Amount (${currency})`}
                </span>
                <input
                  inputMode="decimal"
                  className={`${INPUT_CLASS} w-32`}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                />
              </label>
              <button
                type="button"
                disabled={bulk.isPending}
                onClick={() => void applyPrices()}
                className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white"
              >
                Apply to all variants
              </button>
            </>
          )}
          <FormMessage
            error={
              localError ??
              (bulk.failure
                ? [bulk.failure.message, ...(bulk.failure.fields?.value ?? [])].join(" ")
                : null)
            }
            success={
              bulk.done
                ? `Changed ${bulk.done.variantsChanged} variant prices on ` +
                  `${bulk.done.productsChanged} products.`
                : null
            }
          />
        </section>
      )}
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="w-10 p-3">
                <input
                  type="checkbox"
                  aria-label="Select all on this page"
                  checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
                  onChange={(e) =>
                    setSelected(
                      e.target.checked ? new Set(rows.map((r) => r.id)) : new Set(),
                    )
                  }
                />
              </th>
              <th scope="col" className="p-3 font-medium">
                Product
              </th>
              <th scope="col" className="hidden p-3 font-medium md:table-cell">
                Category
              </th>
              <th scope="col" className="hidden p-3 font-medium lg:table-cell">
                Brand
              </th>
              <th scope="col" className="p-3 font-medium">
                Status
              </th>
              <th scope="col" className="hidden p-3 text-right font-medium sm:table-cell">
                Available
              </th>
              <th scope="col" className="p-3 text-right font-medium">
                Price
              </th>
              <th scope="col" className="hidden p-3 font-medium xl:table-cell">
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 align-middle">
                <td className="p-3">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                  />
                </td>
                <td className="p-3">
                  <div className="flex items-center gap-3">
                    {row.thumbnail ? (
                      // biome-ignore lint/performance/noImgElement: a 400px WebP rendition
                      <img
                        src={row.thumbnail}
                        alt=""
                        className="hidden size-10 rounded object-cover sm:block"
                      />
                    ) : (
                      <div
                        className="hidden size-10 shrink-0 rounded bg-slate-100 sm:block"
                        aria-hidden
                      />
                    )}
                    <div className="min-w-0">
                      <Link
                        href={`/admin/products/${row.id}`}
                        className="font-medium hover:underline"
                      >
                        {row.title}
                      </Link>
                      <p className="text-xs text-slate-500">
                        {row.variantCount} variant{row.variantCount === 1 ? "" : "s"}
                      </p>
                    </div>
                  </div>
                </td>
                <td className="hidden p-3 md:table-cell">{row.category ?? "—"}</td>
                <td className="hidden p-3 lg:table-cell">{row.brand ?? "—"}</td>
                <td className="p-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs ${STATUS_STYLE[row.status]}`}
                  >
                    {row.status.toLowerCase()}
                  </span>
                </td>
                <td
                  className={`hidden p-3 text-right tabular-nums sm:table-cell ${row.available === 0 ? "text-red-700" : ""}`}
                >
                  {row.available}
                </td>
                <td className="p-3 text-right tabular-nums">{row.price}</td>
                <td className="hidden p-3 text-slate-500 xl:table-cell">{row.updated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
