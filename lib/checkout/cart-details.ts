import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { normalizeCode } from "@/lib/pricing";
import type { CartActor } from "./cart-access";
import { type CartView, cartViewById } from "./cart-view";
import { openCart } from "./change-cart-lines";
import { recordCartChange } from "./record-cart-change";
import { CartCodeSchema, type CartDetailsInput, CartDetailsSchema } from "./schemas";

const MAX_CODES = 10;

/**
 * Adds a promotion code to a cart and prices it again; the view's
 * codeOutcomes says whether the code applied and, if not, why.
 */
export async function addCartCode(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; input: { code: string } },
): Promise<CartView> {
  const { code } = parseInput(CartCodeSchema, options.input);
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    const normalized = normalizeCode(code);
    if (cart.codes.some((c) => normalizeCode(c) === normalized)) return;
    if (cart.codes.length >= MAX_CODES) {
      throw new AppError("invalid_input", "That is as many codes as a cart takes.", {
        fields: { code: [`At most ${MAX_CODES} codes.`] },
      });
    }
    await tx.cart.update({
      where: { id: cart.id },
      data: { codes: [...cart.codes, code] },
    });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.code_added",
      cart,
      after: { code: normalized },
    });
  });
  return cartViewById(db, options.cartId);
}

/** Takes a promotion code off a cart. */
export async function removeCartCode(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; code: string },
): Promise<CartView> {
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    const normalized = normalizeCode(options.code);
    const codes = cart.codes.filter((c) => normalizeCode(c) !== normalized);
    await tx.cart.update({ where: { id: cart.id }, data: { codes } });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.code_removed",
      cart,
      before: { code: normalized },
    });
  });
  return cartViewById(db, options.cartId);
}

/** Sets a cart's email, delivery address or (at a till) its customer. */
export async function setCartDetails(
  db: PrismaClient,
  options: { actor: CartActor; cartId: string; input: CartDetailsInput },
): Promise<CartView> {
  const input = parseInput(CartDetailsSchema, options.input);
  await db.$transaction(async (tx) => {
    const cart = await openCart(tx, options.actor, options.cartId);
    if (input.customerId !== undefined && cart.channel === "WEB") {
      throw new AppError("invalid_input", "A shopper's cart follows their sign-in.", {
        fields: { customerId: ["Not settable on a storefront cart."] },
      });
    }
    if (input.customerId) {
      const customer = await tx.customer.findUnique({ where: { id: input.customerId } });
      if (!customer) {
        throw new AppError("invalid_input", "No customer has this id.", {
          fields: { customerId: ["No customer has this id."] },
        });
      }
    }
    const data = {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.shippingAddress !== undefined
        ? { shippingAddress: input.shippingAddress ?? Prisma.DbNull }
        : {}),
      ...(input.customerId !== undefined ? { customerId: input.customerId } : {}),
    };
    await tx.cart.update({ where: { id: cart.id }, data });
    await recordCartChange(tx, {
      actor: options.actor,
      action: "cart.details_changed",
      cart,
      after: {
        email: input.email,
        customerId: input.customerId,
        hasAddress: input.shippingAddress ? true : undefined,
      },
    });
  });
  return cartViewById(db, options.cartId);
}
