import { formatMoney } from "../money/format";
import type { Receipt } from "./receipt";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A receipt as a self-contained HTML page: printable (80 mm or A4) and fit
 * to send as an email body (styles in the page, no outside files). The
 * barcode is passed in as markup so this stays a pure function: inline SVG
 * on the web, an <img> in email (most mail clients draw no SVG).
 */
export function renderReceiptHtml(
  receipt: Receipt,
  options: {
    barcodeSvg: string;
    /** Trusted markup shown above the receipt: an email's greeting and links. */
    preface?: string;
  },
): string {
  const money = (amount: number) =>
    escapeHtml(formatMoney({ amount, currency: receipt.currency }));
  const row = (left: string, right: string, strong = false) =>
    `<tr${strong ? ' style="font-weight:700;font-size:1.1em"' : ""}><td>${left}</td>` +
    `<td style="text-align:right;white-space:nowrap">${right}</td></tr>`;

  const lines = receipt.lines
    .map((line) => {
      const discounts = line.discounts
        .map((d) =>
          row(
            `<span style="padding-left:1em">${escapeHtml(d.name)}</span>`,
            `-${money(d.amountMinor)}`,
          ),
        )
        .join("");
      const each =
        line.quantity > 1 ? ` <small>(${money(line.unitPriceMinor)} each)</small>` : "";
      const override = line.priceOverride
        ? `<br><small>Price changed from ${money(line.priceOverride.listUnitPriceMinor)}` +
          `${line.priceOverride.reason ? `: ${escapeHtml(line.priceOverride.reason)}` : ""}</small>`
        : "";
      return (
        row(
          `${line.quantity} × ${escapeHtml(line.title)}${each}<br><small style="color:#555">` +
            `${escapeHtml(line.sku)} · ${escapeHtml(line.fulfillmentLabel)}</small>${override}`,
          money(line.subtotalMinor),
        ) + discounts
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
    ...receipt.tenders.map((t) =>
      row(escapeHtml(t.label), money(t.tenderedMinor ?? t.amountMinor)),
    ),
    receipt.changeMinor > 0 ? row("Change", money(receipt.changeMinor)) : "",
  ].join("");
  const taxes = receipt.taxes
    .map((t) => {
      const verb = totals.pricesIncludeTax ? "included in" : "on";
      return row(
        `${escapeHtml(t.label)} ${verb} ${money(t.netMinor)}`,
        money(t.taxMinor),
      );
    })
    .join("");
  const promotions = receipt.promotions
    .map((p) =>
      row(
        escapeHtml(p.code ? `${p.name} (${p.code})` : p.name),
        `-${money(p.amountMinor)}`,
      ),
    )
    .join("");
  const address = receipt.store?.address.map(escapeHtml).join("<br>") ?? "";
  const who = [
    receipt.register ? escapeHtml(receipt.register) : "",
    receipt.associate ? `Served by ${escapeHtml(receipt.associate)}` : "",
    receipt.customer ? `For ${escapeHtml(receipt.customer)}` : "",
  ].filter(Boolean);
  const business = receipt.business;
  const number = escapeHtml(receipt.orderNumber);
  const paragraph = (text: string, className: string) =>
    text ? `<p class="${className}">${escapeHtml(text)}</p>` : "";
  const section = (title: string, rows: string) =>
    rows ? `<h2>${title}</h2><table>${rows}</table>` : "";

  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>Receipt ${number}</title><style>${STYLE}</style></head><body><main>`,
    options.preface ? `<section class="preface">${options.preface}</section>` : "",
    receipt.isTestMode ? '<p class="test">TEST MODE — no real money moved</p>' : "",
    `<header><h1>${escapeHtml(business.name)}</h1>`,
    paragraph(business.header, "pre"),
    receipt.store ? `<p>${escapeHtml(receipt.store.name)}<br>${address}</p>` : "",
    "</header>",
    `<p><strong>Order ${number}</strong><br>`,
    `<time datetime="${escapeHtml(receipt.placedAt)}">`,
    `${escapeHtml(new Date(receipt.placedAt).toUTCString())}</time>`,
    who.length > 0 ? `<br>${who.join(" · ")}` : "",
    "</p>",
    `<table class="lines">${lines}</table>`,
    `<table class="money">${money2}</table>`,
    section("Savings", promotions),
    section("Tax", taxes),
    `<figure aria-label="Barcode of order ${number}"><div>${options.barcodeSvg}</div>`,
    "<figcaption>Scan at any till for returns</figcaption></figure>",
    paragraph(business.footer, "pre center"),
    paragraph(business.returnPolicy, "small"),
    "</main></body></html>",
  ].join("\n");
}

const STYLE = [
  "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;",
  "margin:0;padding:16px}",
  "main{max-width:420px;margin:0 auto}",
  "header{text-align:center}h1{font-size:1.4em;margin:0 0 4px}",
  "h2{font-size:1em;margin:12px 0 4px}",
  "table{width:100%;border-collapse:collapse}td{padding:2px 0;vertical-align:top}",
  ".lines{border-top:1px dashed #999;border-bottom:1px dashed #999}.money{margin-top:8px}",
  "small{color:#555}.pre{white-space:pre-line;margin:0}.center{text-align:center}",
  ".small{font-size:.85em;color:#444}",
  ".test{background:#b91c1c;color:#fff;font-weight:700;text-align:center;padding:6px}",
  "figure{margin:16px auto;text-align:center}figure div{max-width:260px;margin:0 auto}",
  "figcaption{font-size:.8em;color:#555}",
  ".preface{border-bottom:1px solid #ddd;margin-bottom:16px;padding-bottom:8px}",
  ".button{display:inline-block;background:#1c1917;color:#fff;padding:10px 16px;",
  "border-radius:6px;text-decoration:none;font-weight:600}",
  "@media print{@page{margin:8mm}}",
].join("");
