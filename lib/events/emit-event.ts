import { afterCommit } from "@/lib/db/after-commit";
import type { Prisma, Tx } from "@/lib/db/client";
import { Prisma as Sql } from "@/lib/db/generated/client";
import { jsonParam } from "@/lib/db/one-statement";
import { logger } from "@/lib/log";
import { announceOutbox } from "./announce-outbox";

export interface EventInput {
  /** Dotted past tense by domain, e.g. "inventory.level_changed". */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  /** The location the event concerns, so streams can be scoped per store. */
  locationId?: string | null;
}

/**
 * Writes an event to the outbox inside the transaction that makes the
 * change, so nothing is announced that did not commit and nothing that
 * committed goes unannounced. Realtime streams and webhooks read from it;
 * they are woken once the transaction commits (`announceOutbox`).
 */
export async function emitEvent(tx: Tx, event: EventInput): Promise<void> {
  await tx.outboxEvent.create({ data: outboxRow(event) });
  announceAfterCommit(tx, [event.type]);
}

/** Writes many events in one statement, for bulk changes such as a CSV import. */
export async function emitEvents(tx: Tx, events: readonly EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({ data: events.map(outboxRow) });
  announceAfterCommit(
    tx,
    events.map((event) => event.type),
  );
}

/**
 * The outbox row of `emitEvent` as an INSERT, for writers that make their
 * change and its event in one statement (lib/db/one-statement.ts): one row,
 * or one per row of `from` (a FROM clause, say the statement's guard). The
 * writer calls `announceAfterCommit` once the statement has run.
 */
export function outboxInsert(event: EventInput, from: Sql.Sql = Sql.empty): Sql.Sql {
  return Sql.sql`INSERT INTO "OutboxEvent"
      (type, "aggregateType", "aggregateId", payload, "locationId", "createdAt")
    SELECT ${event.type}, ${event.aggregateType}, ${event.aggregateId},
      ${jsonParam(event.payload)}, ${event.locationId ?? null}::text,
      now() AT TIME ZONE 'UTC'
    ${from}`;
}

type CommittedListener = (types: readonly string[]) => void;

const global = globalThis as unknown as { __omnitillCommitted?: Set<CommittedListener> };
global.__omnitillCommitted ??= new Set();
const committedListeners = global.__omnitillCommitted;

/**
 * Calls `listener` with the event types of every transaction of this
 * process once it commits, before other instances hear of it: a cache of
 * this instance can drop what the change made stale, so a writer reads its
 * own change at once. Returns the unsubscribe.
 */
export function onEventsCommitted(listener: CommittedListener): () => void {
  committedListeners.add(listener);
  return () => {
    committedListeners.delete(listener);
  };
}

/**
 * For writers that insert outbox rows themselves (one statement with the
 * change they announce): wakes the listeners once `tx` commits.
 */
export function announceAfterCommit(tx: Tx, types: readonly string[]): void {
  afterCommit(tx, (client) => {
    for (const listener of committedListeners) {
      try {
        listener(types);
      } catch (error) {
        logger.error({ err: error }, "a committed-events listener failed");
      }
    }
    announceOutbox(client);
  });
}

function outboxRow(event: EventInput) {
  return {
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: event.payload as Prisma.InputJsonValue,
    locationId: event.locationId ?? null,
  };
}
