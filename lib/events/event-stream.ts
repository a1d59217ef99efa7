import type { Db } from "@/lib/db/client";
import { type Logger, logger } from "@/lib/log";
import { readOutboxEvents } from "./outbox-event";
import type { RealtimeHub } from "./realtime-hub";
import {
  type StreamEvent,
  type StreamScope,
  scopeWhere,
  shapeForStream,
} from "./stream-scope";

/** Headers for a server-sent-events response that no proxy buffers. */
export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;

const HEARTBEAT_MS = 15_000;
/** What a browser waits before reconnecting after the stream ends. */
const RECONNECT_MS = 3_000;
const REPLAY_LIMIT = 500;
/** Chunks a client may leave unread before it is dropped (it will resume). */
const MAX_QUEUED_CHUNKS = 1_000;

export interface OpenEventStreamOptions {
  db: Db;
  hub: RealtimeHub;
  scope: StreamScope;
  /** Resume after this event id (the Last-Event-ID a browser sends back). */
  lastEventId?: string | null;
  /** The request's signal: the stream ends when the client goes. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  replayLimit?: number;
  log?: Logger;
}

/** One event in the text/event-stream format; its id is the outbox id. */
export function formatSseEvent(event: StreamEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A text/event-stream of the events a scope allows: first those after
 * `lastEventId` from the outbox (the replay), then live ones from the hub,
 * with a comment line as a heartbeat. Subscribing before the replay means
 * nothing committed in between is missed; ids already sent by the replay
 * are not sent again. When more was missed than a replay carries, a
 * `reset` event tells the client to reload what it shows.
 */
export function openEventStream(
  options: OpenEventStreamOptions,
): ReadableStream<Uint8Array> {
  const { db, hub, scope } = options;
  const log = options.log ?? logger.child({ component: "event-stream" });
  const encoder = new TextEncoder();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let isClosed = false;
      const send = (text: string) => {
        if (isClosed) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
          log.warn("closing an event stream whose client stopped reading");
          close();
          return;
        }
        controller.enqueue(encoder.encode(text));
      };

      // Live events wait here until the replay is out, so order holds.
      let pending: StreamEvent[] | null = [];
      const replayed = new Set<string>();
      // The hub may still be catching up on events up to the resume point
      // itself; the client has those already.
      const resumeAfter = options.lastEventId ? BigInt(options.lastEventId) : -1n;
      const isNew = (event: StreamEvent) =>
        !replayed.has(event.id) && BigInt(event.id) > resumeAfter;
      const unsubscribe = hub.subscribe({
        onEvent(record) {
          const event = shapeForStream(record, scope);
          if (!event) return;
          if (pending) pending.push(event);
          else if (isNew(event)) send(formatSseEvent(event));
        },
        onClose: () => close(),
      });
      const heartbeat = setInterval(
        () => send(": keep-alive\n\n"),
        options.heartbeatMs ?? HEARTBEAT_MS,
      );

      function close() {
        if (isClosed) return;
        isClosed = true;
        clearInterval(heartbeat);
        unsubscribe();
        options.signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the client.
        }
      }
      cleanup = close;
      if (options.signal?.aborted) return close();
      options.signal?.addEventListener("abort", close);

      // A comment first, so the response starts flowing at once.
      send(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      try {
        if (options.lastEventId) await replay(options.lastEventId);
      } catch (error) {
        log.error({ err: error }, "replaying events failed; asking the client to reload");
        send("event: reset\ndata: {}\n\n");
      }
      const live = pending;
      pending = null;
      for (const event of live) if (isNew(event)) send(formatSseEvent(event));

      async function replay(lastEventId: string) {
        const limit = options.replayLimit ?? REPLAY_LIMIT;
        const records = await readOutboxEvents(db, {
          afterId: BigInt(lastEventId),
          limit: limit + 1,
          where: scopeWhere(scope),
        });
        if (records.length > limit) {
          send("event: reset\ndata: {}\n\n");
          return;
        }
        for (const record of records) {
          const event = shapeForStream(record, scope);
          if (!event) continue;
          replayed.add(event.id);
          send(formatSseEvent(event));
        }
      }
    },
    cancel() {
      cleanup();
    },
  });
}
