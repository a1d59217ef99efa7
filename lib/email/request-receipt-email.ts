import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { EMAIL_EVENT_TYPES } from "./email-subscriber";
import { type ReceiptEmailInput, ReceiptEmailSchema } from "./receipt-email-schema";

export { type ReceiptEmailInput, ReceiptEmailSchema };

/**
 * Asks for a till sale's receipt to be emailed, at the end of the sale:
 * writes the request as an event (and an audit entry) in one transaction
 * and answers at once; the email subscriber queues the email from the
 * event and the mail sender sends it. Each request is its own email, so
 * asking again (a typo corrected) sends again. Staff may email receipts of
 * their own stores' sales only.
 */
export async function requestReceiptEmail(
  db: PrismaClient,
  options: { actor: StaffActor; input: ReceiptEmailInput },
): Promise<{ orderNumber: string; email: string }> {
  const input = parseInput(ReceiptEmailSchema, options.input);

  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { number: input.orderNumber },
      select: { id: true, number: true, status: true, locationId: true },
    });
    const isReceipted =
      order && order.status !== "PENDING_PAYMENT" && order.status !== "PAYMENT_FAILED";
    // Only sales made at a store: a web order's receipt goes to its own shopper.
    if (!order?.locationId || !isReceipted) throw notFound("Sale");
    authorize(options.actor, "pos:sell", { locationId: order.locationId });

    await emitEvent(tx, {
      type: EMAIL_EVENT_TYPES.receiptRequested,
      aggregateType: "order",
      aggregateId: order.id,
      locationId: order.locationId,
      payload: { orderId: order.id, number: order.number, email: input.email },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "receipt.email_requested",
      entityType: "order",
      entityId: order.id,
      after: { number: order.number, email: input.email },
      locationId: order.locationId,
    });
    return { orderNumber: order.number, email: input.email };
  });
}
