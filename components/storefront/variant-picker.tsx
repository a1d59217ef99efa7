"use client";

import { useMemo, useState } from "react";
import { formatMoney } from "@/components/ui/format";

export interface PickerVariant {
  id: string;
  sku: string;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  shippable: number;
  pickup: { name: string; city: string; available: number }[];
}

function isInStock(v: PickerVariant): boolean {
  return v.shippable > 0 || v.pickup.some((p) => p.available > 0);
}

/** Option buttons per option name; combinations that don't exist are shown disabled. */
export function VariantPicker({
  optionNames,
  variants,
}: {
  optionNames: string[];
  variants: PickerVariant[];
}) {
  const firstInStock = variants.find(isInStock) ?? variants[0];
  const [selected, setSelected] = useState<string[]>(firstInStock?.optionValues ?? []);

  const valuesByOption = useMemo(
    () =>
      optionNames.map((_, i) => [
        ...new Set(
          variants.map((v) => v.optionValues[i]).filter((x): x is string => !!x),
        ),
      ]),
    [optionNames, variants],
  );

  const variant = variants.find((v) =>
    v.optionValues.every((value, i) => value === selected[i]),
  );

  function variantWith(optionIndex: number, value: string) {
    const wanted = selected.map((s, i) => (i === optionIndex ? value : s));
    return variants.find((v) => v.optionValues.every((x, i) => x === wanted[i]));
  }

  return (
    <div className="mt-4">
      {variant && (
        <p className="text-xl">
          <span
            className={
              variant.compareAtMinor ? "font-semibold text-red-700" : "font-semibold"
            }
          >
            {formatMoney(variant.priceMinor, variant.currency)}
          </span>
          {variant.compareAtMinor && variant.compareAtMinor > variant.priceMinor && (
            <s className="ml-2 text-base text-ink/50">
              {formatMoney(variant.compareAtMinor, variant.currency)}
            </s>
          )}
        </p>
      )}

      {optionNames.map((name, optionIndex) => (
        <fieldset key={name} className="mt-5">
          <legend className="mb-2 text-sm font-medium">
            {name}: <span className="text-ink/70">{selected[optionIndex]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {(valuesByOption[optionIndex] ?? []).map((value) => {
              const candidate = variantWith(optionIndex, value);
              const isSelected = selected[optionIndex] === value;
              const isUnavailable = !candidate || !isInStock(candidate);
              return (
                <button
                  key={value}
                  type="button"
                  disabled={!candidate}
                  aria-pressed={isSelected}
                  onClick={() =>
                    setSelected((s) => s.map((x, i) => (i === optionIndex ? value : x)))
                  }
                  className={`min-h-11 min-w-11 rounded-lg border px-3 text-sm transition ${
                    isSelected
                      ? "border-ink bg-ink text-white"
                      : "border-black/15 bg-white hover:border-ink"
                  } ${isUnavailable ? "line-through opacity-50" : ""} disabled:cursor-not-allowed`}
                >
                  {value}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}

      {variant ? (
        <div
          className="mt-6 rounded-xl bg-white p-4 text-sm shadow-sm"
          aria-live="polite"
        >
          <p className="font-medium">
            {variant.shippable > 0
              ? `In stock for delivery${variant.shippable <= 5 ? ` — only ${variant.shippable} left` : ""}`
              : "Out of stock for delivery"}
          </p>
          <ul className="mt-3 space-y-1">
            {variant.pickup.map((p) => (
              <li key={p.name} className="flex justify-between gap-4">
                <span>
                  {p.name}, {p.city}
                </span>
                <span className={p.available > 0 ? "text-brand-700" : "text-ink/50"}>
                  {p.available > 0
                    ? `Pick up today — ${p.available} left`
                    : "Not available"}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-ink/50">SKU {variant.sku}</p>
        </div>
      ) : (
        <p className="mt-6 text-sm text-ink/60">This combination is not made.</p>
      )}
    </div>
  );
}
