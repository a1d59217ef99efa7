import type { Metadata } from "next";
import Link from "next/link";
import { OfflineSalesReport } from "@/components/admin/offline-sales-report";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { offlineSalesReport } from "@/lib/pos-sync/offline-report";

export const metadata: Metadata = { title: "Offline sales" };
export const dynamic = "force-dynamic";

export default async function AdminOfflineSalesPage() {
  const staff = await requireStaffPage("reports:read", "/admin/offline-sales");
  const report = await offlineSalesReport(db, staff);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Offline sales</h1>
      <p className="text-sm text-slate-500">
        Sales the tills made without the network in the last 14 days, as the server judged
        them when they synced, and the stock that went below zero for a recount (
        <Link href="/admin/inventory/counts" className="text-brand-700 underline">
          start a count
        </Link>
        ).
      </p>
      <OfflineSalesReport report={report} canReview={can(staff, "orders:manage")} />
    </div>
  );
}
