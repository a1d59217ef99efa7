import { getDb, type PrismaClient } from "@/lib/db/client";
import { type DatabaseTarget, databaseTarget } from "@/lib/db/config";
import { mailSenderFromEnv } from "@/lib/email/email-runtime";
import type { MailSender } from "@/lib/email/mail-sender";
import { logger } from "@/lib/log";
import { createOutboxDispatcher, type OutboxDispatcher } from "./dispatcher";
import { listenForOutbox, type OutboxListener } from "./outbox-listener";
import { createRealtimeHub, type RealtimeHub } from "./realtime-hub";
import { defaultOutboxSubscribers, type OutboxSubscriber } from "./subscribers";

/** A process's event machinery: one LISTEN, the realtime hub, the dispatcher. */
export interface EventsRuntime {
  /** Null in a worker, which serves no streams. */
  hub: RealtimeHub | null;
  /** Null where dispatching is left to `npm run worker`. */
  dispatcher: OutboxDispatcher | null;
  /** Sends queued email; null without a dispatcher or without SMTP_URL. */
  mailSender: MailSender | null;
  listener: OutboxListener;
  stop(): Promise<void>;
}

export interface EventsRuntimeOptions {
  target: DatabaseTarget;
  db: PrismaClient;
  /** Serve realtime streams from this process. */
  hasRealtime: boolean;
  /** Dispatch outbox events to the subscribers from this process. */
  hasDispatcher: boolean;
  subscribers?: readonly OutboxSubscriber[];
  /** Send queued email from this process; default: where it dispatches. */
  hasMailSender?: boolean;
  mailSender?: MailSender | null;
  /** Fallback reads without a notification; null never (tests). */
  pollIntervalMs?: number | null;
}

/**
 * Starts the LISTEN connection and, as asked, the realtime hub and the
 * dispatcher; one notification wakes both.
 */
export async function createEventsRuntime(
  options: EventsRuntimeOptions,
): Promise<EventsRuntime> {
  const { db } = options;
  const hub = options.hasRealtime
    ? createRealtimeHub({ db, pollIntervalMs: options.pollIntervalMs })
    : null;
  const dispatcher = options.hasDispatcher
    ? createOutboxDispatcher({
        db,
        subscribers: options.subscribers ?? defaultOutboxSubscribers(),
        pollIntervalMs: options.pollIntervalMs,
      })
    : null;
  const mailSender =
    (options.hasMailSender ?? options.hasDispatcher)
      ? options.mailSender !== undefined
        ? options.mailSender
        : mailSenderFromEnv(db, { pollIntervalMs: options.pollIntervalMs })
      : null;

  const listener = listenForOutbox({
    target: options.target,
    onWake: () => {
      hub?.wake();
      dispatcher?.wake();
    },
  });
  // Listen before reading the outbox's end, so nothing falls in between.
  await listener.ready;
  await hub?.start();
  dispatcher?.start();
  mailSender?.start();

  return {
    hub,
    dispatcher,
    mailSender,
    listener,
    async stop() {
      // Streams end first: the HTTP server waits for open responses.
      await hub?.stop();
      await dispatcher?.stop();
      await mailSender?.stop();
      await listener.close();
    },
  };
}

const globalForEvents = globalThis as unknown as {
  __omnitillEvents?: Promise<EventsRuntime>;
};

/**
 * The app's own runtime, started once per process (instrumentation starts
 * it; a stream request starts it if that has not happened). It lives on
 * globalThis because Next loads server code in several bundles. Set
 * OUTBOX_DISPATCHER=worker to leave dispatching to `npm run worker`.
 */
export function startEvents(): Promise<EventsRuntime> {
  globalForEvents.__omnitillEvents ??= createEventsRuntime({
    target: databaseTarget(),
    db: getDb(),
    hasRealtime: true,
    hasDispatcher: process.env.OUTBOX_DISPATCHER !== "worker",
  }).catch((error: unknown) => {
    globalForEvents.__omnitillEvents = undefined;
    throw error;
  });
  return globalForEvents.__omnitillEvents;
}

/** The process's realtime hub, starting the runtime if needed. */
export async function getRealtimeHub(): Promise<RealtimeHub> {
  const runtime = await startEvents();
  if (!runtime.hub) throw new Error("this process serves no realtime streams");
  return runtime.hub;
}

/** Stops the app's runtime, if it started: streams end, the LISTEN closes. */
export async function stopEvents(): Promise<void> {
  const running = globalForEvents.__omnitillEvents;
  globalForEvents.__omnitillEvents = undefined;
  if (!running) return;
  try {
    await (await running).stop();
  } catch (error) {
    logger.error({ err: error }, "stopping the event runtime failed");
  }
}
