"use client";

import { useId, useState, useTransition } from "react";
import { addToBagAction } from "@/app/(storefront)/cart/actions";
import { openBagDrawer, useBag } from "./bag/use-bag";
import type { AvailabilityStore } from "./store-availability";
import { usePreferredPlace } from "./use-preferred-place";

/**
 * Choose delivery or a store to collect from, then add to the bag. Only
 * ways that have stock are offered; the cart checks again when adding.
 */
export function AddToBag({
  variantId,
  canShip,
  pickupStores,
}: {
  variantId: string;
  canShip: boolean;
  /** Stores with stock of this variant to collect. */
  pickupStores: AvailabilityStore[];
}) {
  const id = useId();
  const { apply } = useBag();
  const [place] = usePreferredPlace();
  const [method, setMethod] = useState<"SHIP" | "PICKUP" | null>(null);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const preferred = pickupStores.find((s) => s.code === place?.storeCode);
  const chosenMethod =
    method ?? (canShip ? "SHIP" : pickupStores.length > 0 ? "PICKUP" : null);
  const chosenStore =
    pickupStores.find((s) => s.id === storeId) ?? preferred ?? pickupStores[0] ?? null;
  const canAdd =
    chosenMethod === "SHIP" ? canShip : chosenMethod === "PICKUP" && chosenStore !== null;

  function onAdd() {
    if (!canAdd || !chosenMethod) return;
    startTransition(async () => {
      const result = await apply(
        addToBagAction({
          variantId,
          quantity: 1,
          fulfillment: chosenMethod,
          locationId: chosenMethod === "PICKUP" ? chosenStore?.id : null,
        }),
      );
      if (result.ok) {
        setError(null);
        openBagDrawer();
      } else {
        setError(result.message);
      }
    });
  }

  if (!canShip && pickupStores.length === 0) return null;

  return (
    <div className="mt-6 space-y-3">
      <fieldset>
        <legend className="sr-only">How you get it</legend>
        <div className="grid gap-2">
          <label
            className={`flex min-h-11 items-center gap-3 rounded-lg border bg-white px-3 text-sm ${chosenMethod === "SHIP" ? "border-ink" : "border-black/15"} ${canShip ? "" : "opacity-50"}`}
          >
            <input
              type="radio"
              name={`${id}-method`}
              checked={chosenMethod === "SHIP"}
              disabled={!canShip}
              onChange={() => setMethod("SHIP")}
              className="size-5 accent-brand-600"
            />
            Delivery
          </label>
          <label
            className={`flex min-h-11 items-center gap-3 rounded-lg border bg-white px-3 text-sm ${chosenMethod === "PICKUP" ? "border-ink" : "border-black/15"} ${pickupStores.length > 0 ? "" : "opacity-50"}`}
          >
            <input
              type="radio"
              name={`${id}-method`}
              checked={chosenMethod === "PICKUP"}
              disabled={pickupStores.length === 0}
              onChange={() => setMethod("PICKUP")}
              className="size-5 accent-brand-600"
            />
            {pickupStores.length > 0
              ? "Collect from a store"
              : "Collect: not in stock nearby"}
          </label>
        </div>
      </fieldset>
      {chosenMethod === "PICKUP" && pickupStores.length > 0 && (
        <label className="block text-sm">
          <span className="mb-1 block">Store</span>
          <select
            value={chosenStore?.id ?? ""}
            onChange={(event) => setStoreId(event.target.value)}
            className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
          >
            {pickupStores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        onClick={onAdd}
        disabled={!canAdd || isPending}
        className="min-h-12 w-full rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isPending ? "Adding…" : "Add to bag"}
      </button>
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}
