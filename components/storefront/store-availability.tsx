"use client";

import { type FormEvent, useId, useState } from "react";
import { distanceKm, geocodePlace } from "@/lib/geo/geocode-place";
import type { PickupWhen } from "@/lib/storefront/pickup-promise";
import { usePreferredPlace } from "./use-preferred-place";

/** A store that offers pickup, as the product page shows it. */
export interface AvailabilityStore {
  /** The location's id, as the stock figures name it. */
  id: string;
  code: string;
  name: string;
  city: string;
  address: string;
  latitude: number;
  longitude: number;
  /** When stock there now could be collected. */
  when: PickupWhen;
  /** "Mon–Sat 09:00–18:00", or null when not published. */
  hours: string | null;
}

const SHOWN = 3;
const WHEN_TEXT: Record<PickupWhen, string> = {
  today: "Pick up today",
  tomorrow: "Pick up tomorrow",
  later: "Pick up when the store reopens",
};

/**
 * Stock to collect at the stores nearest the shopper's postcode or town
 * (remembered on the device), or at the store they chose.
 */
export function StoreAvailability({
  stores,
  availableByStore,
}: {
  stores: AvailabilityStore[];
  /** Units available to collect, by location id, for the chosen variant. */
  availableByStore: Record<string, number>;
}) {
  const [place, setPlace] = usePreferredPlace();
  const [isEditing, setIsEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const ranked = place
    ? stores
        .map((store) => ({ store, km: distanceKm(place, store) }))
        .sort(
          (a, b) =>
            Number(b.store.code === place.storeCode) -
              Number(a.store.code === place.storeCode) || a.km - b.km,
        )
    : stores.map((store) => ({ store, km: null as number | null }));
  const shown = ranked.slice(0, SHOWN);

  function onFind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("place") ?? "");
    const found = geocodePlace(text);
    if (!found) {
      setError("We don’t recognise that. Try a UK postcode like M20 2NT, or a town.");
      return;
    }
    setError(null);
    setIsEditing(false);
    setPlace(found);
  }

  function onChooseStore(store: AvailabilityStore) {
    setPlace({
      label: store.name,
      latitude: store.latitude,
      longitude: store.longitude,
      storeCode: store.code,
    });
  }

  const isAsking = !place || isEditing;

  return (
    <section
      aria-labelledby={`${inputId}-heading`}
      className="mt-4 border-t border-black/5 pt-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${inputId}-heading`} className="font-medium">
          {place && !isEditing ? `Collect near ${place.label}` : "Collect in store"}
        </h3>
        {place && !isEditing && (
          <button
            type="button"
            onClick={() => setIsEditing(true)}
            className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm underline"
          >
            Change
          </button>
        )}
      </div>

      {isAsking && (
        <form onSubmit={onFind} className="mt-2 flex gap-2" noValidate>
          <label htmlFor={inputId} className="sr-only">
            Postcode or town
          </label>
          <input
            id={inputId}
            name="place"
            autoComplete="postal-code"
            placeholder="Postcode or town"
            defaultValue={place?.label ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-black/15 bg-white px-3"
          />
          <button
            type="submit"
            className="min-h-11 shrink-0 rounded-lg border border-ink px-4 text-sm font-medium"
          >
            Find stores
          </button>
        </form>
      )}
      <p
        id={`${inputId}-error`}
        role="alert"
        className="text-sm text-red-700 empty:hidden"
      >
        {error}
      </p>

      <ul className="mt-2 divide-y divide-black/5">
        {shown.map(({ store, km }) => {
          const available = availableByStore[store.id] ?? 0;
          const isChosen = place?.storeCode === store.code;
          return (
            <li key={store.code} className="py-2" data-store={store.code}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    {store.name}
                    {isChosen && (
                      <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">
                        Your store
                      </span>
                    )}
                  </p>
                  <p className="text-xs text-ink/70">
                    {store.address}
                    {km !== null && ` · ${km < 1 ? "under 1" : Math.round(km)} km`}
                  </p>
                </div>
                <p
                  className={`shrink-0 text-right text-sm ${available > 0 ? "text-brand-700" : "text-ink/70"}`}
                >
                  {available > 0
                    ? `${WHEN_TEXT[store.when]} — ${available} left`
                    : "Not in stock here"}
                </p>
              </div>
              {!isChosen && (
                <button
                  type="button"
                  onClick={() => onChooseStore(store)}
                  className="mt-1 inline-flex min-h-11 items-center text-sm underline"
                  aria-label={`Make this my store: ${store.name}`}
                >
                  Make this my store
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!place && stores.length > SHOWN && (
        <p className="text-xs text-ink/70">
          Enter a postcode to see the {SHOWN} stores nearest you.
        </p>
      )}
    </section>
  );
}
