import { rootClientOf } from "@/lib/db/after-commit";
import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { OUTBOX_CHANNEL } from "./outbox-listener";

interface AnnounceState {
  isSending: boolean;
  isAskedAgain: boolean;
  /** Settles when no notification is in flight any more. */
  settled: Promise<void>;
}

const states = new WeakMap<PrismaClient, AnnounceState>();

/**
 * Tells every listening instance (this one too) that outbox events have
 * committed: `NOTIFY omnitill_outbox`, sent only after the writing
 * transaction's COMMIT returned, so nothing uncommitted is announced.
 * Coalesced per client: at most one notification is in flight, and asks
 * that arrive meanwhile cost exactly one more, since a listener reads
 * everything new on each wake. A lost notification (the database was
 * unreachable, or the process died after committing) is covered by the
 * listeners' slow poll.
 *
 * A client that disconnects first lets its last notification go out, so a
 * short-lived process (the CLI, a script, a test's fixture) that commits
 * and quits at once does not leave its events to that poll.
 */
export function announceOutbox(db: PrismaClient): void {
  const client = rootClientOf(db) ?? db;
  let state = states.get(client);
  if (!state) {
    state = { isSending: false, isAskedAgain: false, settled: Promise.resolve() };
    states.set(client, state);
    settleBeforeDisconnect(client, state);
  }
  if (state.isSending) {
    state.isAskedAgain = true;
    return;
  }
  state.settled = send(client, state);
}

function settleBeforeDisconnect(client: PrismaClient, state: AnnounceState): void {
  // A transaction client that reached here untracked has no $disconnect.
  if (typeof client.$disconnect !== "function") return;
  const disconnect = client.$disconnect.bind(client);
  Object.defineProperty(client, "$disconnect", {
    value: async () => {
      await state.settled;
      await disconnect();
    },
    configurable: true,
  });
}

function send(client: PrismaClient, state: AnnounceState): Promise<void> {
  state.isSending = true;
  state.isAskedAgain = false;
  return client
    .$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`)
    .catch((error: unknown) => {
      logger.warn(
        { err: error },
        "could not announce outbox events; listeners will poll",
      );
    })
    .then(() => {
      state.isSending = false;
      if (state.isAskedAgain) return send(client, state);
    });
}
