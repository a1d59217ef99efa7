import type { PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { OUTBOX_CHANNEL } from "./outbox-listener";

interface AnnounceState {
  isSending: boolean;
  isAskedAgain: boolean;
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
 */
export function announceOutbox(client: PrismaClient): void {
  let state = states.get(client);
  if (!state) {
    state = { isSending: false, isAskedAgain: false };
    states.set(client, state);
  }
  if (state.isSending) {
    state.isAskedAgain = true;
    return;
  }
  send(client, state);
}

function send(client: PrismaClient, state: AnnounceState): void {
  state.isSending = true;
  state.isAskedAgain = false;
  client
    .$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`)
    .catch((error: unknown) => {
      logger.warn(
        { err: error },
        "could not announce outbox events; listeners will poll",
      );
    })
    .finally(() => {
      state.isSending = false;
      if (state.isAskedAgain) send(client, state);
    });
}
