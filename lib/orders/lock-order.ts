import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/**
 * Locks an order for a change and loads it with its fulfillments, lines
 * and payments. Every change to an order's fulfillments or money takes
 * this lock first, so two of them never book the same money.
 */
export async function lockOrderForChange(tx: Tx, orderId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Order");
  return tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      fulfillments: { orderBy: { createdAt: "asc" } },
      lines: true,
      payments: true,
    },
  });
}

export type LockedOrder = Awaited<ReturnType<typeof lockOrderForChange>>;

/** Open reservations held for some order lines. */
export async function reservationsOfLines(tx: Tx, lineIds: readonly string[]) {
  if (lineIds.length === 0) return [];
  const rows = await tx.reservation.findMany({
    where: { ownerType: "ORDER_LINE", ownerId: { in: [...lineIds] }, closedAt: null },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
