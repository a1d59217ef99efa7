import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { releaseExpiredReservations } from "./release-reservations";

/** How often expired reservations are given back. */
export const SWEEP_INTERVAL_MS = 30_000;

const globalForSweeper = globalThis as unknown as { __omnitillSweeper?: NodeJS.Timeout };

/**
 * Runs the reservation sweeper in this process every 30 seconds. Several
 * instances may each run one: the sweep skips rows another holds, so no
 * unit is released twice. Returns a function that stops it.
 */
export function startReservationSweeper(intervalMs = SWEEP_INTERVAL_MS): () => void {
  if (!globalForSweeper.__omnitillSweeper) {
    let isSweeping = false;
    const timer = setInterval(() => {
      if (isSweeping) return;
      isSweeping = true;
      releaseExpiredReservations(getDb())
        .catch((error: unknown) =>
          logger.error({ err: error }, "reservation sweep failed"),
        )
        .finally(() => {
          isSweeping = false;
        });
    }, intervalMs);
    // The sweeper alone must not keep the process alive.
    timer.unref();
    globalForSweeper.__omnitillSweeper = timer;
  }
  return () => {
    clearInterval(globalForSweeper.__omnitillSweeper);
    globalForSweeper.__omnitillSweeper = undefined;
  };
}
