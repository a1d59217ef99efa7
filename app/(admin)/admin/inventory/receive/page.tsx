import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { ReceiveStockForm } from "@/components/admin/inventory/receive-stock-form";
import { can, visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listVisibleLocations } from "@/lib/inventory/queries";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Receive stock" };
export const dynamic = "force-dynamic";

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** Goods in: receive a delivery, and the latest deliveries received. */
export default async function ReceivePage() {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory/receive");
  const visible = visibleLocationIds(staff);
  const locations = (await listVisibleLocations(db, visible)).filter((l) =>
    can(staff, "inventory:receive", { locationId: l.id }),
  );
  const receipts = await db.stockReceipt.findMany({
    where: { locationId: visible ? { in: visible } : undefined },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { location: { select: { code: true } } },
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Receive stock</h1>
      {locations.length > 0 ? (
        <Panel title="New delivery">
          <ReceiveStockForm
            locations={locations.map((l) => ({ code: l.code, name: l.name }))}
          />
        </Panel>
      ) : (
        <p className="text-slate-600">You may not receive stock at any location.</p>
      )}
      <Panel title="Latest deliveries">
        <DataTable
          rows={receipts}
          rowKey={(r) => r.id}
          empty="No deliveries received here yet."
          columns={[
            { header: "Received", cell: (r) => date.format(r.receivedAt) },
            { header: "Location", cell: (r) => r.location.code },
            { header: "Reference", cell: (r) => r.reference ?? "—" },
            { header: "Note", cell: (r) => r.note ?? "" },
          ]}
        />
      </Panel>
    </div>
  );
}
