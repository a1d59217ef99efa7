import type { Db } from "@/lib/db/client";
import { type Logger, logger } from "@/lib/log";
import { coalesce } from "./coalesce";
import { latestOutboxId, type OutboxRecord, readOutboxEvents } from "./outbox-event";

/*
 * How a committed event reaches every open page, on every app instance.
 *
 * Each instance keeps its own server-sent-event streams in memory, so each
 * instance must see every event: one hub per process reads the outbox
 * itself and hands each new event to that process's streams. Nothing is
 * claimed or marked for this; the dispatcher's `dispatchedAt` is only
 * about side effects that must happen once in the whole system (webhooks).
 *
 * The hub is woken by the database: once a transaction that wrote events
 * has committed, its process sends NOTIFY (announce-outbox.ts), which
 * PostgreSQL delivers to every LISTENing connection (PGlite does the same
 * in-process).
 * A slow poll is the safety net for a notification lost while the LISTEN
 * connection was down.
 *
 * On a wake the hub reads rows with an id above the highest it has seen.
 * Ids are taken when a row is inserted, not when it commits, so a
 * transaction that took id 10 can commit after the one that took id 11:
 * reading "after 11" would skip 10 for ever. The hub therefore remembers
 * the ids it stepped over ("holes") and asks for them again on every read
 * until they appear or a grace period passes; a rolled-back transaction's
 * id never appears and simply expires. An event is handed on exactly once
 * per hub, though a late one arrives after higher ids.
 */

/** One open stream, as the hub sees it. */
export interface HubSubscriber {
  onEvent(event: OutboxRecord): void;
  /** The hub stopped (the server is shutting down): end the stream. */
  onClose?(): void;
}

export interface RealtimeHub {
  /** Reads the outbox's current end, so only later events are handed on. */
  start(): Promise<void>;
  subscribe(subscriber: HubSubscriber): () => void;
  /** Something may have committed: read the outbox soon. */
  wake(): void;
  /** Stops reading and closes every subscriber. */
  stop(): Promise<void>;
  readonly subscriberCount: number;
}

export interface RealtimeHubOptions {
  db: Db;
  /** Read this often even without a notification; null never (tests). */
  pollIntervalMs?: number | null;
  batchSize?: number;
  /**
   * Reads start at most this often: under a stream of commits each read
   * takes in a batch, instead of one read per commit per instance.
   */
  minReadIntervalMs?: number;
  /** How long a skipped id is waited for before it counts as rolled back. */
  holeTtlMs?: number;
  maxHoles?: number;
  now?: () => number;
  log?: Logger;
}

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_BATCH = 500;
const DEFAULT_MIN_READ_INTERVAL_MS = 20;
// Interactive transactions time out long before this; a longer one would
// have its event handed on only by a stream's own replay.
const DEFAULT_HOLE_TTL_MS = 60_000;
const DEFAULT_MAX_HOLES = 1_000;
/** At start, ids this far back that are missing may still be committing. */
const START_WINDOW = 200n;

/** Creates this process's realtime hub; see the comment above for the design. */
export function createRealtimeHub(options: RealtimeHubOptions): RealtimeHub {
  const { db } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const holeTtlMs = options.holeTtlMs ?? DEFAULT_HOLE_TTL_MS;
  const maxHoles = options.maxHoles ?? DEFAULT_MAX_HOLES;
  const now = options.now ?? Date.now;
  const log = options.log ?? logger.child({ component: "realtime-hub" });

  const subscribers = new Set<HubSubscriber>();
  /** Skipped ids still awaited, with when they were first missed. */
  const holes = new Map<bigint, number>();
  let cursor = 0n;
  let starting: Promise<void> | null = null;
  /** Set once the outbox's end is known; wakes before that are ignored. */
  let isStarted = false;
  let isStopped = false;
  let pollTimer: NodeJS.Timeout | null = null;

  function rememberHoles(from: bigint, to: bigint) {
    // Newest first: an id just below `to` is likelier still committing.
    for (let id = to - 1n; id > from; id -= 1n) {
      if (holes.size >= maxHoles) {
        log.warn({ from: String(from), to: String(to) }, "too many outbox gaps to track");
        return;
      }
      holes.set(id, now());
    }
  }

  function expireHoles() {
    const cutoff = now() - holeTtlMs;
    for (const [id, since] of holes) if (since < cutoff) holes.delete(id);
  }

  function deliver(event: OutboxRecord) {
    for (const subscriber of subscribers) {
      try {
        subscriber.onEvent(event);
      } catch (error) {
        log.error({ err: error, eventId: event.id }, "a stream failed to take an event");
      }
    }
  }

  /** One read; true when the batch was full and more may be waiting. */
  async function readOnce(): Promise<boolean> {
    expireHoles();
    const events = await readOutboxEvents(db, {
      afterId: cursor,
      alsoIds: [...holes.keys()],
      limit: batchSize,
    });
    for (const event of events) {
      const id = BigInt(event.id);
      if (id > cursor) {
        rememberHoles(cursor, id);
        cursor = id;
      } else {
        holes.delete(id);
      }
      deliver(event);
    }
    return events.length === batchSize;
  }

  const minReadIntervalMs = options.minReadIntervalMs ?? DEFAULT_MIN_READ_INTERVAL_MS;
  let lastReadAt = Number.NEGATIVE_INFINITY;

  const reader = coalesce(async () => {
    const wait = lastReadAt + minReadIntervalMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastReadAt = now();
    try {
      while (!isStopped && (await readOnce())) {}
    } catch (error) {
      // The next notification or poll tries again.
      log.error({ err: error }, "reading the outbox for realtime failed");
    }
  });

  async function prime() {
    const latest = await latestOutboxId(db);
    const floor = latest > START_WINDOW ? latest - START_WINDOW : 0n;
    const present = await db.outboxEvent.findMany({
      where: { id: { gt: floor, lte: latest } },
      select: { id: true },
    });
    const seen = new Set(present.map((row) => row.id));
    for (let id = floor + 1n; id <= latest; id += 1n) {
      if (!seen.has(id)) holes.set(id, now());
    }
    cursor = latest;
  }

  return {
    start() {
      starting ??= prime().then(() => {
        if (isStopped) return;
        isStarted = true;
        const pollMs =
          options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : options.pollIntervalMs;
        if (pollMs !== null) {
          pollTimer = setInterval(() => this.wake(), pollMs);
          pollTimer.unref();
        }
        this.wake();
      });
      return starting;
    },

    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },

    wake() {
      if (isStarted && !isStopped) reader.run();
    },

    async stop() {
      isStopped = true;
      if (pollTimer) clearInterval(pollTimer);
      await reader.settled();
      for (const subscriber of subscribers) subscriber.onClose?.();
      subscribers.clear();
    },

    get subscriberCount() {
      return subscribers.size;
    },
  };
}
