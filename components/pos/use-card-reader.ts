"use client";

import { useEffect, useRef, useState } from "react";
import {
  cancelReaderPaymentAction,
  readerPaymentAction,
  startReaderPaymentAction,
} from "@/app/(pos)/pos/actions";
import { callAction, PosActionError } from "./call-action";

/** How often the till asks whether the shopper's card went through. */
const POLL_MS = 1500;

export interface ReaderApproval {
  paymentIntentId: string;
  amountMinor: number;
  cardBrand: string | null;
  cardLast4: string | null;
}

interface Waiting {
  paymentIntentId: string;
  readerLabel: string;
  amountMinor: number;
}

const messageOf = (error: unknown, fallback: string) =>
  error instanceof Error ? error.message : fallback;

/**
 * A card payment on the register's Stripe reader: sends the amount, polls
 * until the reader approves or refuses the card, and cancels on request.
 * One attempt key per try, kept when the answer to the start was lost, so
 * pressing again finds the same payment rather than opening a second one.
 */
export function useCardReader(options: {
  cartId: string;
  onApproved: (approval: ReaderApproval) => void;
  onProblem: (message: string) => void;
}) {
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const [isCanceling, setIsCanceling] = useState(false);
  const attempt = useRef<{ key: string; amountMinor: number } | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const { cartId } = options;

  async function start(amountMinor: number) {
    if (attempt.current?.amountMinor !== amountMinor) {
      attempt.current = { key: crypto.randomUUID(), amountMinor };
    }
    setIsStarting(true);
    try {
      const started = await callAction(startReaderPaymentAction, {
        cartId,
        amountMinor,
        attemptKey: attempt.current.key,
      });
      setWaiting(started);
    } catch (error) {
      // A lost answer is tried again under the same key; a refusal starts afresh.
      const isLost = error instanceof PosActionError && error.code === "internal";
      if (!isLost) attempt.current = null;
      latest.current.onProblem(messageOf(error, "The card reader did not answer."));
    } finally {
      setIsStarting(false);
    }
  }

  async function cancel() {
    if (!waiting) return;
    // Polling stops first, so an approval arriving now is not taken.
    setIsCanceling(true);
    try {
      await callAction(cancelReaderPaymentAction, {
        cartId,
        paymentIntentId: waiting.paymentIntentId,
      });
      attempt.current = null;
      setWaiting(null);
      latest.current.onProblem("Card payment cancelled. Nothing was charged.");
    } catch (error) {
      latest.current.onProblem(messageOf(error, "The reader could not be stopped."));
    } finally {
      setIsCanceling(false);
    }
  }

  useEffect(() => {
    if (!waiting || isCanceling) return;
    let isStopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      try {
        const state = await callAction(readerPaymentAction, {
          cartId,
          paymentIntentId: waiting.paymentIntentId,
        });
        if (isStopped) return;
        if (state.status === "waiting") {
          timer = setTimeout(() => void check(), POLL_MS);
          return;
        }
        attempt.current = null;
        setWaiting(null);
        if (state.status === "approved") latest.current.onApproved(state);
        else latest.current.onProblem(state.message);
      } catch {
        // A dropped answer says nothing about the card: ask again.
        if (!isStopped) timer = setTimeout(() => void check(), POLL_MS);
      }
    };
    timer = setTimeout(() => void check(), POLL_MS);
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [waiting, isCanceling, cartId]);

  return { waiting, isStarting, isCanceling, start, cancel };
}
