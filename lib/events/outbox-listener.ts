import type { DatabaseTarget } from "@/lib/db/config";
import { openEmbedded } from "@/lib/db/embedded";
import { type ClosableSql, connectPostgres } from "@/lib/db/sql";
import { type Logger, logger } from "@/lib/log";

/** The channel writers notify after committing outbox events (announce-outbox.ts). */
export const OUTBOX_CHANNEL = "omnitill_outbox";

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export interface OutboxListener {
  /** Resolves once the first LISTEN is in place (or its first try failed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ListenOptions {
  target: DatabaseTarget;
  /** Called for every notification, and after a reconnect (one may be lost). */
  onWake: () => void;
  log?: Logger;
}

/**
 * Wakes `onWake` whenever outbox events commit. On a PostgreSQL server, one
 * dedicated connection per process runs LISTEN and reconnects with backoff
 * when it breaks; on the embedded PGlite the notification is delivered
 * in-process by PGlite itself.
 */
export function listenForOutbox(options: ListenOptions): OutboxListener {
  return options.target.kind === "postgres"
    ? listenOnServer(options.target.url, options)
    : listenEmbedded(options.target.directory, options);
}

function listenOnServer(url: string, options: ListenOptions): OutboxListener {
  const log = options.log ?? logger.child({ component: "outbox-listener" });
  let connection: ClosableSql | null = null;
  let isClosed = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | null = null;

  function scheduleReconnect() {
    if (isClosed) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(true), retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  async function connect(isReconnect: boolean): Promise<void> {
    let opened: ClosableSql | null = null;
    try {
      opened = await connectPostgres(url, {
        onNotification: (channel) => {
          if (channel === OUTBOX_CHANNEL) options.onWake();
        },
        onLost: (error) => {
          log.warn({ err: error }, "outbox LISTEN connection lost; reconnecting");
          connection = null;
          scheduleReconnect();
        },
      });
      if (isClosed) {
        await opened.close();
        return;
      }
      await opened.query(`LISTEN ${OUTBOX_CHANNEL}`);
      connection = opened;
      retryMs = FIRST_RETRY_MS;
      // Anything committed while we were away was not announced to us.
      if (isReconnect) options.onWake();
    } catch (error) {
      log.warn({ err: error }, "could not LISTEN for outbox events; retrying");
      await opened?.close().catch(() => undefined);
      scheduleReconnect();
    }
  }

  return {
    ready: connect(false),
    async close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const open = connection;
      connection = null;
      await open?.close().catch(() => undefined);
    },
  };
}

function listenEmbedded(directory: string, options: ListenOptions): OutboxListener {
  const log = options.log ?? logger.child({ component: "outbox-listener" });
  const database = openEmbedded(directory);
  let unlisten: (() => Promise<void>) | null = null;

  const ready = (async () => {
    await database.waitReady;
    unlisten = await database.listen(OUTBOX_CHANNEL, () => options.onWake());
  })().catch((error: unknown) => {
    log.error({ err: error }, "could not LISTEN on the embedded database");
  });

  return {
    ready,
    async close() {
      await ready;
      // The database may already be closing with the process.
      await unlisten?.().catch(() => undefined);
    },
  };
}
