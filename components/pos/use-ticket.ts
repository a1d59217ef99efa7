"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  addItemAction,
  removeLineAction,
  scanAction,
  setQuantityAction,
  startTicketAction,
  ticketAction,
} from "@/app/(pos)/pos/actions";
import type { CartView } from "@/lib/checkout/cart-view";
import {
  findVariantByCode,
  indexCodes,
  type ShownTicket,
  showTicket,
  type TicketChange,
} from "@/lib/pos-sync/local-ticket";
import { callAction } from "./call-action";
import { useOfflineTill } from "./offline/offline-till";

const ticketKey = (registerId: string) => `omnitill.pos.ticket.${registerId}`;

/**
 * Where the changes still waiting for the server are kept for the offline
 * till, which takes them over with the ticket when the network drops.
 */
export const waitingChangesKey = (registerId: string) => [
  "pos-ticket-changes",
  registerId,
];

/** How a scan ended, once the server has answered it. */
export type ScanResult =
  | { kind: "added" }
  | { kind: "unknown"; code: string }
  | { kind: "failed"; message: string };

/**
 * The register's open ticket (a POS cart), remembered per register in
 * this browser. A scan of an item in the till's copy of the catalogue, a
 * quantity change and a removal show at once, priced in the browser by
 * the one engine and marked as waiting; the server's priced ticket then
 * replaces them. Every call to the server goes through one queue, in the
 * order the associate acted, so rapid scans are neither lost nor doubled.
 * A code the copy does not know goes to the server and shows when it
 * answers.
 */
