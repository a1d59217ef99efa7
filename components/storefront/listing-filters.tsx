"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState, useTransition } from "react";
import type { ListingFacets } from "@/lib/catalog/list-category-products";
import type { ListingParams } from "@/lib/catalog/listing-params";
import { distanceKm } from "@/lib/geo/geocode-place";
import { usePreferredPlace } from "./use-preferred-place";

const SORT_LABELS = {
  featured: "Featured",
  newest: "Newest",
  "price-asc": "Price, low to high",
  "price-desc": "Price, high to low",
} as const;

const chipClass =
  "inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border " +
  "border-black/15 bg-white px-3 text-sm has-[:checked]:border-ink has-[:checked]:bg-ink " +
  "has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500";

/**
 * The filters and sort of a listing, as a plain GET form: it works without
 * JavaScript, and with it each change applies at once without a reload.
 * On a phone the form folds behind a "Filter and sort" button.
 */
export function ListingFilters({
  basePath,
  params,
  facets,
  stores,
  total,
}: {
  basePath: string;
  params: ListingParams;
  facets: ListingFacets;
  stores: { code: string; name: string; latitude: number; longitude: number }[];
  total: number;
}) {
  const router = useRouter();
  // "Near me": the shopper's own store first, then the nearest to their place.
  const [place] = usePreferredPlace();
  const storeOptions = place
    ? [...stores].sort(
        (a, b) =>
          Number(b.code === place.storeCode) - Number(a.code === place.storeCode) ||
          distanceKm(place, a) - distanceKm(place, b),
      )
    : stores;
  const [isOpen, setIsOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const panelId = useId();
  const activeCount =
    params.sizes.length +
    params.colours.length +
    (params.minPrice !== undefined ? 1 : 0) +
    (params.maxPrice !== undefined ? 1 : 0) +
    (params.isForDelivery ? 1 : 0) +
    (params.storeCode ? 1 : 0);

  function apply(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "")
        query.append(key, value.trim());
    }
    if (query.get("sort") === "featured") query.delete("sort");
    const text = query.toString();
    startTransition(() => {
      router.replace(`${basePath}${text ? `?${text}` : ""}`, { scroll: false });
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(event.currentTarget);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    // Typed prices apply on "Apply" or Enter, not at every keystroke.
    const target = event.target as HTMLInputElement;
    if (target.type === "number") return;
    apply(event.currentTarget);
  }

  return (
    <div className="mb-6 md:mb-0">
      <div className="flex items-center justify-between gap-3 md:hidden">
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setIsOpen((open) => !open)}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-black/15 bg-white px-4 text-sm font-medium"
        >
          Filter and sort{activeCount > 0 ? ` (${activeCount})` : ""}
        </button>
        <p className="text-sm text-ink/70" aria-live="polite">
          {isPending ? "Updating…" : `${total} ${total === 1 ? "product" : "products"}`}
        </p>
      </div>
      <form
        // A new URL (say "Clear all") starts the form afresh from it.
        key={JSON.stringify(params)}
        id={panelId}
        action={basePath}
        method="get"
        onSubmit={onSubmit}
        onChange={onChange}
        aria-label="Filter and sort"
        className={`${isOpen ? "block" : "hidden"} mt-4 space-y-6 rounded-xl bg-white p-4 shadow-sm md:mt-0 md:block md:bg-transparent md:p-0 md:shadow-none`}
      >
        <p className="hidden text-sm text-ink/70 md:block" aria-live="polite">
          {isPending ? "Updating…" : `${total} ${total === 1 ? "product" : "products"}`}
        </p>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Sort by</span>
          <select
            name="sort"
            defaultValue={params.sort}
            className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>

        <fieldset>
          <legend className="mb-2 text-sm font-medium">Availability</legend>
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="checkbox"
              name="delivery"
              value="1"
              defaultChecked={params.isForDelivery}
              className="size-5 accent-brand-600"
            />
            Available for delivery
          </label>
          <label className="mt-2 block text-sm">
            <span className="mb-1 block">In stock to collect today at</span>
            <select
              name="store"
              defaultValue={params.storeCode ?? ""}
              className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
            >
              <option value="">Any store or none</option>
              {storeOptions.map((store) => (
                <option key={store.code} value={store.code}>
                  {store.name}
                  {place?.storeCode === store.code ? " (your store)" : ""}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        {facets.sizes.length > 0 && (
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Size</legend>
            <div className="flex flex-wrap gap-2">
              {facets.sizes.map(({ value }) => (
                <label key={value} className={chipClass}>
                  <input
                    type="checkbox"
                    name="size"
                    value={value}
                    defaultChecked={params.sizes.includes(value)}
                    className="sr-only"
                  />
                  {value}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {facets.colours.length > 0 && (
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Colour</legend>
            <div className="flex flex-wrap gap-2">
              {facets.colours.map(({ value }) => (
                <label key={value} className={chipClass}>
                  <input
                    type="checkbox"
                    name="colour"
                    value={value}
                    defaultChecked={params.colours.includes(value)}
                    className="sr-only"
                  />
                  {value}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend className="mb-2 text-sm font-medium">Price (£)</legend>
          <div className="flex items-end gap-2">
            <label className="flex-1 text-sm">
              <span className="mb-1 block">From</span>
              <input
                type="number"
                name="min"
                inputMode="numeric"
                min={0}
                step={1}
                defaultValue={params.minPrice}
                placeholder={
                  facets.minPriceMinor === null
                    ? "0"
                    : String(Math.floor(facets.minPriceMinor / 100))
                }
                className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
              />
            </label>
            <label className="flex-1 text-sm">
              <span className="mb-1 block">To</span>
              <input
                type="number"
                name="max"
                inputMode="numeric"
                min={0}
                step={1}
                defaultValue={params.maxPrice}
                placeholder={
                  facets.maxPriceMinor === null
                    ? ""
                    : String(Math.ceil(facets.maxPriceMinor / 100))
                }
                className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
              />
            </label>
          </div>
        </fieldset>

        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="min-h-11 flex-1 rounded-lg bg-ink px-4 font-semibold text-white"
          >
            Apply
          </button>
          {activeCount > 0 && (
            <Link
              href={basePath}
              className="inline-flex min-h-11 items-center px-2 text-sm underline"
            >
              Clear all
            </Link>
          )}
        </div>
      </form>
    </div>
  );
}
