import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Locations" };
export const dynamic = "force-dynamic";

const KIND_LABEL = {
  WAREHOUSE: "Warehouse",
  STORE: "Store",
  DARK_STORE: "Dark store",
  POPUP: "Pop-up",
} as const;

export default async function AdminLocationsPage() {
  const staff = await requireStaffPage("admin:access", "/admin/locations");
  const scope = visibleLocationIds(staff);
  const locations = await db.location.findMany({
    where: scope ? { id: { in: scope } } : {},
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: { _count: { select: { registers: true } } },
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Locations</h1>
      <DataTable
        rows={locations}
        rowKey={(l) => l.id}
        empty="No locations yet."
        columns={[
          {
            header: "Location",
            cell: (l) => (
              <>
                <span className="font-medium">{l.name}</span>
                <span className="block font-mono text-xs text-slate-500">{l.code}</span>
              </>
            ),
          },
          { header: "Kind", cell: (l) => KIND_LABEL[l.kind] },
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
          { header: "Registers", cell: (l) => l._count.registers, align: "right" },
          { header: "Status", cell: (l) => (l.isActive ? "Active" : "Inactive") },
        ]}
      />
    </div>
  );
}
