import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

export default async function AdminStaffPage() {
  await requireStaffPage("staff:manage", "/admin/staff");
  const staff = await db.staffUser.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    include: { locations: { include: { location: { select: { name: true } } } } },
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Staff</h1>
      <DataTable
        rows={staff}
        rowKey={(s) => s.id}
        empty="No staff yet."
        columns={[
          {
            header: "Name",
            cell: (s) => (
              <>
                <span className="font-medium">{s.name}</span>
                <span className="block text-xs text-slate-500">{s.email}</span>
              </>
            ),
          },
          { header: "Role", cell: (s) => ROLE_LABELS[s.role] },
          {
            header: "Works at",
            cell: (s) =>
              s.locations.map((l) => l.location.name).join(", ") || "All locations",
          },
          {
            header: "Last sign-in",
            cell: (s) => s.lastSignInAt?.toLocaleString("en-GB") ?? "Never",
          },
          { header: "Status", cell: (s) => (s.isActive ? "Active" : "Deactivated") },
        ]}
      />
    </div>
  );
}
