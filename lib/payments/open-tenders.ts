import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { PaymentProvider, PaymentStatus } from "@/lib/db/generated/enums";
import { uuid7 } from "@/lib/db/uuid7";
import { drawGiftCard } from "./gift-cards";
import { drawStoreCredit } from "./store-credit";
import type { SizedTender } from "./tenders";

/** A tender written as a payment row, with what is left to do with it. */
export interface OpenedTender {
  paymentId: string;
  index: number;
  provider: PaymentProvider;
  amountMinor: number;
  /** Sent to the card provider; also the payment row's unique key. */
  idempotencyKey: string;
  /** Card tenders: the token to authorize; null for settled internal tenders. */
  token: string | null;
}

const PROVIDER_OF = {
  cash: "CASH",
  gift_card: "GIFT_CARD",
  store_credit: "STORE_CREDIT",
} as const;

/**
 * Writes one payment per tender inside the order's transaction. Internal
 * tenders are settled here and now: cash is captured (it is in the drawer),
 * gift cards and store credit are drawn down with a conditional update
 * and held as authorized. Card tenders are written PENDING, to be
 * authorized with the provider once the transaction has committed.
 */
export async function openTenders(
  tx: Tx,
  options: {
    orderId: string;
    currency: string;
    customerId: string | null;
    tenders: readonly SizedTender[];
    /** The card provider for each card tender, by tender index. */
    cardProviders: ReadonlyMap<number, "STRIPE" | "TEST_CARD">;
    isTestMode: (index: number) => boolean;
    actor: string;
    now: Date;
  },
): Promise<OpenedTender[]> {
  const opened: OpenedTender[] = [];
  const rows = [];
  const events = [];

  for (const tender of options.tenders) {
    const paymentId = uuid7();
    const idempotencyKey = `${options.orderId}:t${tender.index}`;
    const field = `tenders.${tender.index}`;
    const draw = {
      amountMinor: tender.amountMinor,
      currency: options.currency,
      paymentId,
      orderId: options.orderId,
      actor: options.actor,
      field,
    };
    let status: PaymentStatus = "AUTHORIZED";
    let provider: PaymentProvider;
    let giftCardId: string | null = null;
    let storeCreditAccountId: string | null = null;

    switch (tender.kind) {
      case "card":
        provider = options.cardProviders.get(tender.index) ?? "TEST_CARD";
        status = "PENDING";
        break;
      case "cash":
        provider = PROVIDER_OF.cash;
        status = "CAPTURED";
        break;
      case "gift_card":
        provider = PROVIDER_OF.gift_card;
        giftCardId = await drawGiftCard(tx, {
          ...draw,
          code: tender.code,
          now: options.now,
        });
        break;
      case "store_credit":
        provider = PROVIDER_OF.store_credit;
        storeCreditAccountId = await drawStoreCredit(tx, {
          ...draw,
          customerId: options.customerId,
        });
        break;
    }

    const isCash = tender.kind === "cash";
    rows.push({
      id: paymentId,
      orderId: options.orderId,
      provider,
      status,
      currency: options.currency,
      amountMinor: tender.amountMinor,
      capturedMinor: isCash ? tender.amountMinor : 0,
      tenderedMinor: isCash ? tender.tenderedMinor : null,
      changeMinor: isCash ? tender.tenderedMinor - tender.amountMinor : null,
      idempotencyKey,
      giftCardId,
      storeCreditAccountId,
      isTestMode: tender.kind === "card" && options.isTestMode(tender.index),
    });
    if (status !== "PENDING") {
      events.push({
        paymentId,
        type: isCash ? ("CAPTURED" as const) : ("AUTHORIZED" as const),
        amountMinor: tender.amountMinor,
        actor: options.actor,
      });
    }
    opened.push({
      paymentId,
      index: tender.index,
      provider,
      amountMinor: tender.amountMinor,
      idempotencyKey,
      token: tender.kind === "card" ? tender.token : null,
    });
  }

  if (rows.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "Payment" (id, "orderId", provider, status, currency, "amountMinor",
        "capturedMinor", "tenderedMinor", "changeMinor", "idempotencyKey", "giftCardId",
        "storeCreditAccountId", "isTestMode", "createdAt", "updatedAt")
      VALUES ${Prisma.join(
        rows.map(
          (row) => Prisma.sql`(${row.id}, ${row.orderId},
            ${row.provider}::"PaymentProvider", ${row.status}::"PaymentStatus",
            ${row.currency}, ${row.amountMinor}::int, ${row.capturedMinor}::int, ${row.tenderedMinor}::int, ${row.changeMinor}::int,
            ${row.idempotencyKey}, ${row.giftCardId}::text, ${row.storeCreditAccountId}::text,
            ${row.isTestMode}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`,
        ),
      )}`;
  }
  if (events.length > 0) await tx.paymentEvent.createMany({ data: events });
  return opened;
}
