"use client";

import { useState } from "react";
import { INPUT_CLASS } from "@/components/admin/form-controls";
import {
  type OptionRow,
  type ProductFormValues,
  regenerate,
  type VariantRow,
} from "./product-form-model";

const CELL_INPUT =
  "min-h-10 min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm " +
  "aria-[invalid=true]:border-red-600";

// SKUs and barcodes are read whole; amounts fit a narrow cell.
const CELL_WIDTH: Partial<Record<keyof VariantRow, string>> = {
  sku: "w-48",
  barcode: "w-40",
  weight: "w-20",
};

/**
 * Options (size, colour…) and the variant matrix they generate, with each
 * variant's codes, prices and weight editable, and a price for a selection.
 */
export function VariantsEditor({
  values,
  currency,
  onChange,
  errorFor,
}: {
  values: ProductFormValues;
  currency: string;
  onChange: (patch: Partial<ProductFormValues>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const [skuPrefix, setSkuPrefix] = useState(() => defaultPrefix(values));
  const [defaultPrice, setDefaultPrice] = useState(values.variants[0]?.price ?? "");
  const [selectionPrice, setSelectionPrice] = useState("");
  const rows = values.variants;
  const selectedCount = rows.filter((r) => r.isSelected).length;

  const setOptions = (options: OptionRow[]) => onChange({ options });
  const setRow = (index: number, patch: Partial<VariantRow>) =>
    onChange({ variants: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Options</legend>
        {values.options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place
          <div key={index} className="grid gap-2 sm:grid-cols-[10rem_minmax(0,1fr)_auto]">
            <input
              aria-label={`Option ${index + 1} name`}
              aria-invalid={!!errorFor(`optionNames.${index}`)}
              placeholder="Size"
              className={INPUT_CLASS}
              value={option.name}
              maxLength={40}
              onChange={(e) =>
                setOptions(
                  values.options.map((o, i) =>
                    i === index ? { ...o, name: e.target.value } : o,
                  ),
                )
              }
            />
            <input
              aria-label={`Option ${index + 1} values`}
              placeholder="S, M, L"
              className={INPUT_CLASS}
              value={option.values}
              onChange={(e) =>
                setOptions(
                  values.options.map((o, i) =>
                    i === index ? { ...o, values: e.target.value } : o,
                  ),
                )
              }
            />
            <button
              type="button"
              className="min-h-11 rounded-lg px-3 text-sm text-red-700 hover:bg-red-50"
              onClick={() => setOptions(values.options.filter((_, i) => i !== index))}
            >
              Remove
            </button>
            {errorFor(`optionNames.${index}`) && (
              <p className="text-sm text-red-700 sm:col-span-3">
                {errorFor(`optionNames.${index}`)}
              </p>
            )}
          </div>
        ))}
        {errorFor("optionNames") && (
          <p className="text-sm text-red-700">{errorFor("optionNames")}</p>
        )}
        {values.options.length < 3 && (
          <button
            type="button"
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
            onClick={() => setOptions([...values.options, { name: "", values: "" }])}
          >
            Add option
          </button>
        )}
      </fieldset>

      <div className="flex flex-wrap items-end gap-2 rounded-lg bg-slate-50 p-3">
        <label className="text-sm">
          <span className="block font-medium">SKU prefix</span>
          <input
            className={`${INPUT_CLASS} w-36 uppercase`}
            value={skuPrefix}
            onChange={(e) => setSkuPrefix(e.target.value)}
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Price of new variants ({currency})</span>
          <input
            inputMode="decimal"
            className={`${INPUT_CLASS} w-32`}
            value={defaultPrice}
            onChange={(e) => setDefaultPrice(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="min-h-11 rounded-lg bg-slate-800 px-4 text-sm font-semibold text-white"
          onClick={() =>
            onChange({
              variants: regenerate(
                values,
                skuPrefix || initials(values.title),
                defaultPrice,
                currency,
              ),
            })
          }
        >
          Generate variants
        </button>
        <p className="w-full text-xs text-slate-500">
          Keeps the variants you have; adds new combinations; variants no longer offered
          are deactivated, not deleted.
        </p>
      </div>

      {errorFor("variants") && (
        <p className="text-sm text-red-700">{errorFor("variants")}</p>
      )}

      {selectedCount > 0 && (
        <section
          aria-label="Selected variants"
          className="flex flex-wrap items-end gap-2"
        >
          <p className="text-sm">{selectedCount} selected</p>
          <input
            aria-label="Price for selected variants"
            inputMode="decimal"
            className={`${INPUT_CLASS} w-32`}
            value={selectionPrice}
            onChange={(e) => setSelectionPrice(e.target.value)}
          />
          <button
            type="button"
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
            onClick={() =>
              onChange({
                variants: rows.map((r) =>
                  r.isSelected ? { ...r, price: selectionPrice } : r,
                ),
              })
            }
          >
            Set price of selected
          </button>
        </section>
      )}

      {rows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="w-8 p-1">
                  <input
                    type="checkbox"
                    aria-label="Select all variants"
                    checked={rows.length > 0 && selectedCount === rows.length}
                    onChange={(e) =>
                      onChange({
                        variants: rows.map((r) => ({
                          ...r,
                          isSelected: e.target.checked,
                        })),
                      })
                    }
                  />
                </th>
                <th scope="col" className="p-1 font-medium">
                  Variant
                </th>
                <th scope="col" className="p-1 font-medium">
                  SKU
                </th>
                <th scope="col" className="p-1 font-medium">
                  Barcode
                </th>
                <th scope="col" className="p-1 font-medium">
                  Price
                </th>
                <th scope="col" className="p-1 font-medium">
                  Compare-at
                </th>
                <th scope="col" className="p-1 font-medium">
                  Cost
                </th>
                <th scope="col" className="p-1 font-medium">
                  Weight (g)
                </th>
                <th scope="col" className="p-1 font-medium">
                  Active
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <VariantRowView
                  key={row.key}
                  row={row}
                  index={index}
                  onChange={(patch) => setRow(index, patch)}
                  errorFor={errorFor}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === 0 && (
        <p className="text-sm text-slate-500">
          Add options and generate variants, or generate one variant without options.
        </p>
      )}
    </div>
  );
}

function VariantRowView({
  row,
  index,
  onChange,
  errorFor,
}: {
  row: VariantRow;
  index: number;
  onChange: (patch: Partial<VariantRow>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const label = row.optionValues.length ? row.optionValues.join(" / ") : "Default";
  const path = `variants.${index}`;
  const cell = (
    field: keyof VariantRow,
    errorKey: string,
    name: string,
    mode?: "decimal" | "numeric",
  ) => {
    const error = errorFor(`${path}.${errorKey}`);
    return (
      <td className="p-1 align-top">
        <input
          aria-label={`${name} of ${label}`}
          aria-invalid={!!error}
          inputMode={mode}
          className={`${CELL_INPUT} ${CELL_WIDTH[field] ?? "w-24"}`}
          value={row[field] as string}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
        {error && <p className="mt-1 max-w-48 text-xs text-red-700">{error}</p>}
      </td>
    );
  };
  const optionsError = errorFor(`${path}.optionValues`) ?? errorFor(`${path}.id`);
  return (
    <tr className={`border-t border-slate-100 ${row.isActive ? "" : "opacity-60"}`}>
      <td className="p-1 align-top">
        <input
          type="checkbox"
          aria-label={`Select ${label}`}
          checked={row.isSelected}
          onChange={(e) => onChange({ isSelected: e.target.checked })}
        />
      </td>
      <td className="p-1 align-top font-medium">
        {label}
        {optionsError && (
          <p className="text-xs font-normal text-red-700">{optionsError}</p>
        )}
      </td>
      {cell("sku", "sku", "SKU")}
      {cell("barcode", "barcode", "Barcode", "numeric")}
      {cell("price", "priceMinor", "Price", "decimal")}
      {cell("compareAt", "compareAtMinor", "Compare-at price", "decimal")}
      {cell("cost", "costMinor", "Cost", "decimal")}
      {cell("weight", "weightGrams", "Weight", "numeric")}
      <td className="p-1 text-center align-top">
        <input
          type="checkbox"
          aria-label={`${label} is active`}
          checked={row.isActive}
          onChange={(e) => onChange({ isActive: e.target.checked })}
        />
      </td>
    </tr>
  );
}

/** The style code existing SKUs share, or one from the title's initials. */
function defaultPrefix(values: ProductFormValues): string {
  const first = values.variants[0]?.sku;
  if (first) return first.split("-")[0] ?? first;
  return "";
}

/** "Merino Crew Jumper" → "MCJ", a prefix when none is given. */
function initials(title: string): string {
  return title
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join("")
    .slice(0, 6);
}
