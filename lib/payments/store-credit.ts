/**
 * Store credit: one account per customer, its balance kept as a ledger and
 * drawn down with one conditional update, like gift cards.
 */

import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/client";
import type { LedgerReason } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";

/** Adds credit to a customer's account, opening it if needed. */
export async function issueStoreCredit(
  tx: Tx,
  input: {
    actor: Actor;
    customerId: string;
    amountMinor: number;
    currency: string;
    reason?: Extract<LedgerReason, "ISSUE" | "REFUND" | "ADJUSTMENT">;
    orderId?: string | null;
    note?: string;
  },
) {
  const account = await tx.storeCreditAccount.upsert({
    where: { customerId: input.customerId },
    create: {
      customerId: input.customerId,
      currency: input.currency,
      balanceMinor: 0,
    },
    update: {},
  });
  if (account.currency !== input.currency) {
    throw new AppError(
      "conflict",
      `This customer's store credit is in ${account.currency}.`,
    );
  }
  const updated = await creditStoreCredit(tx, {
    accountId: account.id,
    amountMinor: input.amountMinor,
    reason: input.reason ?? "ISSUE",
    orderId: input.orderId ?? null,
    actor: actorRef(input.actor),
    note: input.note,
  });
  if (input.actor.kind === "staff" || input.actor.kind === "api_key") {
    await recordAudit(tx, {
      actor: input.actor,
      action: "store_credit.issued",
      entityType: "store_credit_account",
      entityId: account.id,
      before: { balanceMinor: account.balanceMinor },
      after: { balanceMinor: updated },
    });
  }
  await emitEvent(tx, {
    type: "store_credit.changed",
    aggregateType: "store_credit_account",
    aggregateId: account.id,
    payload: { customerId: input.customerId, balanceMinor: updated },
  });
  return { accountId: account.id, balanceMinor: updated };
}

/** A customer's store credit balance, 0 when they have no account. */
export async function storeCreditBalance(db: Db, customerId: string) {
  const account = await db.storeCreditAccount.findUnique({ where: { customerId } });
  return account
    ? { balanceMinor: account.balanceMinor, currency: account.currency }
    : { balanceMinor: 0, currency: null };
}

/** Takes an amount off a customer's credit for a tender; declines naming the tender. */
export async function drawStoreCredit(
  tx: Tx,
  input: {
    customerId: string | null;
    amountMinor: number;
    currency: string;
    paymentId: string;
    orderId: string;
    actor: string;
    field: string;
  },
): Promise<string> {
  const decline = (message: string) =>
    new AppError("payment_declined", message, { fields: { [input.field]: [message] } });
  if (!input.customerId) throw decline("Store credit needs a customer on the order.");

  const account = await tx.storeCreditAccount.findUnique({
    where: { customerId: input.customerId },
  });
  if (!account || account.currency !== input.currency) {
    throw decline("There is no store credit to use.");
  }
  const drawn = await tx.storeCreditAccount.updateMany({
    where: { id: account.id, balanceMinor: { gte: input.amountMinor } },
    data: { balanceMinor: { decrement: input.amountMinor } },
  });
  if (drawn.count === 0) throw decline("There is not enough store credit.");

  await tx.storeCreditEntry.create({
    data: {
      accountId: account.id,
      amountMinor: -input.amountMinor,
      reason: "REDEEM",
      paymentId: input.paymentId,
      orderId: input.orderId,
      actor: input.actor,
    },
  });
  return account.id;
}

/** Puts credit back (an unused hold, a refund); returns the new balance. */
export async function creditStoreCredit(
  tx: Tx,
  input: {
    accountId: string;
    amountMinor: number;
    reason: LedgerReason;
    paymentId?: string | null;
    orderId?: string | null;
    actor: string;
    note?: string;
  },
): Promise<number> {
  const account = await tx.storeCreditAccount.update({
    where: { id: input.accountId },
    data: { balanceMinor: { increment: input.amountMinor } },
  });
  await tx.storeCreditEntry.create({
    data: {
      accountId: input.accountId,
      amountMinor: input.amountMinor,
      reason: input.reason,
      paymentId: input.paymentId ?? null,
      orderId: input.orderId ?? null,
      actor: input.actor,
      note: input.note ?? null,
    },
  });
  return account.balanceMinor;
}
