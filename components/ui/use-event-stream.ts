"use client";

import { useEffect, useRef, useState } from "react";

/** An event as /api/v1/events/stream sends it (lib/events/stream-scope.ts). */
export interface StreamEvent {
  id: string;
  type: string;
  topic: string;
  locationId: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface UseEventStreamOptions {
  topics: string[];
  locationId?: string;
  variantIds?: string[];
  /** The shoppers' view, even for a signed-in member of staff. */
  isPublic?: boolean;
  /** False holds the connection closed (e.g. until a store is chosen). */
  isEnabled?: boolean;
  onEvent: (event: StreamEvent) => void;
  /**
   * On every (re)connection, and when the server could not replay all that
   * was missed: reload what the page shows, since events may have passed.
   */
  onResync?: () => void;
}

export type StreamStatus = "connecting" | "open" | "closed";

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;
const REMEMBERED_IDS = 500;

/**
 * Follows the events stream with EventSource. The browser reconnects by
 * itself after a dropped connection (sending Last-Event-ID); when the server
 * refuses or the source closes for good, this reconnects with backoff and
 * resumes from the last event seen. An event seen twice is passed on once.
 */
export function useEventStream(options: UseEventStreamOptions): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const handlers = useRef(options);
  handlers.current = options;

  const params = new URLSearchParams({ topics: options.topics.join(",") });
  if (options.locationId) params.set("location", options.locationId);
  if (options.variantIds?.length) params.set("variantIds", options.variantIds.join(","));
  if (options.isPublic) params.set("audience", "public");
  const url = `/api/v1/events/stream?${params}`;
  const isEnabled = options.isEnabled ?? true;

  useEffect(() => {
    if (!isEnabled) {
      setStatus("closed");
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = FIRST_RETRY_MS;
    let lastEventId = "";
    const seen = new Set<string>();

    function onMessage(message: MessageEvent<string>) {
      if (message.lastEventId) lastEventId = message.lastEventId;
      const event = JSON.parse(message.data) as StreamEvent;
      if (seen.has(event.id)) return;
      seen.add(event.id);
      if (seen.size > REMEMBERED_IDS) {
        const oldest = seen.values().next().value;
        if (oldest !== undefined) seen.delete(oldest);
      }
      handlers.current.onEvent(event);
    }

    function connect() {
      const resumeUrl = lastEventId
        ? `${url}&lastEventId=${encodeURIComponent(lastEventId)}`
        : url;
      const current = new EventSource(resumeUrl);
      source = current;
      setStatus("connecting");
      current.onopen = () => {
        retryMs = FIRST_RETRY_MS;
        setStatus("open");
        handlers.current.onResync?.();
      };
      current.onmessage = onMessage;
      current.addEventListener("reset", () => handlers.current.onResync?.());
      current.onerror = () => {
        // CONNECTING: the browser is already retrying. CLOSED: it gave up
        // (an error status or a wrong content type), so try again later.
        if (current.readyState !== EventSource.CLOSED) {
          setStatus("connecting");
          return;
        }
        setStatus("closed");
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      };
    }

    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [url, isEnabled]);

  return status;
}
