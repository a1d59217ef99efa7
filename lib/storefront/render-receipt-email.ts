import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { formatMoney } from "@/lib/money/format";
import type { OrderStatusView } from "./find-order-status";
import { fulfillmentStatusLabel } from "./order-status-words";

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const CELL = 'style="padding:6px 0;border-bottom:1px solid #eee;font-size:14px"';

/**
 * The order receipt as a self-contained HTML document with inline styles
 * and table layout, as email clients need: each line under its
 * fulfillment (delivery, or the store to collect from with its address
 * and hours), the totals and the tenders. `statusUrl` is the order's
 * signed status link.
 */
export function renderReceiptEmail(order: OrderStatusView, statusUrl: string): string {
  const money = (amount: number) =>
    escapeHtml(formatMoney({ amount, currency: order.currency }, "en-GB"));
  const e = escapeHtml;

  const groups = order.fulfillments
    .map((f) => {
      const lines = order.lines.filter((l) => l.fulfillmentId === f.id);
      const store = f.location;
      const hours = readWeeklyHours(store.pickupHours);
      const where =
        f.method === "SHIP"
          ? "Delivery"
          : f.method === "PICKUP"
            ? `Collect from ${e(store.name)}, ${e(store.addressLine1)}, ${e(store.city)} ${e(store.postalCode)}` +
              (Object.keys(hours).length > 0 ? ` (${e(describeWeeklyHours(hours))})` : "")
            : `Bought at ${e(store.name)}`;
      const rows = lines
        .map(
          (l) =>
            `<tr><td ${CELL}>${l.quantity} × ${e(l.title)}<br><span style="color:#888;font-size:12px">${e(l.sku)}</span></td>` +
            `<td ${CELL} align="right">${money(l.totalMinor)}</td></tr>`,
        )
        .join("");
      return (
        `<tr><td colspan="2" style="padding:16px 0 4px;font-weight:600;font-size:15px">${where}` +
        ` <span style="font-weight:400;color:#555">· ${e(fulfillmentStatusLabel(f.method, f.status))}</span></td></tr>${rows}`
      );
    })
    .join("");

  const tenders = order.payments
    .map(
      (p) =>
        `<p style="margin:4px 0;font-size:13px;color:#555">Paid ${money(p.amountMinor)}` +
        (p.cardBrand ? ` by ${e(p.cardBrand)} ending ${e(p.cardLast4 ?? "")}` : "") +
        (p.isTestMode ? " <strong>(TEST MODE: no real money was taken)</strong>" : "") +
        "</p>",
    )
    .join("");
  const payAtPickup = order.isPayAtPickup
    ? '<p style="margin:8px 0;font-size:14px">Reserved for you: pay when you collect.</p>'
    : "";

  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Receipt for order ${e(order.number)}</title></head>
<body style="margin:0;background:#f6f4ef;font-family:Arial,Helvetica,sans-serif;color:#1d2230">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#fff;border-radius:12px;padding:24px">
<tr><td colspan="2" style="font-size:20px;font-weight:700;color:#1f6f5c">Omnitill</td></tr>
<tr><td colspan="2" style="padding-top:8px;font-size:16px">Receipt for order <strong>${e(order.number)}</strong></td></tr>
<tr><td colspan="2" style="font-size:13px;color:#555">${e(order.placedAt.toISOString().slice(0, 10))}</td></tr>
${groups}
<tr><td style="padding-top:12px;font-size:14px">Items</td><td align="right" style="padding-top:12px;font-size:14px">${money(order.subtotalMinor)}</td></tr>
${order.discountMinor > 0 ? `<tr><td style="font-size:14px;color:#b42318">Discounts</td><td align="right" style="font-size:14px;color:#b42318">−${money(order.discountMinor)}</td></tr>` : ""}
<tr><td style="font-size:14px">Delivery</td><td align="right" style="font-size:14px">${order.shippingMinor > 0 ? money(order.shippingMinor) : "Free"}</td></tr>
<tr><td style="font-size:16px;font-weight:700;padding-top:6px">Total</td><td align="right" style="font-size:16px;font-weight:700;padding-top:6px">${money(order.totalMinor)}</td></tr>
<tr><td style="font-size:12px;color:#555">Including VAT</td><td align="right" style="font-size:12px;color:#555">${money(order.taxMinor)}</td></tr>
<tr><td colspan="2" style="padding-top:12px">${payAtPickup}${tenders}</td></tr>
<tr><td colspan="2" style="padding-top:16px"><a href="${e(statusUrl)}" style="display:inline-block;background:#1f6f5c;color:#fff;text-decoration:none;padding:12px 18px;border-radius:8px;font-weight:600">Follow your order</a></td></tr>
</table></td></tr></table></body></html>`;
}
