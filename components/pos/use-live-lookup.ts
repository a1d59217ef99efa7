"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEventStream } from "@/components/ui/use-event-stream";

/**
 * Refetches a POS look-up when stock of one of its variants changes at the
 * associate's store. The staff stream carries only the stores the associate
 * works at, so figures for other stores refresh with the next look-up.
 */
export function useLiveLookup(options: {
  storeId: string | undefined;
  variantIds: readonly string[];
  queryKey: QueryKey;
}) {
  const queryClient = useQueryClient();
  const refetch = () =>
    void queryClient.invalidateQueries({ queryKey: options.queryKey });

  useEventStream({
    topics: ["inventory"],
    locationId: options.storeId,
    isEnabled: !!options.storeId,
    onEvent: (event) => {
      if (options.variantIds.includes(String(event.payload.variantId))) refetch();
    },
    onResync: refetch,
  });
}
