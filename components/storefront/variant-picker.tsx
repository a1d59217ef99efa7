"use client";

import { useMemo, useState } from "react";
import { formatMoney } from "@/components/ui/format";
import { AddToBag } from "./add-to-bag";
import { BackInStockForm } from "./back-in-stock-form";
import { type AvailabilityStore, StoreAvailability } from "./store-availability";
import { useLiveStock } from "./use-live-stock";

export interface PickerVariant {
  id: string;
  sku: string;
  optionValues: string[];
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  shippable: number;
  pickup: { locationId?: string; name: string; city: string; available: number }[];
}

/** A variant's online price from the pricing engine, with its promotions in words. */
export interface PickerPrice {
  payMinor: number;
  applied: string[];
  nearMisses: string[];
}

function isInStock(v: PickerVariant): boolean {
  return v.shippable > 0 || v.pickup.some((p) => p.available > 0);
}

/** Option buttons per option name; combinations that don't exist are shown disabled. */
export function VariantPicker({
  optionNames,
  variants: rendered,
  prices = {},
  stores = [],
  shipsInDays = 1,
}: {
  optionNames: string[];
  variants: PickerVariant[];
  /** By variant id; a variant without one shows its catalogue price. */
  prices?: Record<string, PickerPrice>;
  stores?: AvailabilityStore[];
  /** Working days before a shipped order leaves the warehouse. */
  shipsInDays?: number;
}) {
  // Stock figures follow the events stream while the page is open; the
  // rendered ones come from the cached page and may be a little old.
  const { variants, isLive } = useLiveStock(rendered);
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

  const price = variant ? prices[variant.id] : undefined;
  const payMinor = price?.payMinor ?? variant?.priceMinor ?? 0;
  // The higher of the marked-down "was" price and the pre-promotion price.
  const wasMinor = variant
    ? Math.max(variant.compareAtMinor ?? 0, variant.priceMinor)
    : 0;
  const isReduced = variant !== undefined && wasMinor > payMinor;
  const availableByStore: Record<string, number> = {};
  for (const p of variant?.pickup ?? [])
    if (p.locationId) availableByStore[p.locationId] = p.available;

  return (
    <div className="mt-4">
      <div className="min-h-8">
        {variant && (
          <p className="text-xl" data-testid="price">
            <span className={isReduced ? "font-semibold text-red-700" : "font-semibold"}>
              {formatMoney(payMinor, variant.currency)}
            </span>
            {isReduced && (
              <s className="ml-2 text-base text-ink/70">
                <span className="sr-only">was </span>
                {formatMoney(wasMinor, variant.currency)}
              </s>
            )}
          </p>
        )}
      </div>
      {price && (price.applied.length > 0 || price.nearMisses.length > 0) && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Offers">
          {price.applied.map((line) => (
            <li key={line} className="text-red-700">
              {line}
            </li>
          ))}
          {price.nearMisses.map((line) => (
            <li key={line} className="text-ink/70">
              {line}
            </li>
          ))}
        </ul>
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
                  aria-label={
                    !candidate
                      ? `${value}, not made in this combination`
                      : isUnavailable
                        ? `${value}, out of stock`
                        : undefined
                  }
                  onClick={() =>
                    setSelected((s) => s.map((x, i) => (i === optionIndex ? value : x)))
                  }
                  // Unavailable: struck through on a dashed border, still readable
                  // (fading it would fail contrast for people who need it most).
                  className={`min-h-11 min-w-11 rounded-lg border px-3 text-sm transition ${
                    isSelected
                      ? "border-ink bg-ink text-white"
                      : isUnavailable
                        ? "border-dashed border-black/30 bg-white text-ink/70 hover:border-ink"
                        : "border-black/15 bg-white hover:border-ink"
                  } ${isUnavailable ? "line-through" : ""} disabled:cursor-not-allowed`}
                >
                  {value}
                </button>
              );
            })}
          </div>
        </fieldset>
      ))}

      {variant ? (
        <>
          <AddToBag
            variantId={variant.id}
            canShip={variant.shippable > 0}
            pickupStores={stores.filter((s) => (availableByStore[s.id] ?? 0) > 0)}
          />
          <div
            className="mt-6 rounded-xl bg-white p-4 text-sm shadow-sm"
            aria-live="polite"
            data-testid="availability"
            data-stock={isLive ? "live" : "rendered"}
          >
            <p className="font-medium">
              {variant.shippable > 0
                ? `Delivery: in stock, ships in ${shipsInDays} working ${shipsInDays === 1 ? "day" : "days"}${variant.shippable <= 5 ? ` — only ${variant.shippable} left` : ""}`
                : "Delivery: out of stock"}
            </p>
            <StoreAvailability stores={stores} availableByStore={availableByStore} />
            <p className="mt-3 text-xs text-ink/70">SKU {variant.sku}</p>
          </div>
          {!isInStock(variant) && <BackInStockForm variantId={variant.id} />}
        </>
      ) : (
        <p className="mt-6 text-sm text-ink/70">This combination is not made.</p>
      )}
    </div>
  );
}
