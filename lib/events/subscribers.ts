import type { Tx } from "@/lib/db/client";
import type { OutboxRecord } from "./outbox-event";

/**
 * A side effect of events that must happen once in the whole system, however
 * many app instances and workers run: the dispatcher hands each committed
 * event to each subscriber that wants it, then marks it dispatched.
 *
 * `deliver` runs inside the transaction that holds the event's row lock
 * (FOR UPDATE SKIP LOCKED), under a savepoint: what it writes with `tx`
 * commits together with the "dispatched" mark, and is undone if it throws.
 * So it should be quick: write rows, don't call the network. If the
 * process dies after `deliver` but before the commit, the event is handed
 * on again, so a subscriber must be idempotent by event id.
 *
 * Realtime streams are not subscribers: every instance needs every event
 * for its own open pages (see realtime-hub.ts).
 */
export interface OutboxSubscriber {
  /** Shown in logs and in an event's lastError. */
  name: string;
  handles(event: OutboxRecord): boolean;
  deliver(event: OutboxRecord, context: { tx: Tx }): Promise<void>;
}

/**
 * The subscribers the app runs. Empty for now: webhook delivery is not
 * built yet. The intended webhook subscriber writes one delivery row per
 * matching endpoint in `tx` (exactly once, with the event), and a separate
 * sender posts them with signing, retries and backoff outside any
 * transaction. Until then the dispatcher only marks events dispatched.
 */
export const OUTBOX_SUBSCRIBERS: readonly OutboxSubscriber[] = [];
