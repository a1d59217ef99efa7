import Link from "next/link";
import { formatMoney } from "@/components/ui/format";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const dynamic = "force-dynamic";

export default async function AdminOverviewPage() {
  const staff = await requireStaffPage("admin:access", "/admin");
  const scope = visibleLocationIds(staff);
  const levelWhere = scope ? { locationId: { in: scope } } : {};
  const orderWhere = scope ? { locationId: { in: scope } } : {};

  const [products, variants, locations, lowStock, outOfStock, recentOrders] =
    await Promise.all([
      db.product.count({ where: { status: "ACTIVE" } }),
      db.variant.count({ where: { isActive: true } }),
      db.location.count({
        where: { isActive: true, ...(scope ? { id: { in: scope } } : {}) },
      }),
      db.inventoryLevel.count({
        where: { ...levelWhere, onHand: { gt: 0, lte: 3 } },
      }),
      db.inventoryLevel.count({ where: { ...levelWhere, onHand: { lte: 0 } } }),
      db.order.findMany({
        where: orderWhere,
        orderBy: { placedAt: "desc" },
        take: 8,
        include: { customer: { select: { firstName: true, lastName: true } } },
      }),
    ]);

  const stats = [
    { label: "Active products", value: products },
    { label: "Sellable SKUs", value: variants },
    { label: "Locations", value: locations },
    { label: "Low stock (1–3 on hand)", value: lowStock },
    { label: "Out of stock", value: outOfStock },
  ];

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Overview</h1>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-500">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 className="mb-3 text-lg font-semibold">Recent orders</h2>
        {recentOrders.length === 0 ? (
          <p className="text-slate-500">No orders yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="p-3 font-medium">Order</th>
                  <th className="p-3 font-medium">Channel</th>
                  <th className="p-3 font-medium">Customer</th>
                  <th className="p-3 font-medium">Placed</th>
                  <th className="p-3 text-right font-medium">Total</th>
                </tr>
              </thead>
              <tbody>
                {recentOrders.map((o) => (
                  <tr key={o.id} className="border-t border-slate-100">
                    <td className="p-3 font-mono">{o.number}</td>
                    <td className="p-3">{o.channel}</td>
                    <td className="p-3">
                      {o.customer
                        ? `${o.customer.firstName} ${o.customer.lastName}`
                        : "Guest"}
                    </td>
                    <td className="p-3">{o.placedAt.toLocaleDateString("en-GB")}</td>
                    <td className="p-3 text-right tabular-nums">
                      {formatMoney(o.totalMinor, o.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="text-sm text-slate-500">
        <Link href="/" className="underline">
          Open the storefront
        </Link>{" "}
        ·{" "}
        <Link href="/pos" className="underline">
          Open the point of sale
        </Link>
      </p>
    </div>
  );
}
