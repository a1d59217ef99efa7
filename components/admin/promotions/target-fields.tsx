"use client";

import { useState } from "react";
import type { ItemSet, ItemTarget } from "@/lib/pricing";
import { INPUT_CLASS } from "../form-controls";
import { CheckboxList } from "./fields";

export interface TargetOptions {
  categories: { id: string; label: string }[];
  collections: { id: string; label: string }[];
  products: { id: string; label: string }[];
}

/** Which items a promotion looks at: everything, or listed categories, collections, products. */
export function TargetFields({
  legend,
  name,
  target,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  target: ItemTarget;
  options: TargetOptions;
  onChange: (target: ItemTarget) => void;
  error?: string;
}) {
  const set = (patch: Partial<ItemTarget>) => onChange({ ...target, ...patch });
  const exclusions =
    target.exclude.categoryIds.length +
    target.exclude.collectionIds.length +
    target.exclude.productIds.length;

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {(["all", "listed"] as const).map((scope) => (
          <label key={scope} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${name}-scope`}
              className="size-4"
              checked={target.scope === scope}
              onChange={() => set({ scope })}
            />
            {scope === "all" ? "Every item" : "Only the items listed"}
          </label>
        ))}
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
      {target.scope === "listed" && (
        <ItemSetFields
          set={target}
          options={options}
          onChange={(ids) => set(ids)}
          label="Items"
        />
      )}
      <details open={exclusions > 0}>
        <summary className="cursor-pointer text-sm text-slate-600">
          Exclusions{exclusions > 0 ? ` (${exclusions})` : ""}
        </summary>
        <div className="mt-2">
          <ItemSetFields
            set={target.exclude}
            options={options}
            onChange={(ids) => set({ exclude: { ...target.exclude, ...ids } })}
            label="Excluded"
          />
        </div>
      </details>
    </fieldset>
  );
}

function ItemSetFields({
  set,
  options,
  onChange,
  label,
}: {
  set: ItemSet;
  options: TargetOptions;
  onChange: (ids: Partial<ItemSet>) => void;
  label: string;
}) {
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  // Chosen products stay visible whatever the filter says.
  const products = options.products.filter(
    (p) =>
      set.productIds.includes(p.id) || !needle || p.label.toLowerCase().includes(needle),
  );
  const chosen = [
    ...options.categories.filter((c) => set.categoryIds.includes(c.id)),
    ...options.collections.filter((c) => set.collectionIds.includes(c.id)),
    ...options.products.filter((p) => set.productIds.includes(p.id)),
  ];
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="target-summary">
        <span className="font-medium">{label}: </span>
        {chosen.length > 0 ? (
          chosen.map((c) => c.label).join(", ")
        ) : (
          <span className="text-slate-500">nothing chosen yet</span>
        )}
      </p>
      <CheckboxList
        legend={`${label} categories (with their subcategories)`}
        options={options.categories}
        selected={set.categoryIds}
        onChange={(categoryIds) => onChange({ categoryIds })}
        isScrollable
      />
      {options.collections.length > 0 && (
        <CheckboxList
          legend={`${label} collections`}
          options={options.collections}
          selected={set.collectionIds}
          onChange={(collectionIds) => onChange({ collectionIds })}
        />
      )}
      <div className="space-y-1">
        <input
          type="search"
          aria-label={`Filter products (${label.toLowerCase()})`}
          placeholder="Filter products"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className={INPUT_CLASS}
        />
        <CheckboxList
          legend={`${label} products`}
          options={products}
          selected={set.productIds}
          onChange={(productIds) => onChange({ productIds })}
          isScrollable
        />
      </div>
      {set.variantIds.length > 0 && (
        <p className="text-xs text-slate-500">
          Also {set.variantIds.length} variant{set.variantIds.length === 1 ? "" : "s"} set
          through the API.
        </p>
      )}
    </div>
  );
}