export function useTicket(station: { storeId: string; registerId: string }) {
  const queryClient = useQueryClient();
  const { bundle } = useOfflineTill();
  const [cartId, setCartId] = useState<string | null>(null);
  const [changes, setChanges] = useState<TicketChange[]>([]);
  // Scans of codes the copy does not know, waiting for the server.
  const [serverScans, setServerScans] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const cartIdNow = useRef<string | null>(null);
  const changesNow = useRef<TicketChange[]>([]);
  // Answers that come after the till has moved offline change nothing here.
  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  useEffect(() => {
    const remembered = localStorage.getItem(ticketKey(station.registerId));
    cartIdNow.current = remembered;
    setCartId(remembered);
  }, [station.registerId]);

  /** Runs server calls one after another, in the order they were asked for. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  useQuery({
    queryKey: ["pos-ticket", cartId],
    queryFn: () =>
      // Queued like the changes, so a read never lands after a later change.
      enqueue(async () => {
        if (!cartId) return null;
        const view = await callAction(ticketAction, { cartId }).catch(() => null);
        // A ticket that was paid or is gone: the next item starts a new one.
        if (view?.status !== "OPEN") {
          localStorage.removeItem(ticketKey(station.registerId));
          if (cartIdNow.current === cartId) cartIdNow.current = null;
          return null;
        }
        return view;
      }),
    enabled: cartId !== null,
  });

  // Read from the cache itself rather than the query's last render, so a
  // server answer and the change it settles show in the same frame.
  const server = cartId
    ? (queryClient.getQueryData<CartView | null>(["pos-ticket", cartId]) ?? null)
    : null;

  const codes = useMemo(() => (bundle ? indexCodes(bundle) : null), [bundle]);
  const shown: ShownTicket = useMemo(
    () => showTicket(codes, server, changes, new Date()),
    [codes, server, changes],
  );

  /** The open ticket's id, starting one when there is none. Runs in the queue. */
  const ensure = useCallback(async () => {
    if (cartIdNow.current) return cartIdNow.current;
    const view = await callAction(startTicketAction, {
      locationId: station.storeId,
      registerId: station.registerId,
    });
    if (!isMounted.current) return view.id;
    localStorage.setItem(ticketKey(station.registerId), view.id);
    queryClient.setQueryData(["pos-ticket", view.id], view);
    cartIdNow.current = view.id;
    setCartId(view.id);
    return view.id;
  }, [queryClient, station]);

  /**
   * Sends one change through the queue. Its answer replaces the server's
   * ticket and drops the change drawn for it in the same update, so the
   * line is never shown twice nor missing for a frame.
   */
  const updateChanges = useCallback(
    (next: (held: TicketChange[]) => TicketChange[]) => {
      if (!isMounted.current) return;
      changesNow.current = next(changesNow.current);
      queryClient.setQueryData(waitingChangesKey(station.registerId), changesNow.current);
      setChanges(changesNow.current);
    },
    [queryClient, station.registerId],
  );

  const send = useCallback(
    <T>(
      change: TicketChange | null,
      call: () => Promise<T>,
      viewOf: (answer: T) => CartView | null,
    ): Promise<T> => {
      if (change) updateChanges((held) => [...held, change]);
      else setServerScans((n) => n + 1);
      const settle = () => {
        if (change) updateChanges((held) => held.filter((c) => c.id !== change.id));
        else setServerScans((n) => n - 1);
      };
      return enqueue(call).then(
        (answer) => {
          const view = viewOf(answer);
          if (view && isMounted.current) {
            queryClient.setQueryData(["pos-ticket", view.id], view);
          }
          settle();
          return answer;
        },
        (error: unknown) => {
          // The network dropped under it: the change stays drawn, and the
          // offline till, which takes over now, carries it into its ticket.
          if (!navigator.onLine) throw error;
          settle();
          throw error;
        },
      );
    },
    [enqueue, queryClient, updateChanges],
  );

  /** Adds the item a scanned or typed code names. Resolves once the server has answered. */
  const scan = useCallback(
    async (code: string): Promise<ScanResult> => {
      const variant = codes ? findVariantByCode(codes, code) : null;
      const change: TicketChange | null = variant
        ? { kind: "add", id: nextChangeId(), variantId: variant.id }
        : null;
      try {
        const outcome = await send(
          change,
          async () => callAction(scanAction, { cartId: await ensure(), code }),
          (answer) => (answer.status === "added" ? answer.ticket : null),
        );
        return outcome.status === "added"
          ? { kind: "added" }
          : { kind: "unknown", code: outcome.code };
      } catch (error) {
        return { kind: "failed", message: messageOf(error) };
      }
    },
    [codes, send, ensure],
  );

  /** Adds a variant chosen from search. */
  const add = useCallback(
    (variantId: string) => {
      const change: TicketChange | null = codes?.variants.has(variantId)
        ? { kind: "add", id: nextChangeId(), variantId }
        : null;
      return send(
        change,
        async () =>
          callAction(addItemAction, { cartId: await ensure(), variantId, quantity: 1 }),
        (view) => view,
      );
    },
    [codes, send, ensure],
  );

  const setQuantity = useCallback(
    (input: { lineId: string; quantity: number }) =>
      send(
        { kind: "quantity", id: nextChangeId(), ...input },
        () =>
          callAction(setQuantityAction, { cartId: cartIdNow.current ?? "", ...input }),
        (view) => view,
      ),
    [send],
  );

  const remove = useCallback(
    (lineId: string) =>
      send(
        { kind: "remove", id: nextChangeId(), lineId },
        () => callAction(removeLineAction, { cartId: cartIdNow.current ?? "", lineId }),
        (view) => view,
      ),
    [send],
  );

  /** Resolves once every change made so far has its server's answer on screen. */
  const whenSettled = useCallback(() => queue.current.then(() => undefined), []);

  /** After payment: the next sale starts on a fresh ticket. */
  const finish = useCallback(() => {
    localStorage.removeItem(ticketKey(station.registerId));
    queryClient.removeQueries({ queryKey: ["pos-ticket"] });
    cartIdNow.current = null;
    setCartId(null);
  }, [queryClient, station.registerId]);

  return {
    /** The ticket as the server last priced it: what is paid, adjusted and attached to. */
    ticket: server,
    /** What the associate sees: the server's ticket with the changes on their way. */
    shown,
    /** A code the till's copy does not know is with the server. */
    isLookingUp: serverScans > 0,
    /** The till holds its store's catalogue and prices scans itself. */
    hasLocalCatalogue: codes !== null,
    scan,
    add,
    setQuantity,
    remove,
    whenSettled,
    finish,
  };
}

let changeSerial = 0;

/** An id for a change made on this page, unique for as long as it waits. */
function nextChangeId(): string {
  changeSerial += 1;
  return `change-${changeSerial}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "The till could not add the item.";
}
