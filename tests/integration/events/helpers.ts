import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { type EventInput, emitEvent } from "@/lib/events/emit-event";
import type { OutboxRecord } from "@/lib/events/outbox-event";
import type { RealtimeHub } from "@/lib/events/realtime-hub";

/** A stock change as the inventory domain announces it. */
export function levelChanged(
  overrides: { variantId?: string; locationId?: string; available?: number } = {},
): EventInput {
  const variantId = overrides.variantId ?? randomUUID();
  const locationId = overrides.locationId ?? randomUUID();
  const available = overrides.available ?? 3;
  return {
    type: "inventory.level_changed",
    aggregateType: "inventory_level",
    aggregateId: `${variantId}:${locationId}`,
    locationId,
    payload: {
      variantId,
      locationId,
      sku: "TEE-NVY-M",
      onHand: available + 1,
      reserved: 1,
      available,
    },
  };
}

/** Commits one event in its own transaction and returns its outbox id. */
export async function commitEvent(
  prisma: PrismaClient,
  event: EventInput,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await emitEvent(tx, event);
    const row = await tx.outboxEvent.findFirstOrThrow({
      where: { aggregateId: event.aggregateId },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    return row.id.toString();
  });
}

/** Collects what a hub hands on, and lets a test await the next events. */
export function recordHub(hub: RealtimeHub) {
  const received: OutboxRecord[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  const unsubscribe = hub.subscribe({
    onEvent(event) {
      received.push(event);
      waiters = waiters.filter((waiter) => {
        if (received.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    },
  });
  return {
    received,
    unsubscribe,
    /** Resolves once `count` events in all have arrived. */
    until(count: number): Promise<OutboxRecord[]> {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => {
        waiters.push({ count, resolve: () => resolve(received) });
      });
    },
  };
}

export interface SseMessage {
  /** "message" unless the server named it (e.g. "reset"). */
  event: string;
  id: string | null;
  data: string;
}

/** Reads a text/event-stream as messages; comments and retry lines are skipped. */
export function readSse(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const ready: SseMessage[] = [];
  let isDone = false;

  function parse() {
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = { event: "message", id: null, data: "" };
      let hasData = false;
      for (const line of block.split("\n")) {
        if (line.startsWith("data: ")) {
          message.data += line.slice(6);
          hasData = true;
        } else if (line.startsWith("id: ")) message.id = line.slice(4);
        else if (line.startsWith("event: ")) message.event = line.slice(7);
      }
      if (hasData) ready.push(message);
      end = buffer.indexOf("\n\n");
    }
  }

  return {
    /** The next message, or null when the stream has ended. */
    async next(): Promise<SseMessage | null> {
      while (ready.length === 0 && !isDone) {
        const chunk = await reader.read();
        if (chunk.done) isDone = true;
        else buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
      return ready.shift() ?? null;
    },
    /** The next `count` messages. */
    async take(count: number): Promise<SseMessage[]> {
      const messages: SseMessage[] = [];
      while (messages.length < count) {
        const message = await this.next();
        if (!message) break;
        messages.push(message);
      }
      return messages;
    },
    cancel: () => reader.cancel(),
  };
}
