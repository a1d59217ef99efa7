import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (time-ordered), as the schema's ids are. Checkout makes
 * its ids up front so an order, its fulfillments, lines and payments can be
 * written in a few batched statements instead of one round trip each.
 */
export function uuid7(now = Date.now()): string {
  const bytes = randomBytes(16);
  const time = BigInt(now);
  for (let i = 0; i < 6; i += 1) {
    bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  const parts = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return `${parts.join("-")}-${hex.slice(20)}`;
}
