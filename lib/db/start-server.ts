import { enableReferenceCache } from "@/lib/db/reference-cache";
import { startEvents, stopEvents } from "@/lib/events/start-events";
import { startReservationSweeper } from "@/lib/inventory/start-sweeper";
import { startOrderSweeper } from "@/lib/orders/start-order-sweeper";
import { databaseTarget } from "./config";
import { prepareDatabase } from "./prepare";
import { DEMO_SIGN_INS } from "./seed";

/**
 * Brings the database up to date when the server starts and starts the
 * realtime events (lib/events/start-events.ts); for the embedded
 * demo, fills it with the demo retailer on first start and prints the
 * demo sign-ins for the person who just started it.
 */
export async function startServer(): Promise<void> {
  const isEmbedded = databaseTarget().kind === "embedded";
  await prepareDatabase({ seed: isEmbedded });
  const events = await startEvents();
  // Reference data (pricing, API keys) is cached once the hub can tell of changes.
  if (events.hub) enableReferenceCache(events.hub);
  const stopSweeper = startReservationSweeper();
  const stopOrderSweeper = startOrderSweeper();
  // Next closes its server on these signals and waits for open responses;
  // ending the event streams (and the LISTEN) lets it finish.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stopSweeper();
      stopOrderSweeper();
      void stopEvents();
    });
  }
  if (!isEmbedded) return;

  const port = process.env.PORT ?? "3000";
  const rows = DEMO_SIGN_INS.map(
    (s) => `  ${s.role.padEnd(14)} ${s.email.padEnd(38)} ${s.location}`,
  );
  // A banner for a person, not a log line.
  process.stdout.write(
    [
      "",
      `Omnitill demo is ready: http://localhost:${port}`,
      "  storefront /   point of sale /pos   back-office /admin",
      `Demo sign-ins at /sign-in (password for all: ${DEMO_SIGN_INS[0]?.password}):`,
      ...rows,
      "",
      "",
    ].join("\n"),
  );
}
