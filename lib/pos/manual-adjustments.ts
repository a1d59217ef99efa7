import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/authorize";
import { type CartView, cartViewById } from "@/lib/checkout/cart-view";
import { openCart } from "@/lib/checkout/change-cart-lines";
import { priceCartRecord } from "@/lib/checkout/price-cart";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { uuid7 } from "@/lib/db/uuid7";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import {
  AdjustTicketSchema,
  ClearAdjustmentSchema,
  type StoredManualDiscount,
  type StoredPriceOverride,
} from "./adjustment-schemas";
import { staffByPin } from "./verify-pin";

/**
 * Applies a price override or a manual discount to a till's ticket once a
 * colleague allowed to (pos:override_price at this store) has typed their
 * PIN on the associate's device. The change, its audit entry (who asked,
 * who approved, the line and total before and after) and its event are
 * written in one transaction; a wrong PIN changes nothing.
 */
export async function adjustTicket(
  db: PrismaClient,
  options: { actor: StaffActor; input: unknown; now?: Date },
): Promise<CartView> {
  const input = parseInput(AdjustTicketSchema, options.input);
  if (input.change.kind === "price_override" && !input.lineId) {
    throw new AppError("invalid_input", "Choose the line whose price changes.", {
      fields: { lineId: ["A price override is for one line."] },
    });
  }
  const locationId = await tillCartLocation(db, options.actor, input.cartId);
  // Hashes are slow to check on purpose: verified before any row is locked.
  const approver = await staffByPin(db, locationId, input.approverPin);
  if (!approver || !can(approver, "pos:override_price", { locationId })) {
    throw new AppError("forbidden", "That PIN cannot approve this.", {
      fields: { approverPin: ["Ask a manager to enter their PIN."] },
    });
  }

  const now = options.now ?? new Date();
  const approval = {
    requestedById: options.actor.id,
    requestedByName: options.actor.name,
    approvedById: approver.id,
    approvedByName: approver.name,
    approvedAt: now.toISOString(),
  };
  const id = uuid7(now.getTime());
  const { change } = input;

  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, input.cartId);
    const line = input.lineId ? cart.lines.find((l) => l.id === input.lineId) : null;
    if (input.lineId && !line) throw notFound("Ticket line");
    const before = await snapshot(tx, cart.id, input.lineId);

    if (change.kind === "price_override") {
      const stored: StoredPriceOverride = {
        id,
        unitPrice: change.unitPriceMinor,
        reason: input.reason,
        ...approval,
      };
      await tx.cartLine.update({
        where: { id: input.lineId ?? "" },
        data: { priceOverride: stored },
      });
    } else {
      const stored: StoredManualDiscount =
        change.kind === "amount_off"
          ? {
              id,
              kind: "amount_off",
              amount: change.amountMinor,
              reason: input.reason,
              ...approval,
            }
          : {
              id,
              kind: "percent_off",
              percent: change.percent,
              reason: input.reason,
              ...approval,
            };
      if (line) {
        await tx.cartLine.update({
          where: { id: line.id },
          data: { manualDiscount: stored },
        });
      } else {
        await tx.cart.update({
          where: { id: cart.id },
          data: { manualDiscount: stored },
        });
      }
    }

    const after = await snapshot(tx, cart.id, input.lineId);
    const action =
      change.kind === "price_override" ? "pos.price_overridden" : "pos.discount_applied";
    await recordAudit(tx, {
      actor: options.actor,
      action,
      entityType: "cart",
      entityId: cart.id,
      locationId,
      before,
      after: {
        ...after,
        adjustment: { id, ...change, reason: input.reason },
        requestedBy: { id: options.actor.id, name: options.actor.name },
        approvedBy: { id: approver.id, name: approver.name },
      },
    });
    await emitEvent(tx, {
      type: action,
      aggregateType: "cart",
      aggregateId: cart.id,
      locationId,
      payload: { cartId: cart.id, lineId: input.lineId, approvedBy: approver.id },
    });
  });
  return cartViewById(db, input.cartId);
}

/**
 * Takes an override or a manual discount off a ticket. Charging the
 * shopper more needs no approval, but it is audited like the rest.
 */
export async function clearTicketAdjustment(
  db: PrismaClient,
  options: { actor: StaffActor; input: unknown },
): Promise<CartView> {
  const input = parseInput(ClearAdjustmentSchema, options.input);
  const locationId = await tillCartLocation(db, options.actor, input.cartId);
  if (input.kind === "price_override" && !input.lineId) {
    throw new AppError("invalid_input", "Choose the line.", {
      fields: { lineId: ["A price override is for one line."] },
    });
  }
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, input.cartId);
    const line = input.lineId ? cart.lines.find((l) => l.id === input.lineId) : null;
    if (input.lineId && !line) throw notFound("Ticket line");
    const previous = line
      ? input.kind === "price_override"
        ? line.priceOverride
        : line.manualDiscount
      : cart.manualDiscount;
    if (previous == null) return;

    const before = await snapshot(tx, cart.id, input.lineId);
    const field = input.kind === "price_override" ? "priceOverride" : "manualDiscount";
    if (line) {
      await tx.cartLine.update({
        where: { id: line.id },
        data: { [field]: Prisma.DbNull },
      });
    } else {
      await tx.cart.update({
        where: { id: cart.id },
        data: { manualDiscount: Prisma.DbNull },
      });
    }
    const after = await snapshot(tx, cart.id, input.lineId);
    await recordAudit(tx, {
      actor: options.actor,
      action: "pos.adjustment_removed",
      entityType: "cart",
      entityId: cart.id,
      locationId,
      before: { ...before, adjustment: previous },
      after,
    });
    await emitEvent(tx, {
      type: "pos.adjustment_removed",
      aggregateType: "cart",
      aggregateId: cart.id,
      locationId,
      payload: { cartId: cart.id, lineId: input.lineId },
    });
  });
  return cartViewById(db, input.cartId);
}

/** The store of an open till ticket the associate may sell from. */
async function tillCartLocation(
  db: PrismaClient,
  actor: StaffActor,
  cartId: string,
): Promise<string> {
  const cart = await db.cart.findUnique({
    where: { id: cartId },
    select: { channel: true, locationId: true },
  });
  if (!cart) throw notFound("Ticket");
  if (cart.channel !== "POS" || !cart.locationId) {
    throw new AppError("invalid_input", "Only a till's ticket takes manual prices.", {
      fields: { cartId: ["Not a till's ticket."] },
    });
  }
  authorize(actor, "pos:sell", { locationId: cart.locationId });
  return cart.locationId;
}

/** The figures an audit reader compares: the line's and the sale's. */
async function snapshot(tx: Tx, cartId: string, lineId: string | null) {
  const cart = await tx.cart.findUniqueOrThrow({
    where: { id: cartId },
    include: { lines: true },
  });
  const { result } = await priceCartRecord(tx, cart);
  const priced = lineId ? result.lines.find((l) => l.lineId === lineId) : undefined;
  return {
    totalMinor: result.totals.total,
    discountMinor: result.totals.discount,
    ...(priced
      ? {
          line: {
            id: priced.lineId,
            unitPriceMinor: priced.unitPrice,
            listUnitPriceMinor: priced.listUnitPrice,
            discountMinor: priced.discount,
            totalMinor: priced.total,
          },
        }
      : {}),
    currency: result.currency,
  };
}
