import type { Tx } from "@/lib/db/client";
import type { CardAuthorization } from "@/lib/payments/authorize-cards";

/**
 * Writes the providers' answers onto the order's card payments: authorized
 * (with the reference, brand and last four, and any amount captured with
 * it), declined or failed (with the code), or voided when never tried.
 */
export async function recordCardResults(
  tx: Tx,
  authorizations: readonly CardAuthorization[],
  actor: string,
): Promise<void> {
  for (const { tender, result } of authorizations) {
    const where = { id: tender.paymentId, status: "PENDING" as const };
    if (!result) {
      await tx.payment.updateMany({ where, data: { status: "VOIDED" } });
      continue;
    }
    if (result.outcome !== "authorized") {
      await tx.payment.updateMany({
        where,
        data: {
          status: result.outcome === "declined" ? "DECLINED" : "FAILED",
          failureCode: result.code,
        },
      });
      await tx.paymentEvent.createMany({
        data: [
          {
            paymentId: tender.paymentId,
            type: result.outcome === "declined" ? "DECLINED" : "FAILED",
            amountMinor: tender.amountMinor,
            idempotencyKey: `auth:${tender.paymentId}`,
            actor,
            note: result.message,
          },
        ],
        skipDuplicates: true,
      });
      continue;
    }
    const isCaptured = result.capturedMinor >= tender.amountMinor;
    await tx.payment.updateMany({
      where,
      data: {
        status: isCaptured ? "CAPTURED" : "AUTHORIZED",
        capturedMinor: result.capturedMinor,
        reference: result.reference,
        cardBrand: result.cardBrand,
        cardLast4: result.cardLast4,
      },
    });
    const authorized = {
      paymentId: tender.paymentId,
      amountMinor: tender.amountMinor,
      reference: result.reference,
      actor,
    };
    const events: {
      paymentId: string;
      amountMinor: number;
      reference: string;
      actor: string;
      type: "AUTHORIZED" | "CAPTURED";
      idempotencyKey: string;
    }[] = [
      { ...authorized, type: "AUTHORIZED", idempotencyKey: `auth:${tender.paymentId}` },
    ];
    if (result.capturedMinor > 0) {
      events.push({
        ...authorized,
        type: "CAPTURED",
        amountMinor: result.capturedMinor,
        idempotencyKey: `capture:auth:${tender.paymentId}`,
      });
    }
    await tx.paymentEvent.createMany({ data: events, skipDuplicates: true });
  }
}
