import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { CountStartForm } from "@/components/admin/inventory/count-start-form";
import { can, visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listCounts, listVisibleLocations } from "@/lib/inventory/queries";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Cycle counts" };
export const dynamic = "force-dynamic";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

/** Cycle counts at the reader's locations, and a form to start one. */
export default async function CountsPage() {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory/counts");
  const visible = visibleLocationIds(staff);
  const [counts, locations] = await Promise.all([
    listCounts(db, { visible, take: 100 }),
    listVisibleLocations(db, visible),
  ]);
  const countable = locations.filter((l) =>
    can(staff, "inventory:count", { locationId: l.id }),
  );

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cycle counts</h1>
      {countable.length > 0 && (
        <Panel title="Start a count">
          <CountStartForm
            locations={countable.map((l) => ({ code: l.code, name: l.name }))}
          />
        </Panel>
      )}
      <DataTable
        rows={counts}
        rowKey={(c) => c.id}
        empty="No counts yet."
        columns={[
          {
            header: "Count",
            cell: (c) => (
              <Link
                href={`/admin/inventory/counts/${c.id}`}
                className="font-mono font-medium text-brand-700 hover:underline"
              >
                {c.number}
              </Link>
            ),
          },
          { header: "Location", cell: (c) => c.location.code },
          { header: "Zone", cell: (c) => c.binPrefix ?? "Whole location" },
          { header: "Status", cell: (c) => c.status.toLowerCase() },
          { header: "Items counted", align: "right", cell: (c) => c._count.lines },
          { header: "Started", cell: (c) => dateTime.format(c.startedAt) },
        ]}
      />
    </div>
  );
}
