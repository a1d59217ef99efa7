"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CartView } from "@/lib/checkout/cart-view";
import type { ActionResult } from "@/lib/errors/http";

export interface BagData {
  cart: CartView | null;
  stores: { id: string; name: string }[];
}

const KEY = ["storefront-bag"];

async function fetchBag(): Promise<BagData> {
  const response = await fetch("/api/storefront/cart", { cache: "no-store" });
  if (!response.ok) throw new Error(`bag: ${response.status}`);
  return (await response.json()) as BagData;
}

/**
 * The shopper's bag, shared by the header button, the drawer, the bag page
 * and the product page. `apply` runs a cart action and puts the cart it
 * returns straight into the shared state, so every view updates at once.
 */
export function useBag() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: fetchBag, staleTime: 5_000 });

  const apply = useCallback(
    async (result: Promise<ActionResult<CartView>>) => {
      const outcome = await result;
      if (outcome.ok) {
        client.setQueryData<BagData>(KEY, (previous) => ({
          cart: outcome.data,
          stores: previous?.stores ?? [],
        }));
      } else {
        void client.invalidateQueries({ queryKey: KEY });
      }
      return outcome;
    },
    [client],
  );

  const itemCount = query.data?.cart?.lines.reduce((sum, l) => sum + l.quantity, 0) ?? 0;
  return { ...query, apply, itemCount };
}

/** Opens the bag drawer from anywhere on the page. */
export function openBagDrawer() {
  window.dispatchEvent(new Event("omnitill:open-bag"));
}
