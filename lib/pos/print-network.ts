import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { encodeReceiptEscPos } from "@/lib/receipts/encode-escpos";
import { loadReceipt } from "@/lib/receipts/load-receipt";
import { sendToNetworkPrinter } from "@/lib/receipts/network-printer";

/**
 * Prints a till sale's receipt on its register's network printer: the
 * same ESC/POS bytes a Web Serial printer gets, sent by the server, so a
 * till on an iPhone or iPad prints too. A cash sale kicks the drawer.
 */
export async function printReceiptOverNetwork(
  db: Db,
  options: { actor: StaffActor; orderNumber: string; registerId: string },
): Promise<{ address: string }> {
  const register = await db.register.findUnique({
    where: { id: options.registerId },
    select: { locationId: true, printerAddress: true, name: true },
  });
  if (!register) throw notFound("Register");
  authorize(options.actor, "pos:sell", { locationId: register.locationId });
  if (!register.printerAddress) {
    throw new AppError(
      "invalid_input",
      `${register.name} has no network printer. A manager sets its address under Locations.`,
      { fields: { registerId: ["No network printer is set for this register."] } },
    );
  }
  const order = await db.order.findUnique({
    where: { number: options.orderNumber },
    select: { id: true },
  });
  if (!order) throw notFound("Order");
  const receipt = await loadReceipt(db, { actor: options.actor, orderId: order.id });
  await sendToNetworkPrinter({
    address: register.printerAddress,
    bytes: encodeReceiptEscPos(receipt),
  });
  return { address: register.printerAddress };
}
