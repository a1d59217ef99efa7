"use client";

import { useMemo, useRef, useState } from "react";
import { useEventStream } from "@/components/ui/use-event-stream";

/** The stock figures a product page shows for one variant. */
export interface LiveStock {
  shippable: number;
  pickup: { locationId?: string; name: string; city: string; available: number }[];
}

interface FetchedStock extends LiveStock {
  variantId: string;
}

/** The availability route and the stream's filter take at most this many ids. */
const MAX_IDS = 50;

/**
 * Keeps variants' stock figures live. The public events stream says which
 * variant changed (never the figures); this then asks the availability
 * route for what shoppers may see, at most one request at a time, so a
 * burst of sales costs one or two requests. On every (re)connection it
 * reloads all the variants, since changes may have passed unseen. The
 * figures the page was rendered with may be older than the page is (it is
 * served from a cache): `isLive` says when figures from the server's
 * current stock have replaced them.
 */
export function useLiveStock<T extends { id: string } & LiveStock>(
  variants: T[],
): { variants: T[]; isLive: boolean } {
  const [fresh, setFresh] = useState<ReadonlyMap<string, LiveStock>>(new Map());
  const [isLive, setIsLive] = useState(false);
  const queue = useRef({ pending: new Set<string>(), isFetching: false });
  const variantIds = useMemo(() => variants.map((variant) => variant.id), [variants]);

  async function flush() {
    const state = queue.current;
    if (state.isFetching || state.pending.size === 0) return;
    const ids = [...state.pending].slice(0, MAX_IDS);
    for (const id of ids) state.pending.delete(id);
    state.isFetching = true;
    try {
      const params = new URLSearchParams({ variantIds: ids.join(",") });
      const response = await fetch(`/api/storefront/availability?${params}`, {
        cache: "no-store",
      });
      if (response.ok) {
        const body = (await response.json()) as { variants: FetchedStock[] };
        setFresh((previous) => {
          const next = new Map(previous);
          for (const { variantId, shippable, pickup } of body.variants)
            next.set(variantId, { shippable, pickup });
          return next;
        });
        setIsLive(true);
      }
    } catch {
      // Offline for a moment: the reconnection reloads everything.
    } finally {
      state.isFetching = false;
      void flush();
    }
  }

  function refresh(ids: readonly string[]) {
    for (const id of ids) queue.current.pending.add(id);
    void flush();
  }

  useEventStream({
    topics: ["inventory"],
    // Beyond the limit, follow all inventory events and pick ours here.
    variantIds: variantIds.length <= MAX_IDS ? variantIds : undefined,
    isPublic: true,
    isEnabled: variantIds.length > 0,
    onEvent: (event) => {
      const id = String(event.payload.variantId);
      if (variantIds.includes(id)) refresh([id]);
    },
    onResync: () => refresh(variantIds),
  });

  const liveVariants = useMemo(
    () =>
      variants.map((variant) => {
        const stock = fresh.get(variant.id);
        return stock ? { ...variant, ...stock } : variant;
      }),
    [variants, fresh],
  );
  return { variants: liveVariants, isLive };
}
