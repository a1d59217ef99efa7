import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError, parseInput } from "@/lib/errors";
import { type ActionResult, actionError } from "@/lib/errors/http";
import { currentCustomer } from "./session";

type Customer = NonNullable<Awaited<ReturnType<typeof currentCustomer>>>;

/** Who a shopper's action is by: the signed-in customer or a guest. */
export interface Shopper {
  actor: Actor;
  customer: Customer | null;
}

// A guest is its own kind of actor: "system" would pass every check.
const GUEST: Actor = { kind: "guest" };

/**
 * Builds a server action for shoppers, signed in or not: resolves the
 * customer, validates the input with its schema, runs the domain call and
 * returns a typed result with field errors instead of a thrown error.
 * `requireAccount` refuses guests.
 */
export function shopperAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, shopper: Shopper) => Promise<T>,
  options: { requireAccount?: boolean } = {},
) {
  const action = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const customer = await currentCustomer();
      if (options.requireAccount && !customer) {
        throw new AppError("unauthenticated", "Please sign in again.");
      }
      const actor: Actor = customer?.email
        ? { kind: "customer", id: customer.id, email: customer.email }
        : GUEST;
      const input = parseInput(schema, raw);
      return { ok: true, data: await run(input, { actor, customer }) };
    } catch (error) {
      return actionError(error, { action: "shopper" });
    }
  };
  // Declares the action as the storefront's own, which needs no staff
  // permission; tests/unit/auth/declared-permissions.test.ts checks it.
  return Object.assign(action, { audience: "shopper" as const });
}

/**
 * Declares a hand-written storefront action as the shoppers' own (it
 * resolves the shopper and checks cart ownership itself), for actions that
 * need more than shopperAction's one schema and one call.
 */
export function forShoppers<F extends (...args: never[]) => Promise<unknown>>(action: F) {
  return Object.assign(action, { audience: "shopper" as const });
}
