import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { SalesChannel } from "@/lib/db/generated/enums";
import { AppError, notFound } from "@/lib/errors/app-error";

/** Who may act on carts: a signed-in actor, or null for a guest shopper. */
export type CartActor = Actor | null;

/** The cart facts access depends on. */
export interface CartOwnership {
  id: string;
  channel: SalesChannel;
  customerId: string | null;
  locationId: string | null;
}

/**
 * The one check of who may read or change a cart and check it out. A
 * storefront cart belongs to its shopper (a guest holds its id in a
 * cookie); a POS cart to the associates of its store; an API cart to keys
 * with "checkout:create". Anyone else is told it does not exist.
 */
export function assertCartAccess(given: CartActor, cart: CartOwnership): void {
  const actor = given?.kind === "guest" ? null : given;
  const hidden = () => notFound("Cart", `actor may not see cart ${cart.id}`);

  if (actor?.kind === "system") return;
  switch (cart.channel) {
    case "WEB":
      if (actor && actor.kind !== "customer") throw hidden();
      if (cart.customerId && cart.customerId !== actor?.id) throw hidden();
      return;
    case "POS":
      if (actor?.kind !== "staff") throw hidden();
      authorize(actor, "pos:sell", { locationId: cart.locationId });
      return;
    case "API":
      if (actor?.kind !== "api_key") throw hidden();
      authorize(actor, "checkout:create");
      return;
  }
}

/** The channel a new cart gets from who makes it. */
export function channelFor(actor: CartActor): SalesChannel {
  if (!actor || actor.kind === "customer" || actor.kind === "guest") return "WEB";
  if (actor.kind === "staff") return "POS";
  if (actor.kind === "api_key") return "API";
  throw new AppError("invalid_input", "Say which channel the cart is for.");
}

/** "staff:<id>"-style reference for movements and payment events. */
export function cartActorRef(actor: CartActor): string {
  if (!actor || actor.kind === "guest") return "guest";
  return actor.kind === "system" ? "system" : `${actor.kind}:${actor.id}`;
}
