import type { Metadata } from "next";
import { formatMoney } from "@/components/ui/format";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { inventoryAging } from "@/lib/inventory/inventory-aging";
import { AGING_BUCKETS } from "@/lib/inventory/plan-aging";
import { requireStaffPage } from "@/lib/next/session";
import { getSettings } from "@/lib/settings/get-settings";

export const metadata: Metadata = { title: "Inventory aging" };
export const dynamic = "force-dynamic";

/** How old the stock at each location is, first in, first out, from its receipts. */
export default async function AgingPage() {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory/aging");
  const [aging, settings] = await Promise.all([
    inventoryAging(db, { visible: visibleLocationIds(staff) }),
    getSettings(db),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inventory aging</h1>
      <p className="text-sm text-slate-600">
        Units on hand by how long ago they arrived; each sale or move takes the oldest
        units first. Value at cost where cost is known.
      </p>
      {aging.length === 0 ? (
        <p className="text-slate-500">No stock on hand.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th scope="col" className="p-3 font-medium">
                  Location
                </th>
                {AGING_BUCKETS.map((b) => (
                  <th key={b.label} scope="col" className="p-3 text-right font-medium">
                    {b.label}
                  </th>
                ))}
                <th scope="col" className="p-3 text-right font-medium">
                  Units
                </th>
                <th scope="col" className="p-3 text-right font-medium">
                  Average age
                </th>
                <th scope="col" className="p-3 text-right font-medium">
                  Value at cost
                </th>
              </tr>
            </thead>
            <tbody>
              {aging.map((a) => (
                <tr key={a.locationId} className="border-t border-slate-100">
                  <th scope="row" className="p-3 text-left font-medium">
                    {a.location?.code}
                    <span className="block text-xs font-normal text-slate-500">
                      {a.location?.name}
                    </span>
                  </th>
                  {a.buckets.map((b, i) => (
                    <td
                      key={AGING_BUCKETS[i]?.label}
                      className="p-3 text-right tabular-nums"
                    >
                      {b.units || <span className="text-slate-300">0</span>}
                      {b.units > 0 && (
                        <span className="block text-xs text-slate-500">
                          {Math.round((b.units / a.units) * 100)} %
                        </span>
                      )}
                    </td>
                  ))}
                  <td className="p-3 text-right font-semibold tabular-nums">{a.units}</td>
                  <td className="p-3 text-right tabular-nums">{a.averageAgeDays} d</td>
                  <td className="p-3 text-right tabular-nums">
                    {formatMoney(a.costMinor, settings.baseCurrency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
