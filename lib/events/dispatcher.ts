import type { PrismaClient, Tx } from "@/lib/db/client";
import { type Logger, logger } from "@/lib/log";
import { coalesce } from "./coalesce";
import { type OutboxRecord, toOutboxRecord } from "./outbox-event";
import type { OutboxSubscriber } from "./subscribers";

/*
 * The outbox dispatcher hands each committed event to the side-effect
 * subscribers (subscribers.ts) once, then marks it dispatched.
 *
 * Any number of app instances and workers run it at once. Each batch is
 * claimed in one transaction with SELECT ... FOR UPDATE SKIP LOCKED: rows
 * another dispatcher holds are skipped rather than waited for, and a row it
 * has already marked no longer matches `dispatchedAt IS NULL` when the lock
 * is taken, so no two dispatchers hand on the same event. Delivery and the
 * mark commit together: a crash in between hands the event on again
 * (at least once, never lost).
 *
 * A failed event keeps its lock until the batch commits, then is retried on
 * the next wake or poll, up to MAX_ATTEMPTS; its attempts and lastError say
 * why. Retries are for a subscriber's own bugs or a database hiccup: slow,
 * failure-prone work (posting webhooks) belongs to the subscriber's own
 * queue, which has its own retry schedule.
 */

export const MAX_ATTEMPTS = 10;
const DEFAULT_BATCH = 100;
const DEFAULT_POLL_MS = 10_000;
// Side effects need not be instant: gathering a moment's events into one
// claim spares the database a write transaction per commit.
const DEFAULT_WAKE_DELAY_MS = 100;
const LAST_ERROR_LENGTH = 1_000;

export interface DispatchOptions {
  subscribers: readonly OutboxSubscriber[];
  batchSize?: number;
  maxAttempts?: number;
  log?: Logger;
}

export interface DispatchResult {
  /** Events this call locked and worked on. */
  claimed: number;
  dispatched: number;
  failed: number;
}

interface ClaimedRow {
  id: bigint;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  locationId: string | null;
  createdAt: Date;
  attempts: number;
}

/** Claims one batch of undispatched events, hands them on and marks them. */
export async function dispatchOutboxBatch(
  db: PrismaClient,
  options: DispatchOptions,
): Promise<DispatchResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const log = options.log ?? logger.child({ component: "outbox-dispatcher" });

  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<ClaimedRow[]>`
        SELECT "id", "type", "aggregateType", "aggregateId", "payload",
               "locationId", "createdAt", "attempts"
        FROM "OutboxEvent"
        WHERE "dispatchedAt" IS NULL AND "attempts" < ${maxAttempts}
        ORDER BY "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;

      const dispatched: bigint[] = [];
      let failed = 0;
      for (const row of rows) {
        const failure = await deliverOne(tx, toOutboxRecord(row), options.subscribers);
        if (!failure) {
          dispatched.push(row.id);
          continue;
        }
        failed += 1;
        await tx.outboxEvent.update({
          where: { id: row.id },
          data: { attempts: { increment: 1 }, lastError: failure },
        });
        const isGivenUp = row.attempts + 1 >= maxAttempts;
        log[isGivenUp ? "error" : "warn"](
          { eventId: String(row.id), type: row.type, attempt: row.attempts + 1, failure },
          isGivenUp
            ? "outbox event given up after repeated failures"
            : "outbox event failed",
        );
      }

      if (dispatched.length > 0) {
        await tx.outboxEvent.updateMany({
          where: { id: { in: dispatched } },
          data: { dispatchedAt: new Date() },
        });
      }
      return { claimed: rows.length, dispatched: dispatched.length, failed };
    },
    // Subscribers write rows only, but a batch can still outlast Prisma's
    // default of five seconds on a busy database.
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * Hands one event to the subscribers that want it, under a savepoint so a
 * failure leaves none of its writes behind. Returns the failure, if any.
 */
async function deliverOne(
  tx: Tx,
  event: OutboxRecord,
  subscribers: readonly OutboxSubscriber[],
): Promise<string | null> {
  const wanted = subscribers.filter((subscriber) => subscriber.handles(event));
  if (wanted.length === 0) return null;

  await tx.$executeRawUnsafe("SAVEPOINT outbox_delivery");
  let current = "";
  try {
    for (const subscriber of wanted) {
      current = subscriber.name;
      await subscriber.deliver(event, { tx });
    }
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT outbox_delivery");
    return null;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT outbox_delivery");
    const message = error instanceof Error ? error.message : String(error);
    return `${current}: ${message}`.slice(0, LAST_ERROR_LENGTH);
  }
}

export interface OutboxDispatcher {
  /** Dispatches what is waiting, then on every wake and poll. */
  start(): void;
  /** Something may have committed: dispatch soon. */
  wake(): void;
  /** Finishes the batch in hand and stops. */
  stop(): Promise<void>;
}

export interface OutboxDispatcherOptions extends DispatchOptions {
  db: PrismaClient;
  /** Dispatch this often even without a wake; null never (tests). */
  pollIntervalMs?: number | null;
  /** How long a wake waits, to claim what commits meanwhile in the same batch. */
  wakeDelayMs?: number;
}

/** A dispatcher that drains the outbox shortly after each wake, and on a slow poll. */
export function createOutboxDispatcher(
  options: OutboxDispatcherOptions,
): OutboxDispatcher {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const log = options.log ?? logger.child({ component: "outbox-dispatcher" });
  let isStarted = false;
  let isStopped = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let wakeTimer: NodeJS.Timeout | null = null;
  const wakeDelayMs = options.wakeDelayMs ?? DEFAULT_WAKE_DELAY_MS;

  const drain = coalesce(async () => {
    try {
      // Only full batches that all went through suggest more is waiting;
      // failures wait for the next wake or poll instead of spinning.
      while (!isStopped) {
        const result = await dispatchOutboxBatch(options.db, { ...options, log });
        if (result.dispatched < batchSize) break;
      }
    } catch (error) {
      log.error({ err: error }, "dispatching outbox events failed");
    }
  });

  return {
    start() {
      if (isStarted) return;
      isStarted = true;
      const pollMs =
        options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : options.pollIntervalMs;
      if (pollMs !== null) {
        pollTimer = setInterval(drain.run, pollMs);
        pollTimer.unref();
      }
      drain.run();
    },
    wake() {
      if (!isStarted || isStopped || wakeTimer) return;
      wakeTimer = setTimeout(() => {
        wakeTimer = null;
        drain.run();
      }, wakeDelayMs);
    },
    async stop() {
      isStopped = true;
      if (pollTimer) clearInterval(pollTimer);
      if (wakeTimer) clearTimeout(wakeTimer);
      await drain.settled();
    },
  };
}
