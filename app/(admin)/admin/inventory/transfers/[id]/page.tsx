import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { TransferActions } from "@/components/admin/inventory/transfer-actions";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { loadTransfer } from "@/lib/inventory/transfers";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Transfer" };
export const dynamic = "force-dynamic";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

type Props = { params: Promise<{ id: string }> };

/** One transfer: its lines, what shipped and arrived, and the next step. */
export default async function TransferPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage(
    "inventory:read",
    `/admin/inventory/transfers/${id}`,
  );
  const transfer = await loadTransfer(db, id);
  const isVisible =
    transfer &&
    [transfer.fromLocationId, transfer.toLocationId].some((locationId) =>
      can(staff, "inventory:read", { locationId }),
    );
  if (!transfer || !isVisible) notFound();

  const isReceived = transfer.status === "RECEIVED";
  const timeline = [
    ["Requested", transfer.requestedAt],
    ["Shipped", transfer.shippedAt],
    ["Received", transfer.receivedAt],
    ["Cancelled", transfer.cancelledAt],
  ].filter((step): step is [string, Date] => step[1] instanceof Date);

  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/admin/inventory/transfers"
          className="text-sm text-brand-700 hover:underline"
        >
          ← Transfers
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          Transfer <span className="font-mono">{transfer.number}</span>
        </h1>
        <p className="text-sm text-slate-600">
          {transfer.fromLocation.name} → {transfer.toLocation.name} ·{" "}
          <strong>{transfer.status.toLowerCase()}</strong>
        </p>
        <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-500">
          {timeline.map(([label, at]) => (
            <li key={label}>
              {label} {dateTime.format(at)}
            </li>
          ))}
        </ul>
        {transfer.note && <p className="mt-2 text-sm">{transfer.note}</p>}
      </div>

      <Panel title="Lines">
        <DataTable
          rows={transfer.lines}
          rowKey={(l) => l.id}
          empty="No lines."
          columns={[
            {
              header: "SKU",
              cell: (l) => <span className="font-mono">{l.variant.sku}</span>,
            },
            { header: "Requested", align: "right", cell: (l) => l.quantityRequested },
            {
              header: "Shipped",
              align: "right",
              cell: (l) => (transfer.shippedAt ? l.quantityShipped : "—"),
            },
            {
              header: "Received",
              align: "right",
              cell: (l) => (isReceived ? l.quantityReceived : "—"),
            },
            {
              header: "Discrepancy",
              align: "right",
              cell: (l) =>
                isReceived && l.discrepancy !== 0 ? (
                  <span
                    className="font-semibold text-red-700"
                    title={l.discrepancyNote ?? ""}
                  >
                    {l.discrepancy > 0
                      ? `${l.discrepancy} missing`
                      : `${-l.discrepancy} extra`}
                  </span>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Panel>

      {(transfer.status === "REQUESTED" || transfer.status === "SHIPPED") && (
        <Panel title={transfer.status === "REQUESTED" ? "Ship" : "Receive"}>
          <TransferActions
            id={transfer.id}
            status={transfer.status}
            lines={transfer.lines.map((l) => ({
              sku: l.variant.sku,
              quantityRequested: l.quantityRequested,
              quantityShipped: l.quantityShipped,
            }))}
            canShip={can(staff, "inventory:transfer", {
              locationId: transfer.fromLocationId,
            })}
            canReceive={can(staff, "inventory:transfer", {
              locationId: transfer.toLocationId,
            })}
          />
        </Panel>
      )}
    </div>
  );
}
