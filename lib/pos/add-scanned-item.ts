import type { StaffActor } from "@/lib/auth/actor";
import { exactCodeMatches } from "@/lib/catalog/search-products";
import type { CartView } from "@/lib/checkout/cart-view";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import type { PrismaClient } from "@/lib/db/client";

export type ScanOutcome =
  | { status: "added"; ticket: CartView; variantId: string }
  | { status: "unknown"; code: string };

/**
 * Adds the item a barcode or SKU names to a POS ticket as a carry-out
 * line, one unit. A code the catalogue does not know (or names an item
 * not on sale) comes back as "unknown", so the till can say so and offer
 * search rather than fail.
 */
export async function addScannedItem(
  db: PrismaClient,
  options: { actor: StaffActor; cartId: string; code: string },
): Promise<ScanOutcome> {
  const matches = await exactCodeMatches(db, options.code, ["ACTIVE"]);
  const variantId = matches.find((m) => m.variantId)?.variantId;
  if (!variantId) return { status: "unknown", code: options.code };

  const ticket = await addCartLine(db, {
    actor: options.actor,
    cartId: options.cartId,
    input: { variantId, quantity: 1, fulfillment: "CARRY_OUT" },
  });
  return { status: "added", ticket, variantId };
}
