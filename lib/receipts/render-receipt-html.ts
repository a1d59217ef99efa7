import { formatMoney } from "../money/format";
import type { Receipt } from "./receipt";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A receipt as a self-contained HTML page: printable (80 mm or A4) and fit
 * to send as an email body, with inline styles only. The barcode is passed
 * in as SVG so this stays a pure function.
 */
export function renderReceiptHtml(receipt: Receipt, options: { barcodeSvg: string }): string {
  const money = (amount: number) => escape(formatMoney({ amount, currency: receipt.currency }));
  const row = (left: string, right: string, strong = false) =>
    `<tr${strong ? ' style="font-weight:700;font-size:1.1em"' : ""}><td>${left}</td>` +
    `<td style="text-align:right;white-space:nowrap">${right}</td></tr>`;

  const lines = receipt.lines
    .map((line) => {
      const discounts = line.discounts
        .map((d) => row(`<span style="padding-left:1em">${escape(d.name)}</span>`, `-${money(d.amountMinor)}`))
        .join("");
      const each = line.quantity > 1 ? ` <small>(${money(line.unitPriceMinor)} each)</small>` : "";
      return (
        row(`${line.quantity} × ${escape(line.title)}${each}<br><small style="color:#555">` +
          `${escape(line.sku)} · ${escape(line.fulfillmentLabel)}</small>`, money(line.subtotalMinor)) +
        discounts
      );
    })
    .join("");
  const { totals } = receipt;
  const money2 = [
    row("Subtotal", money(totals.subtotalMinor)),
    totals.discountMinor > 0 ? row("Discounts", `-${money(totals.discountMinor)}`) : "",
    totals.shippingMinor > 0 ? row("Delivery", money(totals.shippingMinor)) : "",
    totals.pricesIncludeTax ? "" : row("Tax", money(totals.taxMinor)),
    row("Total", money(totals.totalMinor), true),
    ...receipt.tenders.map((t) => row(escape(t.label), money(t.tenderedMinor ?? t.amountMinor))),
    receipt.changeMinor > 0 ? row("Change", money(receipt.changeMinor)) : "",
  ].join("");
  const taxes = receipt.taxes
    .map((t) =>
      row(
        `${escape(t.label)} ${totals.pricesIncludeTax ? "included in" : "on"} ${money(t.netMinor)}`,
        money(t.taxMinor),
      ),
    )
    .join("");
  const promotions = receipt.promotions
    .map((p) => row(escape(p.code ? `${p.name} (${p.code})` : p.name), `-${money(p.amountMinor)}`))
    .join("");
  const store = receipt.store
    ? `<p style="margin:0">${escape(receipt.store.name)}<br>${receipt.store.address.map(escape).join("<br>")}</p>`
    : "";
  const who = [
    receipt.register ? `Till ${escape(receipt.register)}` : "",
    receipt.associate ? `Served by ${escape(receipt.associate)}` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  const testBanner = receipt.isTestMode
    ? '<p style="background:#b91c1c;color:#fff;font-weight:700;text-align:center;padding:6px;' +
      'letter-spacing:.1em">TEST MODE — no real money moved</p>'
    : "";

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Receipt ${escape(receipt.orderNumber)}</title>
<style>@media print{.no-print{display:none}@page{margin:8mm}}</style></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;margin:0;padding:16px">
<main style="max-width:420px;margin:0 auto">
${testBanner}
<header style="text-align:center">
<h1 style="font-size:1.4em;margin:0 0 4px">${escape(receipt.business.name)}</h1>
${receipt.business.header ? `<p style="margin:0;white-space:pre-line">${escape(receipt.business.header)}</p>` : ""}
${store}
</header>
<p><strong>Order ${escape(receipt.orderNumber)}</strong><br>
<time datetime="${escape(receipt.placedAt)}">${escape(new Date(receipt.placedAt).toUTCString())}</time>
${who ? `<br>${who}` : ""}${receipt.customer ? `<br>For ${escape(receipt.customer)}` : ""}</p>
<table style="width:100%;border-collapse:collapse;border-top:1px dashed #999;border-bottom:1px dashed #999">${lines}</table>
<table style="width:100%;border-collapse:collapse;margin-top:8px">${money2}</table>
${promotions ? `<h2 style="font-size:1em;margin:12px 0 4px">Savings</h2><table style="width:100%">${promotions}</table>` : ""}
${taxes ? `<h2 style="font-size:1em;margin:12px 0 4px">Tax</h2><table style="width:100%">${taxes}</table>` : ""}
<figure style="margin:16px auto;text-align:center" aria-label="Barcode of order ${escape(receipt.orderNumber)}">
<div style="max-width:260px;margin:0 auto">${options.barcodeSvg}</div>
<figcaption style="font-size:.8em;color:#555">Scan at any till for returns</figcaption></figure>
${receipt.business.footer ? `<p style="text-align:center;white-space:pre-line">${escape(receipt.business.footer)}</p>` : ""}
${receipt.business.returnPolicy ? `<p style="font-size:.85em;color:#444">${escape(receipt.business.returnPolicy)}</p>` : ""}
<p class="no-print" style="text-align:center"><button onclick="window.print()" style="min-height:44px;padding:0 16px">Print</button></p>
</main></body></html>`;
}
