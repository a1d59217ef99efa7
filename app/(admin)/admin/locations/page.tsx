import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { listLocations } from "@/lib/locations/queries";
import { LOCATION_KIND_LABELS } from "@/lib/locations/schemas";
import { tradingStatus } from "@/lib/locations/trading";
import { requireStaffPage } from "@/lib/next/session";
import { describeTradingStatus } from "./trading-label";

export const metadata: Metadata = { title: "Locations" };
export const dynamic = "force-dynamic";

export default async function AdminLocationsPage() {
  const staff = await requireStaffPage("admin:access", "/admin/locations");
  const locations = await listLocations(db, staff);
  const canManage = can(staff, "locations:manage");
  const now = new Date();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Locations</h1>
        {canManage && (
          <Link
            href="/admin/locations/new"
            className="ml-auto inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          >
            New location
          </Link>
        )}
      </div>
      <DataTable
        rows={locations}
        rowKey={(l) => l.id}
        empty="No locations yet."
        columns={[
          {
            header: "Location",
            cell: (l) => (
              <>
                <Link
                  href={`/admin/locations/${l.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {l.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{l.code}</span>
              </>
            ),
          },
          { header: "Kind", cell: (l) => LOCATION_KIND_LABELS[l.kind] },
          {
            header: "Address",
            cell: (l) => `${l.addressLine1}, ${l.city} ${l.postalCode}`,
          },
          {
            header: "Does",
            cell: (l) =>
              [
                l.canSellInStore && "sells at the counter",
                l.canShip && "ships",
                l.canPickup && "pickup",
              ]
                .filter(Boolean)
                .join(", ") || "—",
          },
          {
            header: "Hours",
            cell: (l) => {
              const hours = readWeeklyHours(l.openingHours);
              return Object.keys(hours).length > 0
                ? describeWeeklyHours(hours)
                : "Not set";
            },
          },
          {
            header: "Registers",
            cell: (l) => l.registers.filter((r) => r.isActive).length,
            align: "right",
          },
          { header: "Status", cell: (l) => describeTradingStatus(tradingStatus(l, now)) },
        ]}
      />
    </div>
  );
}
