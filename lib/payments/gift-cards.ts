/**
 * Gift cards: a balance kept as a ledger. The code is shown once when the
 * card is issued and stored only as a hash. Drawing on a card is one
 * conditional update (balance >= amount), so two tills racing for the last
 * pounds of a card cannot both spend them.
 */

import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/client";
import type { LedgerReason } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { hashCardCode, readableCode } from "./codes";

export interface IssueGiftCardInput {
  actor: Actor;
  amountMinor: number;
  currency: string;
  customerId?: string | null;
  expiresAt?: Date | null;
  orderId?: string | null;
}

/** Issues a gift card; the returned code is never stored and shown only now. */
export async function issueGiftCard(tx: Tx, input: IssueGiftCardInput) {
  const code = readableCode(16).replace(/(.{4})(?!$)/g, "$1-");
  const giftCard = await tx.giftCard.create({
    data: {
      codeHash: hashCardCode(code),
      last4: code.slice(-4),
      currency: input.currency,
      balanceMinor: input.amountMinor,
      initialMinor: input.amountMinor,
      customerId: input.customerId ?? null,
      expiresAt: input.expiresAt ?? null,
      entries: {
        create: {
          amountMinor: input.amountMinor,
          reason: "ISSUE",
          orderId: input.orderId ?? null,
          actor: actorRef(input.actor),
        },
      },
    },
  });
  const after = { last4: giftCard.last4, amountMinor: input.amountMinor };
  if (input.actor.kind === "staff" || input.actor.kind === "api_key") {
    await recordAudit(tx, {
      actor: input.actor,
      action: "gift_card.issued",
      entityType: "gift_card",
      entityId: giftCard.id,
      after,
    });
  }
  await emitEvent(tx, {
    type: "gift_card.issued",
    aggregateType: "gift_card",
    aggregateId: giftCard.id,
    payload: { ...after, currency: input.currency },
  });
  return { giftCard, code };
}

/** The card behind a code, or null; the balance is the ledger's sum. */
export async function findGiftCard(db: Db, code: string) {
  return db.giftCard.findUnique({ where: { codeHash: hashCardCode(code) } });
}

export interface DrawGiftCardInput {
  code: string;
  amountMinor: number;
  currency: string;
  paymentId: string;
  orderId: string;
  actor: string;
  /** The field named in a refusal, e.g. "tenders.1". */
  field: string;
  now: Date;
}

/**
 * Takes an amount off a card for a tender. Throws payment_declined naming
 * the tender when the card is unknown, inactive, expired, in another
 * currency or short of funds.
 */
export async function drawGiftCard(tx: Tx, input: DrawGiftCardInput): Promise<string> {
  const decline = (message: string) =>
    new AppError("payment_declined", message, { fields: { [input.field]: [message] } });

  const card = await tx.giftCard.findUnique({
    where: { codeHash: hashCardCode(input.code) },
  });
  if (!card?.isActive) throw decline("That gift card was not recognised.");
  if (card.expiresAt && card.expiresAt <= input.now) {
    throw decline("That gift card has expired.");
  }
  if (card.currency !== input.currency) {
    throw decline(`That gift card is in ${card.currency}.`);
  }

  const drawn = await tx.giftCard.updateMany({
    where: { id: card.id, balanceMinor: { gte: input.amountMinor } },
    data: { balanceMinor: { decrement: input.amountMinor } },
  });
  if (drawn.count === 0) throw decline("The gift card does not have enough balance.");

  await tx.giftCardEntry.create({
    data: {
      giftCardId: card.id,
      amountMinor: -input.amountMinor,
      reason: "REDEEM",
      paymentId: input.paymentId,
      orderId: input.orderId,
      actor: input.actor,
    },
  });
  return card.id;
}

/** Puts an amount back on a card (an unused hold, a refund). */
export async function creditGiftCard(
  tx: Tx,
  input: {
    giftCardId: string;
    amountMinor: number;
    reason: Extract<LedgerReason, "VOID" | "REFUND" | "ADJUSTMENT">;
    paymentId?: string | null;
    orderId?: string | null;
    actor: string;
    note?: string;
  },
): Promise<void> {
  await tx.giftCard.update({
    where: { id: input.giftCardId },
    data: { balanceMinor: { increment: input.amountMinor } },
  });
  await tx.giftCardEntry.create({
    data: {
      giftCardId: input.giftCardId,
      amountMinor: input.amountMinor,
      reason: input.reason,
      paymentId: input.paymentId ?? null,
      orderId: input.orderId ?? null,
      actor: input.actor,
      note: input.note ?? null,
    },
  });
}
