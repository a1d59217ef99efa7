import { afterCommit } from "@/lib/db/after-commit";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";

type Listener = () => void;

const global = globalThis as unknown as { __omnitillEmailsQueued?: Set<Listener> };
global.__omnitillEmailsQueued ??= new Set();
const listeners = global.__omnitillEmailsQueued;

/** Calls `listener` whenever a transaction of this process that queued email commits. */
export function onEmailsQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Wakes this process's mail sender once `tx` commits, so an email goes out
 * at once rather than at the next poll. Other processes' senders find it
 * on their own poll.
 */
export function announceEmailsQueued(tx: Tx): void {
  afterCommit(tx, () => {
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        logger.error({ err: error }, "an emails-queued listener failed");
      }
    }
  });
}
