import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { recordCartChange } from "./record-cart-change";

/**
 * At sign-in: folds the guest's cart into the customer's open storefront
 * cart (quantities of identical lines add up, codes join), or simply hands
 * the guest cart to the customer when they have none. Returns the id of
 * the cart the shopper now uses. A guest cart that is not open is ignored.
 */
export async function mergeGuestCart(
  db: PrismaClient,
  options: { guestCartId: string; customer: { id: string; email: string } },
): Promise<string | null> {
  const actor = { kind: "customer" as const, ...options.customer };
  return db.$transaction(async (tx) => {
    const guest = await tx.cart.findUnique({
      where: { id: options.guestCartId },
      include: { lines: true },
    });
    const own = await tx.cart.findFirst({
      where: { customerId: actor.id, channel: "WEB", status: "OPEN", orderId: null },
      orderBy: { updatedAt: "desc" },
      include: { lines: true },
    });
    const isMergeable =
      guest?.channel === "WEB" &&
      guest.status === "OPEN" &&
      !guest.orderId &&
      (guest.customerId === null || guest.customerId === actor.id);
    if (!guest || !isMergeable) return own?.id ?? null;
    if (!own || own.id === guest.id) {
      await tx.cart.update({
        where: { id: guest.id },
        data: {
          customerId: actor.id,
          email: guest.email ?? actor.email,
          expiresAt: null,
        },
      });
      return guest.id;
    }

    for (const line of guest.lines) {
      const twin = own.lines.find(
        (l) =>
          l.variantId === line.variantId &&
          l.fulfillment === line.fulfillment &&
          l.locationId === line.locationId,
      );
      if (twin) {
        await tx.cartLine.update({
          where: { id: twin.id },
          data: { quantity: twin.quantity + line.quantity },
        });
      } else {
        await tx.cartLine.update({ where: { id: line.id }, data: { cartId: own.id } });
      }
    }
    const codes = [...new Set([...own.codes, ...guest.codes])].slice(0, 10);
    await tx.cart.update({ where: { id: own.id }, data: { codes } });
    await tx.cart.update({ where: { id: guest.id }, data: { status: "MERGED" } });
    await recordCartChange(tx, {
      actor,
      action: "cart.merged",
      cart: own,
      after: { from: guest.id, lines: guest.lines.length },
    });
    logger.info({ from: guest.id, into: own.id }, "merged guest cart at sign-in");
    return own.id;
  });
}
