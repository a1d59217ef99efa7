/**
 * Sends the till's queued sales to POST /api/v1/pos/sync, oldest first,
 * in batches, and stores each verdict. One tab at a time: the Web Locks
 * API hands the lock to one tab of this origin and the others skip their
 * turn; the server, which records each sale id once, is the judge anyway.
 */
import type { SaleVerdict } from "@/lib/pos-sync/sale";
import { pendingSales, recordVerdicts, type TillDb } from "./offline-db";

export const SYNC_LOCK = "omnitill-pos-sync";
const BATCH = 50;

export type SyncOutcome =
  | { kind: "done"; sent: number; verdicts: SaleVerdict[] }
  /** Another tab holds the lock and is syncing. */
  | { kind: "busy" }
  /** The network or the server failed: try again later. */
  | { kind: "failed"; sent: number; message: string; isNetwork: boolean };

/** Runs `work` holding the sync lock, or answers null when another tab holds it. */
export type LockRunner = <T>(work: () => Promise<T>) => Promise<T | null>;

export const webLock: LockRunner = async (work) => {
  if (typeof navigator === "undefined" || !navigator.locks) return work();
  return navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
    lock ? work() : null,
  );
};

export async function syncQueue(options: {
  db: TillDb;
  locationId: string;
  fetcher?: typeof fetch;
  lock?: LockRunner;
  batchSize?: number;
}): Promise<SyncOutcome> {
  const fetcher = options.fetcher ?? fetch;
  const lock = options.lock ?? webLock;
  const batchSize = options.batchSize ?? BATCH;

  const outcome = await lock(async (): Promise<SyncOutcome> => {
    const verdicts: SaleVerdict[] = [];
    for (;;) {
      const batch = await pendingSales(options.db, options.locationId, batchSize);
      if (batch.length === 0) return { kind: "done", sent: verdicts.length, verdicts };
      let response: Response;
      try {
        response = await fetcher("/api/v1/pos/sync", {
          method: "POST",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          body: JSON.stringify({
            locationId: options.locationId,
            sales: batch.map((queued) => queued.sale),
          }),
        });
      } catch (error) {
        return {
          kind: "failed",
          sent: verdicts.length,
          message: error instanceof Error ? error.message : "The network failed.",
          isNetwork: true,
        };
      }
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as {
          detail?: string;
          title?: string;
        } | null;
        return {
          kind: "failed",
          sent: verdicts.length,
          message:
            problem?.detail ??
            problem?.title ??
            `The server answered ${response.status}.`,
          isNetwork: false,
        };
      }
      const body = (await response.json()) as {
        results: SaleVerdict[];
        unprocessed: string[];
      };
      await recordVerdicts(options.db, body.results);
      verdicts.push(...body.results);
      if (body.unprocessed.length > 0 || body.results.length === 0) {
        return {
          kind: "failed",
          sent: verdicts.length,
          message: "The server stopped part-way; the rest will be sent again.",
          isNetwork: false,
        };
      }
    }
  });
  return outcome ?? { kind: "busy" };
}

/** Milliseconds to wait before the next attempt after `failures` in a row. */
export function backoffDelay(failures: number, random = Math.random): number {
  const base = Math.min(60_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
