"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatMoney } from "@/components/ui/format";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { useLiveLookup } from "./use-live-lookup";

interface Store {
  id: string;
  name: string;
  city: string;
  registers: { id: string; name: string }[];
}

interface LookupResult {
  id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: string;
  priceMinor: number;
  currency: string;
  here: number;
  elsewhere: { name: string; available: number }[];
}

const STATION_KEY = "omnitill.pos.station";

async function lookup(q: string, locationId: string): Promise<LookupResult[]> {
  const params = new URLSearchParams({ q, locationId });
  const response = await fetch(`/api/pos/variants?${params}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.title ?? "The lookup failed.");
  return body.results;
}

/** The associate's screen: choose store and register, then look items up. */
export function PosTerminal({
  staff,
  stores,
}: {
  staff: { name: string; role: string };
  stores: Store[];
}) {
  const [station, setStation] = useState<{ storeId: string; registerId: string } | null>(
    null,
  );
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState("");

  useEffect(() => {
    const saved = localStorage.getItem(STATION_KEY);
    if (!saved) return;
    const parsed = JSON.parse(saved) as { storeId: string; registerId: string };
    if (stores.some((s) => s.id === parsed.storeId)) setStation(parsed);
  }, [stores]);

  const store = stores.find((s) => s.id === station?.storeId);
  const register = store?.registers.find((r) => r.id === station?.registerId);

  const results = useQuery({
    queryKey: ["pos-lookup", submitted, station?.storeId],
    queryFn: () => lookup(submitted, station?.storeId ?? ""),
    enabled: submitted.length > 0 && !!station,
  });
  // Stock shown for the results follows this store's events.
  useLiveLookup({
    storeId: station?.storeId,
    variantIds: results.data?.map((r) => r.id) ?? [],
    queryKey: ["pos-lookup"],
  });

  function chooseStation(storeId: string, registerId: string) {
    const next = { storeId, registerId };
    localStorage.setItem(STATION_KEY, JSON.stringify(next));
    setStation(next);
  }

  if (!store || !register) {
    return (
      <div className="flex-1 overflow-y-auto p-4">
        <h1 className="text-xl font-bold">Hello, {staff.name}</h1>
        <p className="mt-1 text-white/70">
          Choose the store and register you are working at.
        </p>
        {stores.length === 0 && (
          <p className="mt-6 rounded-xl bg-white/10 p-4">
            You are not assigned to a store that sells at the counter. Ask a manager.
          </p>
        )}
        <ul className="mt-6 space-y-4">
          {stores.map((s) => (
            <li key={s.id} className="rounded-2xl bg-white/10 p-4">
              <p className="font-semibold">
                {s.name} <span className="font-normal text-white/60">· {s.city}</span>
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                {s.registers.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    onClick={() => chooseStation(s.id, r.id)}
                    className="min-h-12 rounded-xl bg-white px-4 font-semibold text-brand-900"
                  >
                    {r.name}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-8">
          <SignOutButton className="min-h-11 rounded-lg border border-white/30 px-4" />
        </div>
      </div>
    );
  }

  return (
    <>
      <header className="flex items-center gap-3 border-b border-white/10 px-4 py-3">
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold">{store.name}</p>
          <p className="truncate text-sm text-white/60">
            {register.name} · {staff.name} ({staff.role})
          </p>
        </div>
        <button
          type="button"
          onClick={() => setStation(null)}
          className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
        >
          Change
        </button>
      </header>

      <form
        className="flex gap-2 p-4"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <label className="sr-only" htmlFor="pos-lookup">
          Barcode, SKU or name
        </label>
        <input
          id="pos-lookup"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Scan or type barcode, SKU or name"
          inputMode="search"
          autoComplete="off"
          className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-4 text-ink placeholder:text-ink/50"
        />
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-brand-500 px-5 font-semibold"
        >
          Find
        </button>
      </form>

      <section aria-live="polite" className="flex-1 overflow-y-auto px-4 pb-4">
        {results.isFetching && <p className="text-white/70">Looking up…</p>}
        {results.error && <p className="text-red-300">{results.error.message}</p>}
        {results.data && results.data.length === 0 && (
          <p className="text-white/70">Nothing in the catalogue matches “{submitted}”.</p>
        )}
        <ul className="space-y-3">
          {results.data?.map((r) => (
            <li key={r.id} className="rounded-2xl bg-white p-4 text-ink">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-semibold">{r.title}</p>
                  <p className="text-sm text-ink/60">
                    {r.options} · {r.sku}
                  </p>
                </div>
                <p className="text-lg font-bold">
                  {formatMoney(r.priceMinor, r.currency)}
                </p>
              </div>
              <p
                className={`mt-2 text-sm ${r.here > 0 ? "text-brand-700" : "text-red-700"}`}
              >
                {r.here > 0 ? `${r.here} in this store` : "None in this store"}
              </p>
              {r.elsewhere.length > 0 && (
                <p className="mt-1 text-sm text-ink/60">
                  Elsewhere:{" "}
                  {r.elsewhere.map((e) => `${e.name} ${e.available}`).join(", ")}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
