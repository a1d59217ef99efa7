import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/admin/data-table";
import { formatMoney } from "@/components/ui/format";
import { listCustomerOrders } from "@/lib/customers/list-customer-orders";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Customer" };
export const dynamic = "force-dynamic";

const CHANNELS = { WEB: "Online", POS: "In store", API: "API" } as const;
const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
});

/** One customer with every purchase, whatever the channel. */
export default async function AdminCustomerPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireStaffPage("customers:read", `/admin/customers/${id}`);
  const customer = await db.customer.findUnique({ where: { id } });
  if (!customer) notFound();
  const orders = await listCustomerOrders(db, { customerId: customer.id, take: 200 });

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {customer.firstName} {customer.lastName}
      </h1>
      <dl className="grid max-w-md grid-cols-2 gap-2 text-sm">
        <dt className="text-slate-500">Email</dt>
        <dd>{customer.email ?? "—"}</dd>
        <dt className="text-slate-500">Phone</dt>
        <dd>{customer.phone ?? "—"}</dd>
        <dt className="text-slate-500">Storefront account</dt>
        <dd>{customer.passwordHash ? "Yes" : "No"}</dd>
      </dl>
      <h2 className="text-lg font-semibold">Purchases</h2>
      <DataTable
        rows={orders}
        rowKey={(o) => o.id}
        empty="No purchases yet."
        columns={[
          { header: "Order", cell: (o) => <span className="font-mono">{o.number}</span> },
          { header: "When", cell: (o) => WHEN.format(o.placedAt) },
          {
            header: "Where",
            cell: (o) =>
              o.location
                ? `${CHANNELS[o.channel]} · ${o.location.name}`
                : CHANNELS[o.channel],
          },
          {
            header: "Items",
            cell: (o) => o.lines.map((l) => `${l.quantity} × ${l.title}`).join(", "),
          },
          { header: "Status", cell: (o) => o.status.toLowerCase().replace(/_/g, " ") },
          { header: "Total", cell: (o) => formatMoney(o.totalMinor, o.currency) },
        ]}
      />
    </div>
  );
}
