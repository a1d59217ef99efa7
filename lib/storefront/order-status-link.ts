import { signToken, verifyToken } from "./signed-token";

const PURPOSE = "order-status";

/**
 * The token in an order's status link (/orders/<token>): it names the
 * order and is signed, so the page needs no account and a guessed or
 * edited link is refused. It does not expire: receipts are kept for years.
 */
export function orderStatusToken(orderId: string, secret: string): string {
  return signToken(PURPOSE, { o: orderId }, secret);
}

/** The order id a status token names, or null when it was tampered with. */
export function orderIdFromStatusToken(token: string, secret: string): string | null {
  const payload = verifyToken(PURPOSE, token, secret);
  return typeof payload?.o === "string" ? payload.o : null;
}
