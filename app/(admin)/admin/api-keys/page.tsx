import type { Metadata } from "next";
import { NewApiKeyForm, RevokeApiKeyButton } from "@/components/admin/api-key-forms";
import { DataTable } from "@/components/admin/data-table";
import { Panel } from "@/components/admin/form-controls";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

export default async function ApiKeysPage() {
  await requireStaffPage("api_keys:manage", "/admin/api-keys");
  const keys = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    omit: { keyHash: true },
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">API keys</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Integrations call <code>/api/v1</code> with a key. Each key may do only what its
        scopes name (the same permissions as staff roles); only a hash of it is stored.
      </p>
      <DataTable
        rows={keys}
        rowKey={(k) => k.id}
        empty="No API keys yet."
        columns={[
          {
            header: "Key",
            cell: (k) => (
              <>
                <span className="font-medium">{k.name}</span>
                <span className="block font-mono text-xs text-slate-500">
                  {k.prefix}…
                </span>
              </>
            ),
          },
          {
            header: "Scopes",
            cell: (k) => <span className="font-mono text-xs">{k.scopes.join(", ")}</span>,
          },
          {
            header: "Last used",
            cell: (k) => (k.lastUsedAt ? WHEN.format(k.lastUsedAt) : "Never"),
          },
          {
            header: "Status",
            cell: (k) =>
              k.revokedAt ? (
                `Revoked ${WHEN.format(k.revokedAt)}`
              ) : (
                <RevokeApiKeyButton id={k.id} name={k.name} />
              ),
          },
        ]}
      />
      <Panel title="New key">
        <NewApiKeyForm />
      </Panel>
    </div>
  );
}
