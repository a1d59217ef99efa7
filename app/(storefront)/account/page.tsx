import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AddressBook } from "@/components/storefront/account/address-book";
import { ProfileForm } from "@/components/storefront/account/profile-form";
import { formatMoney } from "@/components/ui/format";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { listCustomerOrders } from "@/lib/customers/list-customer-orders";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/next/auth-secret";
import { currentCustomer } from "@/lib/next/session";
import { orderStatusToken } from "@/lib/storefront/order-status-link";
import { orderStatusLabel } from "@/lib/storefront/order-status-words";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Europe/London",
});

export default async function AccountPage() {
  const customer = await currentCustomer();
  if (!customer) redirect("/account/sign-in?callbackUrl=/account");

  const [orders, addresses] = await Promise.all([
    listCustomerOrders(db, { customerId: customer.id }),
    db.customerAddress.findMany({
      where: { customerId: customer.id },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    }),
  ]);
  const secret = authSecret();

  return (
    <div className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Hello, {customer.firstName}</h1>
        <SignOutButton
          callbackUrl="/"
          className="inline-flex min-h-11 items-center rounded-lg border border-black/15 bg-white px-4 text-sm"
        />
      </div>

      <section aria-labelledby="orders-heading" className="mt-8">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Your orders
        </h2>
        <p className="text-sm text-ink/70">Online orders and purchases in our stores.</p>
        {orders.length === 0 ? (
          <p className="mt-4 rounded-xl bg-white p-4 shadow-sm">
            No orders yet.{" "}
            <Link href="/" className="underline">
              Start shopping
            </Link>
          </p>
        ) : (
          <ul className="mt-4 space-y-3">
            {orders.map((order) => (
              <li key={order.id}>
                <Link
                  href={`/orders/${orderStatusToken(order.id, secret)}`}
                  className="block rounded-xl bg-white p-4 shadow-sm hover:shadow-md"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">Order {order.number}</span>
                    <span className="font-medium">
                      {formatMoney(order.totalMinor, order.currency)}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-ink/70">
                    {dateFormat.format(order.placedAt)} ·{" "}
                    {order.channel === "POS"
                      ? `In store${order.location ? ` at ${order.location.name}` : ""}`
                      : "Online"}{" "}
                    · {orderStatusLabel(order)}
                  </p>
                  <p className="mt-1 truncate text-sm text-ink/70">
                    {order.lines.map((l) => `${l.quantity} × ${l.title}`).join(", ")}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="profile-heading" className="mt-10">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Your details
        </h2>
        <p className="text-sm text-ink/70">Signed in as {customer.email}</p>
        <ProfileForm
          profile={{
            firstName: customer.firstName,
            lastName: customer.lastName,
            phone: customer.phone ?? "",
            marketingOptIn: customer.marketingOptIn,
          }}
        />
      </section>

      <section aria-labelledby="addresses-heading" className="mt-10">
        <h2 id="addresses-heading" className="text-lg font-semibold">
          Addresses
        </h2>
        <AddressBook
          addresses={addresses.map((a) => ({
            id: a.id,
            label: a.label ?? "",
            name: a.name,
            line1: a.line1,
            line2: a.line2 ?? "",
            city: a.city,
            region: a.region ?? "",
            postalCode: a.postalCode,
            country: a.country,
            phone: a.phone ?? "",
            isDefault: a.isDefault,
          }))}
        />
      </section>
    </div>
  );
}
