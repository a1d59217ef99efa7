"use client";

import dynamic from "next/dynamic";
import { formatMoney } from "@/components/ui/format";
import type { Receipt } from "@/lib/receipts/receipt";

import { EmailReceiptForm } from "./email-receipt-form";
import { NetworkPrintButton } from "./network-print-button";

const SerialPrintButton = dynamic(() => import("./serial-print-button"), { ssr: false });

/** The finished sale: change due, the receipt on screen, and ways to print it. */
export function ReceiptView({
  receipt,
  changeDueMinor,
  onNewSale,
  registerId,
  suggestedEmail = null,
}: {
  receipt: Receipt;
  changeDueMinor: number;
  onNewSale: () => void;
  /** Offers the register's network printer when given. */
  registerId?: string;
  /** Prefills the email form: the attached customer's address. */
  suggestedEmail?: string | null;
}) {
  const money = (minor: number) => formatMoney(minor, receipt.currency);

  return (
    <section aria-label="Sale complete" className="flex-1 overflow-y-auto p-4">
      <div className="print:hidden">
        <p className="text-lg font-semibold">Sale complete · {receipt.orderNumber}</p>
        {changeDueMinor > 0 && (
          <p className="mt-2 rounded-2xl bg-amber-300 p-4 text-3xl font-bold text-ink">
            Change due: <span data-testid="change-due">{money(changeDueMinor)}</span>
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => window.print()}
            className="min-h-12 rounded-xl bg-white px-4 font-semibold text-brand-900"
          >
            Print
          </button>
          <SerialPrintButton receipt={receipt} />
          {registerId && (
            <NetworkPrintButton
              orderNumber={receipt.orderNumber}
              registerId={registerId}
            />
          )}
          <button
            type="button"
            onClick={onNewSale}
            className="min-h-12 flex-1 rounded-xl bg-brand-500 px-4 font-bold"
          >
            New sale
          </button>
        </div>
        <EmailReceiptForm
          orderNumber={receipt.orderNumber}
          suggestedEmail={suggestedEmail}
        />
      </div>

      <article
        aria-label="Receipt"
        className="mx-auto mt-4 max-w-sm rounded-xl bg-white p-4 font-mono text-sm text-ink print:mt-0 print:max-w-none print:rounded-none"
      >
        {receipt.isTestMode && (
          <p className="bg-ink text-center font-bold text-white">TEST MODE</p>
        )}
        <p className="text-center text-lg font-bold">{receipt.business.name}</p>
        {receipt.store && <p className="text-center">{receipt.store.name}</p>}
        <p className="mt-2">Order {receipt.orderNumber}</p>
        <p>{new Date(receipt.placedAt).toLocaleString("en-GB")}</p>
        {receipt.register && <p>Till: {receipt.register}</p>}
        {receipt.associate && <p>Served by: {receipt.associate}</p>}
        <hr className="my-2 border-dashed border-ink/40" />
        <ul>
          {receipt.lines.map((line) => (
            <li key={`${line.sku}-${line.fulfillmentLabel}`} className="py-0.5">
              <div className="flex justify-between gap-2">
                <span>
                  {line.quantity} × {line.title}
                </span>
                <span>{money(line.subtotalMinor)}</span>
              </div>
              {line.priceOverride && (
                <p className="pl-4 text-ink/70">
                  Price changed from {money(line.priceOverride.listUnitPriceMinor)}
                  {line.priceOverride.reason ? `: ${line.priceOverride.reason}` : ""}
                </p>
              )}
              {line.discounts.map((d) => (
                <div key={d.name} className="flex justify-between gap-2 pl-4 text-ink/70">
                  <span>{d.name}</span>
                  <span>-{money(d.amountMinor)}</span>
                </div>
              ))}
            </li>
          ))}
        </ul>
        <hr className="my-2 border-dashed border-ink/40" />
        <Row label="Subtotal" value={money(receipt.totals.subtotalMinor)} />
        {receipt.totals.discountMinor > 0 && (
          <Row label="Discounts" value={`-${money(receipt.totals.discountMinor)}`} />
        )}
        {!receipt.totals.pricesIncludeTax && (
          <Row label="Tax" value={money(receipt.totals.taxMinor)} />
        )}
        <Row label="TOTAL" value={money(receipt.totals.totalMinor)} isStrong />
        {receipt.tenders.map((t) => (
          <Row
            key={`${t.label}-${t.amountMinor}`}
            label={t.label}
            value={money(t.tenderedMinor ?? t.amountMinor)}
          />
        ))}
        {receipt.changeMinor > 0 && (
          <Row label="Change" value={money(receipt.changeMinor)} />
        )}
        {receipt.taxes.map((t) => (
          <Row
            key={t.label}
            label={`${t.label} ${receipt.totals.pricesIncludeTax ? "incl." : "on"} ${money(t.netMinor)}`}
            value={money(t.taxMinor)}
          />
        ))}
        {receipt.business.footer && (
          <p className="mt-2 text-center">{receipt.business.footer}</p>
        )}
      </article>
    </section>
  );
}

function Row({
  label,
  value,
  isStrong,
}: {
  label: string;
  value: string;
  isStrong?: boolean;
}) {
  return (
    <div
      className={`flex justify-between gap-2 ${isStrong ? "text-base font-bold" : ""}`}
    >
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
}
