import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { findCustomers } from "@/lib/customers/till-customers";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Customers" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCustomersPage({ searchParams }: Props) {
  const staff = await requireStaffPage("customers:read", "/admin/customers");
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim();
  const customers =
    q.length >= 2
      ? await findCustomers(db, { actor: staff, input: { q } })
      : (
          await db.customer.findMany({
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 50,
            select: {
              id: true,
              firstName: true,
              lastName: true,
              email: true,
              phone: true,
              passwordHash: true,
              _count: { select: { orders: true } },
            },
          })
        ).map((c) => ({
          id: c.id,
          name: `${c.firstName} ${c.lastName}`,
          email: c.email,
          phone: c.phone,
          orderCount: c._count.orders,
          hasAccount: c.passwordHash !== null,
        }));

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Customers</h1>
      <form className="flex gap-2" action="/admin/customers">
        <label htmlFor="customers-q" className="sr-only">
          Name, email or phone
        </label>
        <input
          id="customers-q"
          name="q"
          defaultValue={q}
          placeholder="Name, email or phone"
          className="min-h-11 w-full max-w-md rounded-lg border border-slate-300 px-3"
        />
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white"
        >
          Search
        </button>
      </form>
      <DataTable
        rows={customers}
        rowKey={(c) => c.id}
        empty={q ? `No customer matches “${q}”.` : "No customers yet."}
        columns={[
          {
            header: "Name",
            cell: (c) => (
              <Link
                href={`/admin/customers/${c.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {c.name}
              </Link>
            ),
          },
          { header: "Email", cell: (c) => c.email ?? "—" },
          { header: "Phone", cell: (c) => c.phone ?? "—" },
          { header: "Orders", cell: (c) => c.orderCount },
          { header: "Account", cell: (c) => (c.hasAccount ? "Yes" : "No") },
        ]}
      />
    </div>
  );
}
