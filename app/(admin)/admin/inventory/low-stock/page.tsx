import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { SuggestionButton } from "@/components/admin/inventory/suggestion-button";
import { can, visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { listLowStock } from "@/lib/inventory/queries";
import { suggestTransfers } from "@/lib/inventory/suggest-transfers";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Low stock" };
export const dynamic = "force-dynamic";

const WINDOW_DAYS = 28;
const COVER_DAYS = 14;
const LOW_STOCK_ROWS = 200;

/** "3.5 days of sales here", or nothing when the level sells nothing. */
const cover = (days: number, where: string) =>
  Number.isFinite(days) ? `${days} days of sales ${where}` : null;

/** Levels at or below their reorder point, and transfers that would fix some. */
export default async function LowStockPage() {
  const staff = await requireStaffPage("inventory:read", "/admin/inventory/low-stock");
  const visible = visibleLocationIds(staff);
  const [low, suggestions] = await Promise.all([
    listLowStock(db, { visible, take: LOW_STOCK_ROWS }),
    suggestTransfers(db, { visible, windowDays: WINDOW_DAYS, coverDays: COVER_DAYS }),
  ]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Low stock and replenishment</h1>

      <Panel title="Transfer suggestions">
        <p className="text-sm text-slate-600">
          From locations holding more than {COVER_DAYS} days of their sales to those
          holding less, by the last {WINDOW_DAYS} days of sales and each level&rsquo;s
          reorder point.
        </p>
        {suggestions.length === 0 ? (
          <p className="text-sm text-slate-500">No transfers to suggest right now.</p>
        ) : (
          <ul className="space-y-4">
            {suggestions.slice(0, 12).map((s) => (
              <li
                key={`${s.fromLocationId}>${s.toLocationId}`}
                className="space-y-2 rounded-lg border border-slate-200 p-3"
              >
                <p className="font-medium">
                  {s.from?.code} → {s.to?.code}{" "}
                  <span className="font-normal text-slate-600">
                    · {s.lines.length} line{s.lines.length === 1 ? "" : "s"},{" "}
                    {s.lines.reduce((n, l) => n + l.quantity, 0)} units
                  </span>
                </p>
                <ul className="grid gap-1 text-sm sm:grid-cols-2">
                  {s.lines.slice(0, 8).map((l) => (
                    <li key={l.variantId}>
                      <span className="font-mono">{l.sku}</span> × {l.quantity}{" "}
                      <span className="text-xs text-slate-500">
                        {[
                          cover(l.toCoverDays, "here"),
                          cover(l.fromCoverDays, "at source"),
                        ]
                          .filter(Boolean)
                          .join(", ")}
                      </span>
                    </li>
                  ))}
                  {s.lines.length > 8 && (
                    <li className="text-slate-500">and {s.lines.length - 8} more</li>
                  )}
                </ul>
                {s.from &&
                s.to &&
                can(staff, "inventory:transfer", { locationId: s.toLocationId }) ? (
                  <SuggestionButton
                    from={s.from.code}
                    to={s.to.code}
                    lines={s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title="At or below reorder point">
        <p className="text-sm text-slate-600">
          On hand less reserved, plus stock on its way in, compared with each
          level&rsquo;s reorder point; the most short first, per location
          {low.length === LOW_STOCK_ROWS ? ` (the first ${LOW_STOCK_ROWS})` : ""}.
        </p>
        <DataTable
          rows={low}
          rowKey={(l) => `${l.variantId}:${l.locationId}`}
          empty="Every level is above its reorder point."
          columns={[
            { header: "Location", cell: (l) => l.locationCode },
            {
              header: "SKU",
              cell: (l) => (
                <Link
                  href={`/admin/inventory/variants/${l.variantId}`}
                  className="font-mono text-brand-700 hover:underline"
                >
                  {l.sku}
                </Link>
              ),
            },
            { header: "Product", cell: (l) => l.title },
            { header: "On hand", align: "right", cell: (l) => l.onHand },
            { header: "Reserved", align: "right", cell: (l) => l.reserved },
            { header: "Inbound", align: "right", cell: (l) => l.inbound },
            { header: "Reorder at", align: "right", cell: (l) => l.reorderPoint },
          ]}
        />
      </Panel>
    </div>
  );
}
