import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AdminAuditPage() {
  const staff = await requireStaffPage("audit:read", "/admin/audit");
  const scope = visibleLocationIds(staff);
  const entries = await db.auditEntry.findMany({
    where: scope ? { locationId: { in: scope } } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
  });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-slate-500">
        Every change by staff and API keys, newest first. Entries cannot be edited or
        removed.
      </p>
      <DataTable
        rows={entries}
        rowKey={(e) => e.id}
        empty="No changes recorded yet."
        columns={[
          { header: "When", cell: (e) => e.createdAt.toLocaleString("en-GB") },
          { header: "Who", cell: (e) => e.actorLabel },
          {
            header: "What",
            cell: (e) => <span className="font-mono text-xs">{e.action}</span>,
          },
          {
            header: "Record",
            cell: (e) => (
              <span className="font-mono text-xs">
                {e.entityType} {e.entityId.slice(0, 8)}
              </span>
            ),
          },
          {
            header: "Change",
            cell: (e) => (
              <details>
                <summary className="cursor-pointer text-brand-700">
                  Before / after
                </summary>
                <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap text-xs">
                  {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                </pre>
              </details>
            ),
          },
        ]}
      />
    </div>
  );
}
