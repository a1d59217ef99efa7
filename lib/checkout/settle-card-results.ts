import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { oneStatement } from "@/lib/db/one-statement";
import { uuid7 } from "@/lib/db/uuid7";
import type { CardAuthorization } from "@/lib/payments/authorize-cards";

/**
 * Writes the providers' answers onto the order's card payments: authorized
 * (with the reference, brand and last four, and any amount captured with
 * it), declined or failed (with the code), or voided when never tried.
 * Each card's payment and its events are one statement. The events carry
 * idempotency keys, so an answer written twice records each event once.
 */
export async function recordCardResults(
  tx: Tx,
  authorizations: readonly CardAuthorization[],
  actor: string,
): Promise<void> {
  for (const { tender, result } of authorizations) {
    const pending = Prisma.sql`WHERE id = ${tender.paymentId} AND status = 'PENDING'`;
    if (!result) {
      await tx.$executeRaw`UPDATE "Payment" SET status = 'VOIDED',
        "updatedAt" = now() AT TIME ZONE 'UTC' ${pending}`;
      continue;
    }
    if (result.outcome !== "authorized") {
      const type = result.outcome === "declined" ? "DECLINED" : "FAILED";
      await tx.$queryRaw(
        oneStatement(
          Prisma.sql`UPDATE "Payment" SET status = ${type}::"PaymentStatus",
              "failureCode" = ${result.code}, "updatedAt" = now() AT TIME ZONE 'UTC'
            ${pending} RETURNING id`,
          eventInsert([
            {
              paymentId: tender.paymentId,
              type,
              amountMinor: tender.amountMinor,
              reference: null,
              idempotencyKey: `auth:${tender.paymentId}`,
              actor,
              note: result.message,
            },
          ]),
        ),
      );
      continue;
    }
    const isCaptured = result.capturedMinor >= tender.amountMinor;
    const authorized = {
      paymentId: tender.paymentId,
      amountMinor: tender.amountMinor,
      reference: result.reference,
      actor,
      note: null,
    };
    const events: PaymentEventRow[] = [
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
    await tx.$queryRaw(
      oneStatement(
        Prisma.sql`UPDATE "Payment"
          SET status = ${isCaptured ? "CAPTURED" : "AUTHORIZED"}::"PaymentStatus",
            "capturedMinor" = ${result.capturedMinor}, reference = ${result.reference},
            "cardBrand" = ${result.cardBrand}, "cardLast4" = ${result.cardLast4},
            "updatedAt" = now() AT TIME ZONE 'UTC'
          ${pending} RETURNING id`,
        eventInsert(events),
      ),
    );
  }
}

interface PaymentEventRow {
  paymentId: string;
  type: "AUTHORIZED" | "CAPTURED" | "DECLINED" | "FAILED";
  amountMinor: number;
  reference: string | null;
  idempotencyKey: string;
  actor: string;
  note: string | null;
}

/** Payment events, each kept once by its idempotency key. */
function eventInsert(events: readonly PaymentEventRow[]): Prisma.Sql {
  const rows = events.map(
    (e) => Prisma.sql`(${uuid7()}, ${e.paymentId}, ${e.type}::"PaymentEventType",
      ${e.amountMinor}::int, ${e.reference}::text, ${e.idempotencyKey}, ${e.actor},
      ${e.note}::text, now() AT TIME ZONE 'UTC')`,
  );
  return Prisma.sql`INSERT INTO "PaymentEvent" (id, "paymentId", type, "amountMinor",
      reference, "idempotencyKey", actor, note, "createdAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT DO NOTHING`;
}
