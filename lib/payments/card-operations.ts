/**
 * Provider calls that follow a committed transaction. The transaction
 * first books the amount on the payment row with a conditional update (so
 * two requests can never both capture or refund the same pounds); the call
 * to the provider then runs outside it, under an idempotency key; when the
 * provider refuses, a second transaction takes the booking back.
 */
import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { paymentStatusFor } from "@/lib/orders/state-machine";
import type { CardProviders } from "./card-providers";
import type { CardProvider } from "./provider";

export interface CardOperation {
  kind: "capture" | "refund" | "release";
  paymentId: string;
  provider: "STRIPE" | "TEST_CARD";
  reference: string;
  amountMinor: number;
  idempotencyKey: string;
  /** Capture: nothing more will be captured on this payment. */
  isFinal: boolean;
  /** Release: what had been captured before (0 cancels the authorization). */
  capturedMinor: number;
  fulfillmentId: string | null;
}

export interface CardOperationOutcome {
  operation: CardOperation;
  ok: boolean;
  code?: string;
}

function providerFor(providers: CardProviders, name: CardOperation["provider"]) {
  return name === "STRIPE" ? providers.stripe : providers.testCard;
}

/** Runs booked card operations with their providers and records the answers. */
export async function runCardOperations(
  db: PrismaClient,
  operations: readonly CardOperation[],
  options: { providers: CardProviders; actor: string },
): Promise<CardOperationOutcome[]> {
  const outcomes: CardOperationOutcome[] = [];
  for (const operation of operations) {
    const provider = providerFor(options.providers, operation.provider);
    const result = provider
      ? await call(provider, operation)
      : { ok: false as const, code: "provider_missing", message: "not configured" };

    if (result.ok) {
      await recordSuccess(db, operation, result.reference, options.actor);
      outcomes.push({ operation, ok: true });
      continue;
    }
    logger.error(
      { paymentId: operation.paymentId, kind: operation.kind, code: result.code },
      "card provider refused a booked operation",
    );
    await undoBooking(db, operation, result.code, options.actor);
    outcomes.push({ operation, ok: false, code: result.code });
  }
  return outcomes;
}

async function call(provider: CardProvider, operation: CardOperation) {
  try {
    switch (operation.kind) {
      case "capture":
        return await provider.capture({
          reference: operation.reference,
          amountMinor: operation.amountMinor,
          idempotencyKey: operation.idempotencyKey,
          isFinal: operation.isFinal,
        });
      case "refund":
        return await provider.refund({
          reference: operation.reference,
          amountMinor: operation.amountMinor,
          idempotencyKey: operation.idempotencyKey,
        });
      case "release":
        return await provider.release({
          reference: operation.reference,
          idempotencyKey: operation.idempotencyKey,
          capturedMinor: operation.capturedMinor,
        });
    }
  } catch (error) {
    logger.error(
      { err: error, paymentId: operation.paymentId },
      "card provider call failed",
    );
    return { ok: false as const, code: "provider_error", message: String(error) };
  }
}

const EVENT_TYPE = {
  capture: "CAPTURED",
  refund: "REFUNDED",
  release: "VOIDED",
} as const;

async function recordSuccess(
  db: PrismaClient,
  operation: CardOperation,
  reference: string,
  actor: string,
): Promise<void> {
  // The key is unique: a retried operation that already succeeded adds nothing.
  await db.paymentEvent.createMany({
    data: [
      {
        paymentId: operation.paymentId,
        type: EVENT_TYPE[operation.kind],
        amountMinor: operation.amountMinor,
        reference,
        idempotencyKey: operation.idempotencyKey,
        fulfillmentId: operation.fulfillmentId,
        actor,
      },
    ],
    skipDuplicates: true,
  });
}

/** Takes back a booking the provider refused, so the row says what happened. */
async function undoBooking(
  db: PrismaClient,
  operation: CardOperation,
  code: string,
  actor: string,
): Promise<void> {
  // A refused release moves no money: the hold lapses at the provider.
  if (operation.kind === "release") return;
  const column = operation.kind === "capture" ? "capturedMinor" : "refundedMinor";
  await db.$transaction(async (tx) => {
    const payment = await tx.payment.update({
      where: { id: operation.paymentId },
      data: { [column]: { decrement: operation.amountMinor } },
    });
    await tx.payment.update({
      where: { id: payment.id },
      data: { status: paymentStatusFor(payment) },
    });
    await tx.paymentEvent.create({
      data: {
        paymentId: operation.paymentId,
        type: "FAILED",
        amountMinor: operation.amountMinor,
        actor,
        note: `${operation.kind} refused by the provider: ${code}`,
      },
    });
  });
}
