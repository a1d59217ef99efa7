import type { Prisma, Tx } from "@/lib/db/client";

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
 * committed goes unannounced. Realtime streams and webhooks read from it.
 */
export async function emitEvent(tx: Tx, event: EventInput): Promise<void> {
  await tx.outboxEvent.create({ data: outboxRow(event) });
}

/** Writes many events in one statement, for bulk changes such as a CSV import. */
export async function emitEvents(tx: Tx, events: readonly EventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({ data: events.map(outboxRow) });
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
