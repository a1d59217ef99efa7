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

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An order's status, opened from the signed link in its emails. */
export default async function OrderStatusPage({ params, searchParams }: Props) {
  const { token } = await params;
  const isJustPlaced = (await searchParams).placed === "1";
  const orderId = orderIdFromStatusToken(decodeURIComponent(token), authSecret());
  if (!orderId) notFound();
  const order = await findOrderStatus(db, orderId);
  if (!order) notFound();

  return (
    <div className="mx-auto max-w-3xl px-4 pb-16 pt-6">
      <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">
        Order status
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">
        {isJustPlaced ? "Thank you for your order" : `Order ${order.number}`}
      </h1>
      {isJustPlaced && (
        <div className="mt-3 rounded-xl bg-brand-50 p-4 text-sm" role="status">
          <p>
            Your order number is{" "}
            <span className="font-mono font-semibold">{order.number}</span>.
            {order.email
              ? ` We’ll email your receipt and updates to ${order.email}.`
              : ""}
          </p>
          <p className="mt-1">
            Keep this page’s address: it shows your order’s progress, no account needed.
          </p>
        </div>
      )}
      <OrderSummary order={order} />
      <p className="mt-6 text-sm">
        <a
          href={`/receipts/${order.number}?t=${encodeURIComponent(decodeURIComponent(token))}`}
          className="inline-flex min-h-11 items-center underline"
        >
          View printable receipt
        </a>
      </p>
    </div>
  );
}
