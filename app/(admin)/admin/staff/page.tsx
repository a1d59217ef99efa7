import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { listVisibleStaff } from "@/lib/staff/list-staff";
import { canManageStaff } from "@/lib/staff/staff-scope";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

export default async function AdminStaffPage() {
  const staff = await requireStaffPage("staff:manage", "/admin/staff");
  const people = await listVisibleStaff(db, staff);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold">Staff</h1>
        <Link
          href="/admin/staff/new"
          className="ml-auto inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Add staff member
        </Link>
      </div>
      <DataTable
        rows={people}
        rowKey={(s) => s.id}
        empty="No staff yet."
        columns={[
          {
            header: "Name",
            cell: (s) => {
              const isManageable = canManageStaff(staff, {
                role: s.role,
                locationIds: s.locations.map((l) => l.locationId),
              });
              return (
                <>
                  {isManageable ? (
                    <Link
                      href={`/admin/staff/${s.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {s.name}
                    </Link>
                  ) : (
                    <span className="font-medium">{s.name}</span>
                  )}
                  <span className="block text-xs text-slate-500">{s.email}</span>
                </>
              );
            },
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
