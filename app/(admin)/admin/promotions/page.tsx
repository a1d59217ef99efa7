import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { BENEFIT_LABELS } from "@/components/admin/promotions/defaults";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import type { Benefit } from "@/lib/pricing";
import { listPromotions, type PromotionListItem } from "@/lib/promotions";

export const metadata: Metadata = { title: "Promotions" };
export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<PromotionListItem["status"], string> = {
  active: "bg-green-100 text-green-800",
  scheduled: "bg-sky-100 text-sky-800",
  ended: "bg-slate-200 text-slate-700",
  paused: "bg-amber-100 text-amber-800",
  invalid: "bg-red-100 text-red-800",
};

const CHANNEL_LABELS: Record<string, string> = {
  WEB: "Online",
  POS: "Stores",
  API: "API",
};

const date = (value: Date | null) =>
  value
    ? value.toLocaleDateString("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
      })
    : null;

export default async function PromotionsPage() {
  await requireStaffPage("promotions:write", "/admin/promotions");
  const promotions = await listPromotions(db);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">Promotions</h1>
        <Link
          href="/admin/promotions/new"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
        >
          New promotion
        </Link>
      </div>
      <p className="text-sm text-slate-500">
        {promotions.length} promotion{promotions.length === 1 ? "" : "s"}. Status is as of
        now; the same rules price the shop, the tills and the API.
      </p>
      <DataTable
        rows={promotions}
        rowKey={(p) => p.id}
        empty="No promotions yet."
        columns={[
          {
            header: "Promotion",
            cell: (p) => (
              <div>
                <Link
                  href={`/admin/promotions/${p.id}`}
                  className="font-medium hover:underline"
                >
                  {p.name}
                </Link>
                <p className="text-xs text-slate-500">
                  {BENEFIT_LABELS[p.benefitType as Benefit["type"]] ?? p.benefitType}
                  {p.requiresCode ? " · code" : ""}
                  {p.isExclusive ? " · exclusive" : ""}
                </p>
              </div>
            ),
          },
          {
            header: "Status",
            cell: (p) => (
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[p.status]}`}
              >
                {p.status}
              </span>
            ),
          },
          {
            header: "When",
            cell: (p) => {
              const from = date(p.startsAt);
              const until = date(p.endsAt);
              if (!from && !until) return "Always";
              if (!until) return `From ${from}`;
              return from ? `${from} – ${until}` : `Until ${until}`;
            },
          },
          {
            header: "Channels",
            cell: (p) =>
              p.channels.length === 0
                ? "All"
                : p.channels.map((c) => CHANNEL_LABELS[c] ?? c).join(", "),
          },
          {
            header: "Redemptions",
            align: "right",
            cell: (p) =>
              p.usageLimit !== null
                ? `${p.redemptions} / ${p.usageLimit}`
                : p.redemptions,
          },
        ]}
      />
    </div>
  );
}
