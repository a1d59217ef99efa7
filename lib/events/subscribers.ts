import type { Tx } from "@/lib/db/client";
import { emailSubscriberFromEnv } from "@/lib/email/email-runtime";
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
 * The subscribers the app and the worker run: today the email subscriber,
 * which queues shoppers' emails (lib/email). Webhook delivery is not built
 * yet; it would follow the same shape: one delivery row per matching
 * endpoint written in `tx`, and a separate sender that posts them with
 * signing, retries and backoff outside any transaction.
 */
export function defaultOutboxSubscribers(): readonly OutboxSubscriber[] {
  return [emailSubscriberFromEnv()];
}
