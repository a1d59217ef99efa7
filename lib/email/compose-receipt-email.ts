import { barcodePngDataUrl } from "@/lib/receipts/barcode-png";
import type { Receipt } from "@/lib/receipts/receipt";
import { renderReceiptHtml } from "@/lib/receipts/render-receipt-html";
import { renderReceiptText } from "@/lib/receipts/render-receipt-text";
import type { RenderedEmail } from "./render-email";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BUTTON =
  "display:inline-block;background:#1c1917;color:#ffffff;padding:10px 16px;" +
  "border-radius:6px;text-decoration:none;font-weight:600";

export interface ReceiptEmailOptions {
  receipt: Receipt;
  /** A web order's confirmation, or a till sale's receipt asked for at the counter. */
  purpose: "order_confirmation" | "pos_receipt";
  firstName: string | null;
  /** The order's signed status page: fulfillment, tracking, collection. */
  statusUrl: string;
  /** The same receipt as a web page, through the signed link. */
  receiptUrl: string;
}

/**
 * An emailed receipt: the very page the printer and the web show, built
 * from the same receipt model, with a greeting and the order's signed
 * links above it. Each line says how it reaches the shopper (delivery,
 * collection at a store, taken today).
 */
export async function composeReceiptEmail(
  options: ReceiptEmailOptions,
): Promise<RenderedEmail> {
  const { receipt } = options;
  const business = receipt.business.name;
  const number = receipt.orderNumber;
  const hello = options.firstName ? `Hello ${options.firstName},` : "Hello,";
  const isConfirmation = options.purpose === "order_confirmation";
  const subject = isConfirmation
    ? `Your ${business} order ${number}`
    : `Your receipt from ${business} (${number})`;
  const intro = isConfirmation
    ? "Thank you for your order. Here is your receipt: each line says whether " +
      "it is delivered or collected, and where. Follow the order, with tracking " +
      "and collection details, on its page."
    : `Thank you for shopping at ${receipt.store?.name ?? business}. Here is your receipt.`;
  const links: [string, string][] = isConfirmation
    ? [
        ["Follow your order", options.statusUrl],
        ["View the receipt online", options.receiptUrl],
      ]
    : [
        ["View the receipt online", options.receiptUrl],
        ["Order status", options.statusUrl],
      ];

  const [primary, secondary] = links;
  const preface = [
    `<p>${escapeHtml(hello)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    primary
      ? `<p><a href="${escapeHtml(primary[1])}" style="${BUTTON}">${escapeHtml(primary[0])}</a></p>`
      : "",
    secondary
      ? `<p><a href="${escapeHtml(secondary[1])}">${escapeHtml(secondary[0])}</a></p>`
      : "",
  ].join("");
  const barcode = await barcodePngDataUrl(receipt.barcode);
  const html = renderReceiptHtml(receipt, {
    preface,
    barcodeSvg: `<img src="${barcode}" alt="Barcode of order ${escapeHtml(number)}" width="240">`,
  });
  const text = [
    hello,
    intro,
    ...links.map(([label, href]) => `${label}: ${href}`),
    renderReceiptText(receipt),
  ].join("\n\n");
  return { subject, html, text };
}
