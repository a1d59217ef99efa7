import { z } from "zod";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { findGiftCard } from "./gift-cards";
import { storeCreditBalance } from "./store-credit";

export const TenderBalanceSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("gift_card"),
    code: z.string().trim().min(8, { error: "Enter the whole gift card code." }).max(40),
  }),
  z.strictObject({ kind: z.literal("store_credit"), cartId: z.string().trim().min(1) }),
]);

export interface TenderBalance {
  balanceMinor: number;
  currency: string | null;
  /** Gift cards: the last four characters, to read back to the shopper. */
  last4: string | null;
}

/**
 * What a gift card or the ticket's customer's store credit can pay, for
 * the till to offer before it takes the tender. The draw itself, at
 * payment, is the conditional update that counts.
 */
export async function lookupTenderBalance(
  db: Db,
  options: { actor: StaffActor; input: unknown; now?: Date },
): Promise<TenderBalance> {
  authorize(options.actor, "pos:sell");
  const input = parseInput(TenderBalanceSchema, options.input);
  if (input.kind === "gift_card") {
    const card = await findGiftCard(db, input.code);
    const now = options.now ?? new Date();
    if (!card?.isActive || (card.expiresAt && card.expiresAt <= now)) {
      throw new AppError(
        "invalid_input",
        "No gift card has that code, or it has expired.",
        {
          fields: { code: ["Check the code on the card."] },
        },
      );
    }
    return {
      balanceMinor: card.balanceMinor,
      currency: card.currency,
      last4: card.last4,
    };
  }

  const cart = await db.cart.findUnique({
    where: { id: input.cartId },
    select: { customerId: true, locationId: true },
  });
  if (!cart) throw notFound("Ticket");
  authorize(options.actor, "pos:sell", { locationId: cart.locationId });
  if (!cart.customerId) {
    throw new AppError("invalid_input", "Add the customer to the sale first.", {
      fields: { cartId: ["Store credit belongs to a customer."] },
    });
  }
  const balance = await storeCreditBalance(db, cart.customerId);
  return { ...balance, last4: null };
}
