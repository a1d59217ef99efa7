"use client";

import { encodeReceiptEscPos } from "@/lib/receipts/encode-escpos";
import type { Receipt } from "@/lib/receipts/receipt";

interface SerialPrinter {
  connect(): Promise<void>;
  print(data: Uint8Array): Promise<void>;
  addEventListener(event: string, callback: (detail: unknown) => void): void;
}

let printer: SerialPrinter | null = null;
let isConnected = false;

/** Whether this browser can talk to a printer on a serial port (Chrome and Edge). */
export function canPrintSerial(): boolean {
  return typeof navigator !== "undefined" && "serial" in navigator;
}

/**
 * Pairs a receipt printer on Web Serial once per page, through
 * @point-of-sale/webserial-receipt-printer. The library is browser-only,
 * so it is loaded here, inside the associate's action, never at build time.
 */
async function connectPrinter(): Promise<SerialPrinter> {
  if (printer && isConnected) return printer;
  const { default: WebSerialReceiptPrinter } = await import(
    "@point-of-sale/webserial-receipt-printer"
  );
  const next = new WebSerialReceiptPrinter({ baudRate: 9600 }) as SerialPrinter;
  const connected = new Promise<boolean>((resolve) => {
    next.addEventListener("connected", () => resolve(true));
    // The library reports a refused or cancelled port only in the console:
    // once connect() settles without the event, no printer was paired.
    void next.connect().then(() => setTimeout(() => resolve(false), 50));
  });
  if (!(await connected)) {
    throw new Error("No printer was chosen. Pair the printer and try again.");
  }
  next.addEventListener("disconnected", () => {
    isConnected = false;
  });
  printer = next;
  isConnected = true;
  return next;
}

/** Prints a receipt as ESC/POS bytes made in the browser by the receipts module. */
export async function printReceiptSerial(receipt: Receipt): Promise<void> {
  if (!canPrintSerial()) {
    throw new Error(
      "This browser has no Web Serial. Use Print (the browser's dialog) instead.",
    );
  }
  const target = await connectPrinter();
  await target.print(encodeReceiptEscPos(receipt));
}

/** ESC p 0 25 250: the drawer on the printer's kick-out port opens. */
const DRAWER_PULSE = Uint8Array.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

/**
 * Opens the cash drawer through a printer paired earlier on this page; a
 * till without one opens its drawer by hand. Never asks to pair.
 */
export async function openDrawerIfPaired(): Promise<boolean> {
  if (!printer || !isConnected) return false;
  await printer.print(DRAWER_PULSE);
  return true;
}
