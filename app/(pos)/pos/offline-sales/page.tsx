import type { Metadata } from "next";
import Link from "next/link";
import { OfflineSalesReport } from "@/components/admin/offline-sales-report";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { offlineSalesReport } from "@/lib/pos-sync/offline-report";

export const metadata: Metadata = { title: "Offline sales" };
export const dynamic = "force-dynamic";

/** The offline sales report at the till, for store managers. */
export default async function PosOfflineSalesPage() {
  const staff = await requireStaffPage("reports:read", "/pos/offline-sales");
  const report = await offlineSalesReport(db, staff);
  return (
    <div className="flex-1 space-y-4 overflow-y-auto bg-slate-50 p-4 text-slate-900">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-bold">Offline sales</h1>
        <Link
          href="/pos"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-900 px-4 text-white"
        >
          Back to the till
        </Link>
      </div>
      <OfflineSalesReport report={report} canReview={can(staff, "orders:manage")} />
    </div>
  );
}
