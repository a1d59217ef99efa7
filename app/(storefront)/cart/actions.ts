"use server";

import { z } from "zod";
import { addCartCode, removeCartCode } from "@/lib/checkout/cart-details";
import type { CartView } from "@/lib/checkout/cart-view";
import {
  addCartLine,
  removeCartLine,
  updateCartLine,
} from "@/lib/checkout/change-cart-lines";
import {
  AddCartLineSchema,
  CartCodeSchema,
  UpdateCartLineSchema,
} from "@/lib/checkout/schemas";
import { db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { type ActionResult, actionError } from "@/lib/errors/http";
import { forShoppers } from "@/lib/next/shopper-action";
import { shopperCartActor, storefrontCartId } from "@/lib/next/storefront-cart";

const lineId = z.string().trim().min(1).max(64);

async function withCart(
  run: (
    cartId: string,
    actor: Awaited<ReturnType<typeof shopperCartActor>>["actor"],
  ) => Promise<CartView>,
  options: { create?: boolean } = {},
): Promise<ActionResult<CartView>> {
  try {
    const cartId = await storefrontCartId({ create: options.create });
    if (!cartId) throw new AppError("not_found", "Your bag is empty.");
    const { actor } = await shopperCartActor();
    return { ok: true, data: await run(cartId, actor) };
  } catch (error) {
    return actionError(error, { action: "storefront.cart" });
  }
}

/** "Add to bag" for delivery or to collect at a store. */
async function addToBag(raw: unknown) {
  return withCart(
    (cartId, actor) =>
      addCartLine(db, { actor, cartId, input: parseInput(AddCartLineSchema, raw) }),
    { create: true },
  );
}

/** Changes a line's quantity, or switches it between delivery and pickup. */
async function updateBagLine(raw: unknown) {
  const schema = z.object({ lineId, change: UpdateCartLineSchema });
  return withCart((cartId, actor) => {
    const input = parseInput(schema, raw);
    return updateCartLine(db, {
      actor,
      cartId,
      lineId: input.lineId,
      input: input.change,
    });
  });
}

async function removeBagLine(raw: unknown) {
  return withCart((cartId, actor) => {
    const input = parseInput(z.object({ lineId }), raw);
    return removeCartLine(db, { actor, cartId, lineId: input.lineId });
  });
}

async function addBagCode(raw: unknown) {
  return withCart((cartId, actor) =>
    addCartCode(db, { actor, cartId, input: parseInput(CartCodeSchema, raw) }),
  );
}

async function removeBagCode(raw: unknown) {
  return withCart((cartId, actor) => {
    const input = parseInput(CartCodeSchema, raw);
    return removeCartCode(db, { actor, cartId, code: input.code });
  });
}

export const addToBagAction = forShoppers(addToBag);
export const updateBagLineAction = forShoppers(updateBagLine);
export const removeBagLineAction = forShoppers(removeBagLine);
export const addBagCodeAction = forShoppers(addBagCode);
export const removeBagCodeAction = forShoppers(removeBagCode);
