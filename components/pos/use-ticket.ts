"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import {
  addItemAction,
  removeLineAction,
  scanAction,
  setQuantityAction,
  startTicketAction,
  ticketAction,
} from "@/app/(pos)/pos/actions";
import type { CartView } from "@/lib/checkout/cart-view";
import { callAction } from "./call-action";

const ticketKey = (registerId: string) => `omnitill.pos.ticket.${registerId}`;

/**
 * The register's open ticket (a POS cart), remembered per register in
 * this browser. Every change is applied on screen at once where it can
 * be, then replaced by the server's priced ticket.
 */
export function useTicket(station: { storeId: string; registerId: string }) {
  const queryClient = useQueryClient();
  const [cartId, setCartId] = useState<string | null>(null);
  const queryKey = ["pos-ticket", cartId];

  useEffect(() => {
    setCartId(localStorage.getItem(ticketKey(station.registerId)));
  }, [station.registerId]);

  const ticket = useQuery({
    queryKey,
    queryFn: async () => {
      if (!cartId) return null;
      const view = await callAction(ticketAction, { cartId }).catch(() => null);
      // A ticket that was paid or is gone: the next item starts a new one.
      if (view?.status !== "OPEN") {
        localStorage.removeItem(ticketKey(station.registerId));
        return null;
      }
      return view;
    },
    enabled: cartId !== null,
  });

  const put = useCallback(
    (view: CartView) => queryClient.setQueryData(["pos-ticket", view.id], view),
    [queryClient],
  );

  /** The open ticket's id, starting one when there is none. */
  const ensure = useCallback(async () => {
    const current = ticket.data?.id ?? cartId;
    if (current && ticket.data !== null) return current;
    const view = await callAction(startTicketAction, {
      locationId: station.storeId,
      registerId: station.registerId,
    });
    localStorage.setItem(ticketKey(station.registerId), view.id);
    put(view);
    setCartId(view.id);
    return view.id;
  }, [cartId, ticket.data, station, put]);

  const scan = useMutation({
    mutationFn: async (code: string) =>
      callAction(scanAction, { cartId: await ensure(), code }),
    onSuccess: (outcome) => {
      if (outcome.status === "added") put(outcome.ticket);
    },
  });
  const add = useMutation({
    mutationFn: async (variantId: string) =>
      callAction(addItemAction, { cartId: await ensure(), variantId, quantity: 1 }),
    onSuccess: put,
  });

  const patchLines = (change: (view: CartView) => CartView) => {
    const previous = queryClient.getQueryData<CartView | null>(queryKey);
    if (previous) queryClient.setQueryData(queryKey, change(previous));
    return { previous };
  };
  const setQuantity = useMutation({
    mutationFn: (input: { lineId: string; quantity: number }) =>
      callAction(setQuantityAction, { cartId: cartId ?? "", ...input }),
    onMutate: (input) =>
      patchLines((view) => ({
        ...view,
        lines: view.lines.map((l) =>
          l.id === input.lineId ? { ...l, quantity: input.quantity } : l,
        ),
      })),
    onError: (_e, _i, context) => context?.previous && put(context.previous),
    onSuccess: put,
  });
  const remove = useMutation({
    mutationFn: (lineId: string) =>
      callAction(removeLineAction, { cartId: cartId ?? "", lineId }),
    onMutate: (lineId) =>
      patchLines((view) => ({
        ...view,
        lines: view.lines.filter((l) => l.id !== lineId),
      })),
    onError: (_e, _i, context) => context?.previous && put(context.previous),
    onSuccess: put,
  });

  /** After payment: the next sale starts on a fresh ticket. */
  const finish = useCallback(() => {
    localStorage.removeItem(ticketKey(station.registerId));
    queryClient.removeQueries({ queryKey: ["pos-ticket"] });
    setCartId(null);
  }, [queryClient, station.registerId]);

  return { ticket: ticket.data ?? null, scan, add, setQuantity, remove, finish };
}
