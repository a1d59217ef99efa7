/**
 * `npm run db:seed`: fills the app's database (DATABASE_URL, else the
 * embedded PGlite under DATA_DIR) with the demo retailer, and prints what
 * it made and the demo sign-ins.
 *
 *   npm run db:seed                 refuses a database that has data
 *   npm run db:seed -- --reset      empties every app table first
 *   npm run db:seed -- --seed 42    another, equally consistent data set
 *
 * The database must be migrated first (`npm run db:migrate`).
 */
import { getDb } from "@/lib/db/client";
import { databaseTarget, describeTarget } from "@/lib/db/config";
import { closeEmbedded } from "@/lib/db/embedded";
import { describeFailure, printLine } from "@/lib/db/migrations/cli";
import { DEMO_SIGN_INS, type SeedSummary, seedDemoData } from "@/lib/db/seed";
import { isAppError } from "@/lib/errors";

const USAGE = "usage: npm run db:seed -- [--reset] [--seed <integer>]";

function parseArgs(args: readonly string[]): { reset: boolean; seed?: number } | null {
  let reset = false;
  let seed: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--reset") reset = true;
    else if (arg === "--seed" && /^\d+$/.test(args[i + 1] ?? "")) {
      seed = Number(args[i + 1]);
      i += 1;
    } else return null;
  }
  return { reset, seed };
}

function printSummary(summary: SeedSummary): void {
  const kinds = Object.entries(summary.locationsByKind)
    .map(([kind, count]) => `${count} ${kind.toLowerCase().replace("_", " ")}`)
    .join(", ");
  const statuses = Object.entries(summary.productsByStatus)
    .map(([status, count]) => `${count} ${status.toLowerCase()}`)
    .join(", ");
  const channels = Object.entries(summary.ordersByChannel)
    .filter(([, count]) => count > 0)
    .map(([channel, count]) => `${count} ${channel}`)
    .join(", ");

  printLine(`seeded the demo data (seed ${summary.seed}) in ${summary.durationMs} ms:`);
  printLine(
    `  locations       ${summary.locations} (${kinds}), ${summary.registers} registers`,
  );
  printLine(
    `  catalogue       ${summary.categories} categories, ${summary.products} products`,
  );
  printLine(`                  (${statuses}), ${summary.variants} variants`);
  printLine(
    `  stock           ${summary.unitsOnHand} units in ${summary.inventoryLevels} levels, ` +
      `${summary.stockMovements} movements`,
  );
  printLine(`  people          ${summary.staff} staff, ${summary.customers} customers`);
  printLine(`  orders          ${summary.orders} (${channels})`);
  printLine("demo sign-ins (staff, at /sign-in):");
  for (const signIn of DEMO_SIGN_INS) {
    const pin = signIn.pin ? `  PIN ${signIn.pin}` : "";
    printLine(
      `  ${signIn.role.padEnd(14)} ${signIn.email.padEnd(36)} ${signIn.password}${pin}` +
        `  (${signIn.location})`,
    );
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    printLine(USAGE);
    return 2;
  }

  const target = databaseTarget();
  printLine(`database: ${describeTarget(target)}`);
  const prisma = getDb();
  try {
    printSummary(await seedDemoData(prisma, options));
    return 0;
  } finally {
    await prisma.$disconnect();
    // PGlite writes its files on close; without it the process would hang.
    if (target.kind === "embedded") await closeEmbedded(target.directory);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Prisma's code for a table that does not exist: nothing was migrated.
    const isUnmigrated = (error as { code?: unknown }).code === "P2021";
    printLine(
      isUnmigrated
        ? "error: the database has no tables yet; run `npm run db:migrate` first."
        : describeFailure(error),
    );
    if (isAppError(error) && error.code === "conflict") {
      printLine(
        "To delete everything and load the demo data: npm run db:seed -- --reset",
      );
    }
    process.exit(1);
  },
);
