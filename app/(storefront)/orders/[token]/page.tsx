import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderSummary } from "@/components/storefront/order-summary";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/next/auth-secret";
import { findOrderStatus } from "@/lib/storefront/find-order-status";
import { orderIdFromStatusToken } from "@/lib/storefront/order-status-link";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your order",
  robots: { index: false, follow: false },
  // The link itself is the key to the order: never leak it to other sites.
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

/** An order's status, opened from the signed link in its emails. */
export default async function OrderStatusPage({ params }: Props) {
  const { token } = await params;
  const orderId = orderIdFromStatusToken(decodeURIComponent(token), authSecret());
  if (!orderId) notFound();
  const order = await findOrderStatus(db, orderId);
  if (!order) notFound();

  return (
    <div className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">
        Order status
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">Order {order.number}</h1>
      <OrderSummary order={order} />
    </div>
  );
}
