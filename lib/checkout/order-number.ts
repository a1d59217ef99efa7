import { readableCode } from "@/lib/payments/codes";

/**
 * A new order number: "OT-" and six characters without look-alikes (no
 * 0/O, 1/I/L, U/V), easy to read over the phone. 29^6 is about 600
 * million, so a clash is rare; the writer retries with a fresh number.
 */
export function newOrderNumber(): string {
  return `OT-${readableCode(6)}`;
}

/** Whether text looks like an order number, for search boxes and scans. */
export function isOrderNumber(text: string): boolean {
  return /^OT-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}$/.test(text.trim().toUpperCase());
}
