import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { AdjustStockForm } from "@/components/admin/inventory/adjust-stock-form";
import { can, visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { availabilityForVariants } from "@/lib/inventory/availability";
import { listVisibleLocations, movementHistory } from "@/lib/inventory/queries";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Stock of a variant" };
export const dynamic = "force-dynamic";

const REASON_LABELS: Record<string, string> = {
  RECEIPT: "Received",
  SALE: "Sold",
  RETURN: "Returned",
  ADJUSTMENT: "Adjusted",
  TRANSFER_OUT: "Transferred out",
  TRANSFER_IN: "Transferred in",
  COUNT_CORRECTION: "Count correction",
  DAMAGE: "Damaged",
};

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

type Props = { params: Promise<{ id: string }> };

/** A variant's levels at each location and its movement history. */
export default async function VariantStockPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage(
    "inventory:read",
    `/admin/inventory/variants/${id}`,
  );
  const visible = visibleLocationIds(staff);
  const history = await movementHistory(db, { variantId: id, visible, take: 200 });
  if (!history) notFound();

  const adjustable = (await listVisibleLocations(db, visible)).filter((l) =>
    can(staff, "inventory:adjust", { locationId: l.id }),
  );
  const { variant } = history;
  const transit = new Map(
    (
      (await availabilityForVariants(db, [variant.id])).get(variant.id)?.byLocation ?? []
    ).map((l) => [l.locationId, l]),
  );
  const inTransit = (locationId: string) => {
    const l = transit.get(locationId);
    if (!l || (l.inboundInTransit === 0 && l.outboundInTransit === 0)) return "—";
    return [
      l.inboundInTransit ? `${l.inboundInTransit} in` : "",
      l.outboundInTransit ? `${l.outboundInTransit} out` : "",
    ]
      .filter(Boolean)
      .join(", ");
  };
  const staffIds = [
    ...new Set(
      history.movements
        .filter((m) => m.actor.startsWith("staff:"))
        .map((m) => m.actor.slice(6)),
    ),
  ];
  const people = await db.staffUser.findMany({
    where: { id: { in: staffIds } },
    select: { id: true, name: true },
  });
  const names = new Map(people.map((p) => [`staff:${p.id}`, p.name]));

  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/inventory" className="text-sm text-brand-700 hover:underline">
          ← Stock by location
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {variant.product.title}
          {variant.optionValues.length > 0 && ` — ${variant.optionValues.join(" / ")}`}
        </h1>
        <p className="text-sm text-slate-600">
          SKU <span className="font-mono">{variant.sku}</span>
          {variant.barcode && (
            <>
              {" "}
              · barcode <span className="font-mono">{variant.barcode}</span>
            </>
          )}
        </p>
      </div>

      <Panel title="Levels">
        <DataTable
          rows={history.levels}
          rowKey={(l) => l.locationId}
          empty="Not stocked at any location you can see."
          columns={[
            { header: "Location", cell: (l) => l.location.code },
            { header: "Bin", cell: (l) => l.bin ?? "—" },
            { header: "On hand", align: "right", cell: (l) => l.onHand },
            { header: "Reserved", align: "right", cell: (l) => l.reserved },
            { header: "Safety", align: "right", cell: (l) => l.safetyStock },
            { header: "Available", align: "right", cell: (l) => l.available },
            { header: "Reorder at", align: "right", cell: (l) => l.reorderPoint || "—" },
            {
              header: "In transit",
              align: "right",
              cell: (l) => inTransit(l.locationId),
            },
          ]}
        />
      </Panel>

      {adjustable.length > 0 && (
        <Panel title="Adjust stock">
          <AdjustStockForm
            sku={variant.sku}
            locations={adjustable.map((l) => ({ code: l.code, name: l.name }))}
          />
        </Panel>
      )}

      <Panel title="Movement history">
        <DataTable
          rows={history.movements}
          rowKey={(m) => m.id}
          empty="No movements yet."
          columns={[
            { header: "When", cell: (m) => dateTime.format(m.createdAt) },
            { header: "Location", cell: (m) => m.location.code },
            { header: "Movement", cell: (m) => REASON_LABELS[m.reason] ?? m.reason },
            {
              header: "Units",
              align: "right",
              cell: (m) => (
                <span className={m.quantity < 0 ? "text-red-700" : "text-brand-700"}>
                  {m.quantity > 0 ? `+${m.quantity}` : m.quantity}
                </span>
              ),
            },
            {
              header: "Reference",
              cell: (m) => (
                <span className="text-slate-600">{m.note ?? m.sourceType}</span>
              ),
            },
            {
              header: "By",
              cell: (m) => (
                <span className="text-xs text-slate-500">
                  {names.get(m.actor) ?? m.actor.split(":")[0]}
                </span>
              ),
            },
          ]}
        />
      </Panel>
    </div>
  );
}
