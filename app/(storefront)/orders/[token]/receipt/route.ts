import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/next/auth-secret";
import { findOrderStatus } from "@/lib/storefront/find-order-status";
import { orderIdFromStatusToken } from "@/lib/storefront/order-status-link";
import { renderReceiptEmail } from "@/lib/storefront/render-receipt-email";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/** The email-ready receipt of an order, for the signed link's holder. */
export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  const decoded = decodeURIComponent(token);
  const orderId = orderIdFromStatusToken(decoded, authSecret());
  const order = orderId ? await findOrderStatus(db, orderId) : null;
  if (!order) return new Response("Not found", { status: 404 });
  const statusUrl = new URL(
    `/orders/${encodeURIComponent(decoded)}`,
    request.url,
  ).toString();
  return new Response(renderReceiptEmail(order, statusUrl), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
