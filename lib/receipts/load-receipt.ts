import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { getOrder, loadOrder } from "../orders/get-order";
import { buildReceipt, type Receipt } from "./receipt";

/**
 * The receipt of an order: for an actor who may see the order, or, with
 * `isLinkHolder`, for whoever holds the order's signed link (a guest's
 * emailed receipt). Pending and failed checkouts have no receipt.
 */
export async function loadReceipt(
  db: Db,
  options: {
    actor: Actor | null;
    number?: string;
    orderId?: string;
    isLinkHolder?: boolean;
  },
): Promise<Receipt> {
  const order = options.isLinkHolder
    ? await loadOrder(
        db,
        options.orderId ? { id: options.orderId } : { number: options.number ?? "" },
      )
    : await getOrder(db, {
        actor: options.actor,
        id: options.orderId,
        number: options.number,
      });
  if (!order || order.status === "PENDING_PAYMENT" || order.status === "PAYMENT_FAILED") {
    throw notFound("Receipt");
  }
  const [settings, giftCards] = await Promise.all([
    db.settings.findUnique({ where: { id: "default" } }),
    db.giftCard.findMany({
      where: {
        id: { in: order.payments.flatMap((p) => (p.giftCardId ? [p.giftCardId] : [])) },
      },
      select: { id: true, last4: true },
    }),
  ]);
  const cards = new Map(giftCards.map((card) => [card.id, card]));
  return buildReceipt(
    {
      ...order,
      payments: order.payments.map((p) => ({
        ...p,
        giftCard: p.giftCardId ? (cards.get(p.giftCardId) ?? null) : null,
      })),
    },
    {
      name: settings?.businessName ?? "Omnitill",
      header: settings?.receiptHeader ?? "",
      footer: settings?.receiptFooter ?? "",
      returnPolicy: settings?.returnPolicy ?? "",
    },
  );
}
