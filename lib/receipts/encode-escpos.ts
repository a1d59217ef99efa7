/**
 * A receipt as ESC/POS bytes for a thermal printer, through
 * @point-of-sale/receipt-printer-encoder. Pure: the POS runs it in the
 * browser and sends the bytes over WebSerial or WebUSB; the server uses it
 * for reprints and tests.
 */
import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import { formatMoney } from "../money/format";
import type { Receipt } from "./receipt";

export interface EscPosOptions {
  /** Characters per line: 42 on 80 mm paper (font A), 32 on 58 mm. */
  columns?: number;
  /**
   * Pulse the cash drawer wired to the printer's kick-out port before
   * printing. Default: when the sale took cash.
   */
  openDrawer?: boolean;
}

/** Encodes a receipt to ESC/POS commands, ending with a paper cut. */
export function encodeReceiptEscPos(
  receipt: Receipt,
  options: EscPosOptions = {},
): Uint8Array {
  const columns = options.columns ?? 42;
  const money = (amount: number) => formatMoney({ amount, currency: receipt.currency });
  // Most printers lack "£" in their default code page; the encoder picks a
  // code page per character, so the symbol prints where the printer has it.
  const encoder = new ReceiptPrinterEncoder({ language: "esc-pos", columns });
  const pair = (left: string, right: string) =>
    encoder.table(
      [
        { width: columns - 14, align: "left" },
        { width: 14, align: "right" },
      ],
      [[left, right]],
    );

  encoder.initialize();
  const openDrawer = options.openDrawer ?? receipt.tenders.some((t) => t.isCash);
  // ESC p 0: the drawer on pin 2 opens while the slip prints.
  if (openDrawer) encoder.pulse(0);
  encoder.codepage("auto").align("center");
  if (receipt.isTestMode)
    encoder.invert(true).bold(true).line(" TEST MODE ").invert(false).bold(false);
  encoder.bold(true).size(2, 2).line(receipt.business.name).size(1, 1).bold(false);
  for (const text of receipt.business.header.split("\n").filter(Boolean))
    encoder.line(text);
  if (receipt.store) {
    encoder.line(receipt.store.name);
    for (const part of receipt.store.address) encoder.line(part);
  }
  encoder.newline().align("left");
  encoder.line(`Order ${receipt.orderNumber}`);
  encoder.line(new Date(receipt.placedAt).toUTCString());
  if (receipt.register) encoder.line(receipt.register);
  if (receipt.associate) encoder.line(`Served by: ${receipt.associate}`);
  encoder.rule();

  for (const line of receipt.lines) {
    pair(`${line.quantity} x ${line.title}`, money(line.subtotalMinor));
    if (line.quantity > 1) encoder.line(`    ${money(line.unitPriceMinor)} each`);
    if (line.priceOverride)
      encoder.line(`    Was ${money(line.priceOverride.listUnitPriceMinor)} each`);
    for (const discount of line.discounts)
      pair(`    ${discount.name}`, `-${money(discount.amountMinor)}`);
    if (line.fulfillmentLabel !== "Taken today")
      encoder.line(`    ${line.fulfillmentLabel}`);
  }
  encoder.rule();
  pair("Subtotal", money(receipt.totals.subtotalMinor));
  if (receipt.totals.discountMinor > 0)
    pair("Discounts", `-${money(receipt.totals.discountMinor)}`);
  if (receipt.totals.shippingMinor > 0)
    pair("Delivery", money(receipt.totals.shippingMinor));
  if (!receipt.totals.pricesIncludeTax) pair("Tax", money(receipt.totals.taxMinor));
  encoder.bold(true);
  pair("TOTAL", money(receipt.totals.totalMinor));
  encoder.bold(false);
  for (const tender of receipt.tenders) {
    pair(tender.label, money(tender.tenderedMinor ?? tender.amountMinor));
  }
  if (receipt.changeMinor > 0) pair("Change", money(receipt.changeMinor));
  if (receipt.taxes.length > 0) {
    encoder.rule();
    for (const tax of receipt.taxes) {
      const verb = receipt.totals.pricesIncludeTax ? "incl." : "on";
      pair(`${tax.label} ${verb} ${money(tax.netMinor)}`, money(tax.taxMinor));
    }
  }
  encoder.newline().align("center");
  encoder.barcode(receipt.barcode, "code128", { height: 60, text: "below" });
  for (const text of receipt.business.footer.split("\n").filter(Boolean))
    encoder.line(text);
  if (receipt.business.returnPolicy) encoder.line(receipt.business.returnPolicy);
  if (receipt.isTestMode) encoder.line("TEST MODE - no real money moved");
  return encoder.newline(2).cut().encode();
}
