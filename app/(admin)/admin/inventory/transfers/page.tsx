import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { TransferForm } from "@/components/admin/inventory/transfer-form";
import { can, visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listTransfers } from "@/lib/inventory/queries";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Transfers" };
export const dynamic = "force-dynamic";

const STATUSES = ["REQUESTED", "SHIPPED", "RECEIVED", "CANCELLED"] as const;
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Transfers touching the locations the reader may see, and a form for a new one. */
export default async function TransfersPage({ searchParams }: Props) {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory/transfers");
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const transfers = await listTransfers(db, {
    visible: visibleLocationIds(staff),
    status,
    take: 100,
  });
  const locations = await db.location.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
    select: { code: true, name: true },
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Transfers</h1>
      {can(staff, "inventory:transfer") && (
        <Panel title="New transfer">
          <TransferForm locations={locations} />
        </Panel>
      )}
      <nav aria-label="Transfer status" className="flex flex-wrap gap-2 text-sm">
        {[undefined, ...STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `?status=${s}` : "?"}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${
              s === status
                ? "bg-brand-600 text-white"
                : "bg-white text-slate-700 shadow-sm"
            }`}
          >
            {s ? s.charAt(0) + s.slice(1).toLowerCase() : "All"}
          </Link>
        ))}
      </nav>
      <DataTable
        rows={transfers}
        rowKey={(t) => t.id}
        empty="No transfers."
        columns={[
          {
            header: "Transfer",
            cell: (t) => (
              <Link
                href={`/admin/inventory/transfers/${t.id}`}
                className="font-mono font-medium text-brand-700 hover:underline"
              >
                {t.number}
              </Link>
            ),
          },
          { header: "From", cell: (t) => t.fromLocation.code },
          { header: "To", cell: (t) => t.toLocation.code },
          { header: "Status", cell: (t) => t.status.toLowerCase() },
          {
            header: "Units",
            align: "right",
            cell: (t) =>
              t.lines.reduce(
                (n, l) =>
                  n +
                  (t.status === "REQUESTED" ? l.quantityRequested : l.quantityShipped),
                0,
              ),
          },
          { header: "Requested", cell: (t) => date.format(t.requestedAt) },
        ]}
      />
    </div>
  );
}
