/**
 * `npm run worker`: the background work of a larger deployment, in its own
 * process: the outbox dispatcher (lib/events/dispatcher.ts), which listens
 * for new events and polls as a fallback, and the mail sender
 * (lib/email/mail-sender.ts), which sends the emails the dispatcher's
 * subscribers queue, when SMTP_URL is set. Run any number of
 * workers beside any number of app instances: they claim events with
 * SKIP LOCKED, so none is handed on twice. Set OUTBOX_DISPATCHER=worker on
 * the app instances to leave dispatching to the workers alone.
 */
import { getDb } from "@/lib/db/client";
import { databaseTarget, describeTarget } from "@/lib/db/config";
import { prepareDatabase } from "@/lib/db/prepare";
import { createEventsRuntime } from "@/lib/events/start-events";
import { startReservationSweeper } from "@/lib/inventory/start-sweeper";
import { logger } from "@/lib/log";
import { startOrderSweeper } from "@/lib/orders/start-order-sweeper";

const target = databaseTarget();
if (target.kind === "embedded") {
  process.stderr.write(
    "The worker needs DATABASE_URL: the embedded database belongs to the app's own\n" +
      "process, which already runs the dispatcher.\n",
  );
  process.exit(2);
}

// Migrations are serialised by an advisory lock, so starting beside the
// app is safe, and the worker never runs against an older schema.
await prepareDatabase({ seed: false });
const db = getDb();
const runtime = await createEventsRuntime({
  target,
  db,
  hasRealtime: false,
  hasDispatcher: true,
});
// Expired reservations go back to stock from here too (SKIP LOCKED: safe beside the app).
const stopSweeper = startReservationSweeper();
// Stale checkouts and uncollected pay-in-store pickups (row locks: safe beside the app).
const stopOrderSweeper = startOrderSweeper();
logger.info(
  { database: describeTarget(target), isSendingEmail: runtime.mailSender !== null },
  "worker: dispatching outbox events",
);

// The dispatcher's timers do not hold a process open; the worker must stay.
const keepAlive = setInterval(() => undefined, 60 * 60 * 1000);

let isStopping = false;
async function shutDown(signal: NodeJS.Signals) {
  if (isStopping) return;
  isStopping = true;
  clearInterval(keepAlive);
  stopSweeper();
  stopOrderSweeper();
  logger.info({ signal }, "worker: finishing the batch in hand and stopping");
  await runtime.stop();
  await db.$disconnect();
  process.exit(0);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, (received) => void shutDown(received));
}
