import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { listPickupStores } from "@/lib/storefront/list-pickup-stores";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Our stores",
  description: "Find a store: addresses, opening hours and collection of online orders.",
};

export default async function StoresPage() {
  const stores = await listPickupStores(db);
  return (
    <div className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Our stores</h1>
      <p className="mt-2 text-ink/70">
        Order online and collect from any of these stores, often the same day.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {stores.map((store) => {
          const hours = readWeeklyHours(store.openingHours);
          return (
            <li key={store.id} className="rounded-xl bg-white p-4 text-sm shadow-sm">
              <h2 className="text-base font-semibold">{store.name}</h2>
              <address className="mt-1 not-italic text-ink/70">
                {[store.addressLine1, store.addressLine2, store.city, store.postalCode]
                  .filter(Boolean)
                  .join(", ")}
              </address>
              {store.phone && <p className="text-ink/70">{store.phone}</p>}
              <p className="mt-2">
                {Object.keys(hours).length > 0
                  ? describeWeeklyHours(hours)
                  : "Opening hours to be announced"}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
