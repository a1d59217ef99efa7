import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { expirePendingOrders, expireUnpaidPickups } from "./expire-orders";

/** How often stale checkouts and uncollected pay-in-store pickups are settled. */
export const ORDER_SWEEP_INTERVAL_MS = 60_000;

const globalForSweeper = globalThis as unknown as {
  __omnitillOrderSweeper?: NodeJS.Timeout;
};

/**
 * Runs the order sweeper in this process: fails checkouts a crash left
 * pending, and cancels pay-in-store pickups whose hold ended. Several
 * instances may each run one: every order is locked and its status checked
 * before it is changed, so none is settled twice. Returns a stop function.
 */
export function startOrderSweeper(intervalMs = ORDER_SWEEP_INTERVAL_MS): () => void {
  if (!globalForSweeper.__omnitillOrderSweeper) {
    let isSweeping = false;
    const timer = setInterval(() => {
      if (isSweeping) return;
      isSweeping = true;
      const db = getDb();
      expirePendingOrders(db)
        .then(() => expireUnpaidPickups(db))
        .catch((error: unknown) => logger.error({ err: error }, "order sweep failed"))
        .finally(() => {
          isSweeping = false;
        });
    }, intervalMs);
    // The sweeper alone must not keep the process alive.
    timer.unref();
    globalForSweeper.__omnitillOrderSweeper = timer;
  }
  return () => {
    clearInterval(globalForSweeper.__omnitillOrderSweeper);
    globalForSweeper.__omnitillOrderSweeper = undefined;
  };
}
