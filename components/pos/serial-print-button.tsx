"use client";

import { useEffect, useState } from "react";
import type { Receipt } from "@/lib/receipts/receipt";
import {
  canPrintSerial,
  openDrawerIfPaired,
  printReceiptSerial,
} from "./receipt-printer";

/**
 * Prints on a thermal printer over Web Serial. Loaded only in the browser
 * (next/dynamic without SSR): the printer library has no server build.
 */
export default function SerialPrintButton({ receipt }: { receipt: Receipt }) {
  const [state, setState] = useState<string | null>(null);
  const isCashSale = receipt.tenders.some((t) => t.isCash);
  // A cash sale opens the drawer at once when a printer is already paired.
  useEffect(() => {
    if (!isCashSale) return;
    openDrawerIfPaired().catch(() =>
      setState("The drawer did not open: check the printer's cable."),
    );
  }, [isCashSale]);
  if (!canPrintSerial()) return null;

  async function print() {
    setState("Printing…");
    try {
      await printReceiptSerial(receipt);
      setState("Sent to the receipt printer.");
    } catch (error) {
      setState(
        error instanceof Error ? error.message : "The printer did not answer. Try again.",
      );
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void print()}
        className="min-h-12 rounded-xl bg-white/10 px-4 font-semibold"
      >
        Receipt printer
      </button>
      {state && (
        <p aria-live="polite" className="w-full text-sm text-white/80">
          {state}
        </p>
      )}
    </>
  );
}
