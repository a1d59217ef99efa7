import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { CountApproval } from "@/components/admin/inventory/count-approval";
import { CountScanner } from "@/components/admin/inventory/count-scanner";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { reviewCount } from "@/lib/inventory/review-count";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Cycle count" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * A count: counters scan blind; whoever may approve sees the variance
 * review (what moved between the start and each scan is set aside) and
 * approves it.
 */
export default async function CountPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage("inventory:read", `/admin/inventory/counts/${id}`);
  const session = await db.countSession.findUnique({
    where: { id },
    include: {
      location: { select: { code: true, name: true } },
      lines: {
        include: { variant: { select: { sku: true } } },
        orderBy: { lastScannedAt: "desc" },
      },
    },
  });
  if (!session || !can(staff, "inventory:read", { locationId: session.locationId }))
    notFound();

  const isOpen = session.status === "OPEN";
  const canCount =
    isOpen && can(staff, "inventory:count", { locationId: session.locationId });
  const canReview = can(staff, "inventory:adjust", { locationId: session.locationId });
  const review = canReview ? await reviewCount(db, { id }) : null;

  return (
    <div className="space-y-6">
      <div>
        <Link
          href="/admin/inventory/counts"
          className="text-sm text-brand-700 hover:underline"
        >
          ← Cycle counts
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          Count <span className="font-mono">{session.number}</span>
        </h1>
        <p className="text-sm text-slate-600">
          {session.location.name} ·{" "}
          {session.binPrefix ? `zone ${session.binPrefix}` : "whole location"} ·{" "}
          <strong>{session.status.toLowerCase()}</strong>
        </p>
      </div>

      {canCount && (
        <Panel title="Count">
          <CountScanner
            id={session.id}
            initial={session.lines.map((l) => ({
              sku: l.variant.sku,
              counted: l.counted,
            }))}
          />
        </Panel>
      )}

      {review && (
        <Panel title="Variance review">
          <p className="text-sm text-slate-600">
            {review.counted} counted · {review.uncounted} not counted ·{" "}
            <span className="text-red-700">{review.unitsShort} short</span> ·{" "}
            <span className="text-brand-700">{review.unitsOver} over</span>. Sales and
            receipts between the count&rsquo;s start and each scan are not variances.
          </p>
          <DataTable
            rows={review.lines}
            rowKey={(l) => l.variantId}
            empty="Nothing in this count's scope yet."
            columns={[
              {
                header: "SKU",
                cell: (l) => (
                  <span>
                    <span className="font-mono">{l.sku}</span>
                    <span className="block max-w-48 truncate text-xs text-slate-500">
                      {l.title}
                    </span>
                  </span>
                ),
              },
              { header: "Bin", cell: (l) => l.bin ?? "—" },
              { header: "At start", align: "right", cell: (l) => l.onHandAtStart },
              {
                header: "Moved before scan",
                align: "right",
                cell: (l) => (l.counted === null ? "—" : signed(l.movedBeforeScan)),
              },
              {
                header: "Expected",
                align: "right",
                cell: (l) => l.expectedAtScan ?? l.onHandNow,
              },
              {
                header: "Counted",
                align: "right",
                cell: (l) =>
                  l.counted ?? <span className="text-slate-400">not counted</span>,
              },
              {
                header: "Variance",
                align: "right",
                cell: (l) =>
                  l.variance === 0 ? (
                    "0"
                  ) : (
                    <span
                      className={`font-semibold ${l.variance < 0 ? "text-red-700" : "text-brand-700"}`}
                    >
                      {signed(l.variance)}
                    </span>
                  ),
              },
            ]}
          />
          {isOpen && <CountApproval id={session.id} uncounted={review.uncounted} />}
        </Panel>
      )}
    </div>
  );
}
