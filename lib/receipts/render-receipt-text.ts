import { formatMoney } from "../money/format";
import type { Receipt } from "./receipt";

/**
 * A receipt as plain text, the same rows in the same order as the HTML page
 * and the printed slip: the body of an emailed receipt for mail clients that
 * show no HTML. Pure.
 */
export function renderReceiptText(receipt: Receipt, options: { columns?: number } = {}) {
  const columns = options.columns ?? 48;
  const money = (amount: number) => formatMoney({ amount, currency: receipt.currency });
  const out: string[] = [];
  const pair = (left: string, right: string) => {
    const room = Math.max(1, columns - right.length - 1);
    const head = left.length > room ? `${left.slice(0, room - 1)}…` : left;
    out.push(`${head.padEnd(room)} ${right}`);
  };
  const rule = () => out.push("-".repeat(columns));

  if (receipt.isTestMode) out.push("TEST MODE - no real money moved", "");
  out.push(receipt.business.name);
  out.push(...receipt.business.header.split("\n").filter(Boolean));
  if (receipt.store) out.push(receipt.store.name, ...receipt.store.address);
  out.push("", `Order ${receipt.orderNumber}`, new Date(receipt.placedAt).toUTCString());
  if (receipt.register) out.push(receipt.register);
  if (receipt.associate) out.push(`Served by ${receipt.associate}`);
  if (receipt.customer) out.push(`For ${receipt.customer}`);
  rule();

  for (const line of receipt.lines) {
    pair(`${line.quantity} x ${line.title}`, money(line.subtotalMinor));
    if (line.quantity > 1) out.push(`    ${money(line.unitPriceMinor)} each`);
    out.push(`    ${line.sku} · ${line.fulfillmentLabel}`);
    if (line.priceOverride) {
      const reason = line.priceOverride.reason ? `: ${line.priceOverride.reason}` : "";
      out.push(
        `    Price changed from ${money(line.priceOverride.listUnitPriceMinor)}${reason}`,
      );
    }
    for (const discount of line.discounts) {
      pair(`    ${discount.name}`, `-${money(discount.amountMinor)}`);
    }
  }
  rule();

  const { totals } = receipt;
  pair("Subtotal", money(totals.subtotalMinor));
  if (totals.discountMinor > 0) pair("Discounts", `-${money(totals.discountMinor)}`);
  if (totals.shippingMinor > 0) pair("Delivery", money(totals.shippingMinor));
  if (!totals.pricesIncludeTax) pair("Tax", money(totals.taxMinor));
  pair("Total", money(totals.totalMinor));
  for (const tender of receipt.tenders) {
    pair(tender.label, money(tender.tenderedMinor ?? tender.amountMinor));
  }
  if (receipt.changeMinor > 0) pair("Change", money(receipt.changeMinor));

  if (receipt.promotions.length > 0) {
    out.push("", "Savings");
    for (const p of receipt.promotions) {
      pair(p.code ? `${p.name} (${p.code})` : p.name, `-${money(p.amountMinor)}`);
    }
  }
  if (receipt.taxes.length > 0) {
    out.push("", "Tax");
    const verb = totals.pricesIncludeTax ? "included in" : "on";
    for (const t of receipt.taxes) {
      pair(`${t.label} ${verb} ${money(t.netMinor)}`, money(t.taxMinor));
    }
  }
  if (receipt.business.footer) out.push("", receipt.business.footer);
  if (receipt.business.returnPolicy) out.push("", receipt.business.returnPolicy);
  return `${out.join("\n")}\n`;
}
